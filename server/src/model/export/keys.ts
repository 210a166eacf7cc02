/**
 * Citation keys for exported entries, in the style of Better BibTeX's `authorTitleYear`: the first
 * author's surname, the first significant word of the title and the year, lower-case ASCII
 * (`maylessons1973`). Keys depend only on the entry, so an export run twice gives the same keys;
 * works that would share one get `a`, `b`, … in bibliography order (`stueckkorean1986a`).
 */
import type { BibliographyEntry } from '../types';
import { titleWords } from '../bibliography/spans';

const foldedLetters: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower-case ASCII letters and digits only: "Dvořák" → "dvorak", "Æsop" → "aesop". */
export function asciiKeyPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (ch) => foldedLetters[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

function authorPartOf(entry: BibliographyEntry): string {
  const person = entry.authors[0] ?? entry.editors[0];
  if (person) return asciiKeyPart(person.surname);
  if (entry.corporateAuthor) {
    // A body is known by its acronym ("frus"); failing that, by its first significant word.
    const alias = entry.aliases.find((name) => /^[a-z]{2,8}$/.test(name));
    if (alias) return alias;
    return asciiKeyPart(titleWords(entry.corporateAuthor)[0] ?? '');
  }
  return '';
}

function titlePartOf(entry: BibliographyEntry): string {
  for (const word of titleWords(entry.title ?? '')) {
    const part = asciiKeyPart(word);
    if (part && !/^\d+$/.test(part)) return part;
  }
  return '';
}

/** The key before de-duplication. */
export function baseKeyOf(entry: BibliographyEntry): string {
  // A document known by its number and nothing else ("US National Security Council Report 68"): nsc68_1950.
  if (entry.authors.length === 0 && entry.editors.length === 0 && !entry.title && entry.documentIds.length > 0) {
    // The model reads several spellings ("unsc 68", "nsc 68"); its own key names the one it chose.
    const ids = entry.documentIds.map(asciiKeyPart);
    const id = ids.find((candidate) => candidate && entry.key.startsWith(candidate)) ?? ids[0];
    if (id) return `${/^\d/.test(id) ? 'doc' : ''}${id}${entry.year === null ? '' : `_${entry.year}`}`;
  }
  const key = `${authorPartOf(entry)}${titlePartOf(entry)}${entry.year ?? ''}`;
  if (!key) return 'untitled';
  // A key that starts with a digit reads badly in `[@1950]` and trips some BibTeX tools.
  return /^\d/.test(key) ? `ref${key}` : key;
}

/** Export keys for the entries, by the model's entry key, unique among them. */
export function exportKeys(entries: readonly BibliographyEntry[]): Map<string, string> {
  const bases = entries.map(baseKeyOf);
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  const used = new Set(bases.filter((base) => counts.get(base) === 1));
  const keys = new Map<string, string>();
  entries.forEach((entry, index) => {
    const base = bases[index];
    let key = base;
    if (counts.get(base)! > 1) {
      for (let n = 0; ; n++) {
        key = `${base}${suffix(n)}`;
        if (!used.has(key)) break;
      }
      used.add(key);
    }
    keys.set(entry.key, key);
  });
  return keys;
}

/** a, b, …, z, aa, ab, … */
function suffix(n: number): string {
  let result = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) result = String.fromCharCode(97 + ((i - 1) % 26)) + result;
  return result;
}
