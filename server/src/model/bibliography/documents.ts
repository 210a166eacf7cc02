/**
 * Government papers and archives are cited by short names: "NSC 68", "NSC report 8-2",
 * "FRUS", "TNA, FO 371/76384". These helpers turn such names into comparable identifiers.
 */

const skipInAcronym = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'des', 'du', 'la', 'le', 'für', 'a', 'an']);
const documentTypes = /^(?:Report|Memorandum|Paper|Directive|Document|No\.?|Number)$/i;

/** "Foreign Relations of the United States" → "frus"; single words have none. */
export function acronymOf(name: string): string | null {
  const words = name.replace(/[*_'"“”‘’]/g, '').split(/[\s,.:;()-]+/).filter(Boolean);
  const letters = words.filter((word) => !skipInAcronym.has(word.toLowerCase()) && /^\p{Lu}/u.test(word));
  if (letters.length < 2 || letters.length > 8) return null;
  return letters.map((word) => word[0].toLowerCase()).join('');
}

/**
 * Identifiers of documents and archival series, normalised to "<acronym> <number>":
 * "NSC report 8-2" → "nsc 8-2", "NSC 68" → "nsc 68", "FO 371/76384" → "fo 371/76384", and for
 * a spelled-out body "National Security Council Report 68" → "nsc 68" (every trailing run of
 * capitalised words is tried, so "US National Security Council" also yields "nsc").
 */
export function documentIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(/\b([A-Z]{2,6})\s*(?:[Rr]eport\s*|[Mm]emorandum\s*|[Nn]o\.?\s*)?(\d{1,5}(?:[-/]\d{1,6})*[A-Z]?)\b/g)) {
    if (/^(?:pp?|vol|no|NY|UK|US|USA)$/i.test(match[1]) && !/^(?:US|UK)$/.test(match[1])) continue;
    ids.add(`${match[1].toLowerCase()} ${match[2]}`);
  }
  for (const match of text.matchAll(/((?:\p{Lu}[\p{L}.]{0,30}\s{1,3}){2,8})(?:Report|Memorandum|Paper|Directive|No\.?)?\s{0,3}(\d{1,5}(?:-\d{1,3})?)\b/gu)) {
    const words = match[1].trim().split(/\s+/).filter((word) => !documentTypes.test(word));
    for (let start = 0; start < words.length - 1; start++) {
      const acronym = acronymOf(words.slice(start).join(' '));
      if (acronym) ids.add(`${acronym} ${match[2]}`);
    }
  }
  return [...ids];
}

/** Does a cited identifier ("fo 371/76384") fall under an entry's ("fo 371")? */
export function documentIdMatches(cited: string, listed: string): boolean {
  return cited === listed || cited.startsWith(`${listed}/`) || cited.startsWith(`${listed}-`);
}
