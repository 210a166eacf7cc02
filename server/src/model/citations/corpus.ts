/**
 * Editions cited by their standard siglum rather than by author and title, as papyrologists and
 * epigraphers do: "*P.Lond.Copt.* 279", "*P.Prag.* 2.139.i.12", "*SB* 6.9282", "*BL* 8.343",
 * "*C.Étiq.Mom.* 1706". The sigla are those of the Checklist of Editions of Greek, Latin, Demotic and
 * Coptic Papyri, Ostraca and Tablets (papyri.info/docs/checklist) and its epigraphic counterparts:
 * italic, written without spaces, a dotted abbreviation ("P.Tor.") or a short run of capitals ("SB")
 * followed by volume and number. By that convention such editions are often left out of the
 * bibliography, so a siglum the bibliography lacks is cited but not reported.
 */

export interface CorpusCitation {
  siglum: string;
  /** The number after the siglum ("2.139.i.12"), or null for the series named alone ("*P.Tor.*"). */
  locator: string | null;
  /** Offsets in the text searched: the siglum and its number. */
  start: number;
  end: number;
  /**
   * A journal cited by its standard abbreviation, volume, year and page, without the article's title,
   * as classicists do: "*ZPE* 14 (1974) 67 no. 1". A full reference; the locator is the page.
   */
  article: boolean;
}

/** After a journal's siglum and volume: "(1974) 67 no. 1", "(1975): 20-30". */
const yearAndPages = /^\s*\((?:1[5-9]\d\d|20\d\d)\)[,:]?\s*(\d{1,5}(?:\s*(?:-{1,3}|[–—])\s*\d{1,5})?(?:\s*,?\s*(?:n|no|nos)\.\s*\d{1,5}[a-z]?)?)(?![\d\p{L}])/u;

// "*P.Lond.Copt.* 279", "*C.Étiq.Mom*. 1706", "*SB* 6.9282": an italic siglum, then its number.
const siglum = /(?<![\p{L}\d*_])([*_])((?:\p{Lu}{1,4}\.)(?:[\p{Lu}][\p{L}]{0,12}\.?){1,4}|\p{Lu}{2,4})\1(\.?)(?:\s+(\d{1,5}(?:\.(?:\d{1,5}|[ivxl]{1,6}))*)(?![\d\p{L}]))?/gu;

/** Every edition cited by siglum in the text, in order. */
export function findCorpusCitations(text: string): CorpusCitation[] {
  if (text.length > 3000) return [];
  const found: CorpusCitation[] = [];
  for (const match of text.matchAll(siglum)) {
    const name = match[2];
    const number = match[4] ?? null;
    const dotted = /^\p{Lu}{1,4}\.\p{Lu}/u.test(name);
    // A run of capitals alone ("*SB*", "*NYT*") is a siglum only with its number; a dotted one
    // ("*P.Tor.*") names the series even alone.
    if (!dotted && number === null) continue;
    const end = match.index + match[0].length;
    const article = number !== null && !dotted ? yearAndPages.exec(text.slice(end)) : null;
    if (article) {
      found.push({ siglum: name + match[3], locator: article[1], start: match.index, end: end + article[0].length, article: true });
      continue;
    }
    found.push({ siglum: name + match[3], locator: number, start: match.index, end, article: false });
  }
  return found;
}
