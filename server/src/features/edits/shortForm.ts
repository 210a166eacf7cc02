/**
 * The short form a writer types to cite a bibliography entry in a note: the author's surname
 * and the year, with the season, month or letter when the same author has two works that year
 * ("Stueck (1976), p.", "Weathersby (winter 1995), p.", "Garthoff (1989b), p."), then the start
 * of a page locator.
 */
import type { BibliographyEntry, Person } from '../../model/types';

export function shortFormName(entry: BibliographyEntry): string {
  const people: Person[] = entry.authors.length > 0 ? entry.authors : entry.editors;
  if (people.length === 0) return entry.corporateAuthor ?? shortTitle(entry) ?? entry.key;
  if (entry.etAl || people.length > 2) return `${people[0].surname} et al.`;
  if (people.length === 2) return `${people[0].surname} and ${people[1].surname}`;
  return people[0].surname;
}

/** "Surname (year), p." — `siblings` are the other entries, to tell same-year works apart. */
export function shortFormCitation(entry: BibliographyEntry, siblings: BibliographyEntry[]): string {
  const name = shortFormName(entry);
  if (entry.year === null) {
    const title = shortTitle(entry);
    return title && title !== name ? `${name}, ${title}, p.` : `${name}, p.`;
  }
  const sameYear = siblings.some(
    (other) => other !== entry && other.year === entry.year && shortFormName(other) === name,
  );
  // "1989b" for works told apart by a letter, "winter 1995" by a season or month.
  const when = !sameYear || !entry.season ? String(entry.year) : /^[a-z]$/.test(entry.season) ? `${entry.year}${entry.season}` : `${entry.season} ${entry.year}`;
  return `${name} (${when}), p.`;
}

/** The title up to its first colon or full stop, Markdown emphasis and quotes removed. */
function shortTitle(entry: BibliographyEntry): string | null {
  if (!entry.title) return null;
  const plain = entry.title.replace(/[*_'"‘’“”]/g, '').trim();
  const cut = plain.split(/[:.]/)[0].trim();
  return cut || null;
}
