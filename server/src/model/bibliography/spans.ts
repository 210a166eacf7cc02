/**
 * Titles in a reference: italic spans (`*Title*`, `_Title_`) and quoted spans ('Title', "Title",
 * “Title”, ‘Title’). Shared by bibliography entries and note citations, which write titles alike.
 */

export interface TitleSpan {
  start: number;
  end: number;
  /** The title without its markup. */
  value: string;
  style: 'italic' | 'quoted';
}

// A title may wrap onto the next line (hard-wrapped notes and bibliographies), never across a blank line.
const italic = /(?<![*\w])(\*|_)(?!\1|\s)([^*_]{1,400}?)(?<!\s)\1(?![*\w])/g;
// A quote opens after a space, start or bracket, and closes before a space, punctuation or end.
// Apostrophes inside words ("Stalin's", "O'Brien") therefore neither open nor close a title.
const OPEN = String.raw`(?<=^|[\s(\[*_])`;
const CLOSE = String.raw`(?=$|[\s,.;:)\]*_?!])`;
const BODY = String.raw`(?=\S)([^]{1,400}?)(?<=\S)`;
// A double quote may also lose its space to a slip of typing or a PDF copy: it opens after a comma
// or colon ("Green,"The Sources…"), and closes after the title's own comma or full stop right
// before a word or page ("Quelle."In …", "Perceptions,"241"). Single quotes keep the strict rule,
// since an apostrophe may stand there.
const OPEN_DOUBLE = String.raw`(?<=^|[\s(\[*_,:])`;
const CLOSE_DOUBLE = String.raw`(?:${CLOSE}|(?<=[.,?!]["”])(?=[A-Za-z0-9\u00C0-\u024F]))`;
// Each opening quote looks for its own closing quote, so a title that opens with a quotation
// ("'Is There No Blessing for Me?': Jane…") is read to its real end.
const quoted = new RegExp(
  // A curly opening quote closed by a straight one ("Driggs, “’How Do Things Look on the Ground?"; Embry,
  // “Speaking…,”"), as conversions and hurried typing leave them: only when no curly closing quote
  // follows before the next opening one, so that a straight quotation inside a title stays inside.
  [
    `${OPEN_DOUBLE}"${BODY}"${CLOSE_DOUBLE}`,
    `${OPEN_DOUBLE}“${BODY}(?:”|"(?=[^”“]{0,400}(?:“|$)))${CLOSE_DOUBLE}`,
    `${OPEN}'${BODY}'${CLOSE}`,
    `${OPEN}‘${BODY}[’']${CLOSE}`,
  ].join('|'),
  'g',
);
const blankLine = /\n[ \t]*(?:\r?\n|$)/;

/** Every match of a global pattern that does not cross a blank line; after one that does, the search resumes one character on. */
function* matchesWithinParagraphs(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (blankLine.test(match[0])) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    yield match;
  }
}

/** The text inside the quotes: the one group of the alternation that matched. */
function bodyOf(match: RegExpExecArray): string {
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return match[i];
  return '';
}

const latinAbbreviation = /^\s*et\s+al\.?\s*$/i;

export function findTitles(text: string): TitleSpan[] {
  const spans: TitleSpan[] = [];
  for (const match of matchesWithinParagraphs(italic, text)) {
    // "Reimer, P. J., E. Bard, *et al.* 2013": the Latin set in italics, as some styles set it, is
    // part of the names, not a title.
    if (latinAbbreviation.test(match[2])) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, value: match[2].replace(/\s+/g, ' ').trim(), style: 'italic' });
  }
  for (const match of matchesWithinParagraphs(quoted, text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (spans.some((span) => span.start < end && start < span.end && span.style === 'italic' && span.start <= start)) {
      // A quotation inside an italic title is part of it.
      if (spans.some((span) => span.start <= start && end <= span.end)) continue;
    }
    spans.push({ start, end, value: stripMarkup(bodyOf(match)).replace(/\s+/g, ' ').trim(), style: 'quoted' });
  }
  spans.sort((a, b) => a.start - b.start);
  // Drop spans nested in an earlier one (an italic word inside a quoted article title).
  const kept: TitleSpan[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

export function stripMarkup(text: string): string {
  return text.replace(/[*_`]/g, '');
}

export function insideSpans(spans: { start: number; end: number }[], index: number): boolean {
  return spans.some((span) => span.start <= index && index < span.end);
}

const stopWords = new Set(
  'a an the of and or in on at to for from by with as its it is was were be this that these those his her their de la le les du des der die das und von van'.split(
    ' ',
  ),
);

/** Lower-cased significant words of a title, for matching short titles against full ones. */
export function titleWords(text: string): string[] {
  return (stripMarkup(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (word) => word.length > 1 && !stopWords.has(word),
  );
}
