/**
 * Works a bibliography rightly leaves out. The Chicago Manual (17th ed., 14.198) says newspaper and
 * magazine articles are usually cited in notes only, so an essay whose bibliography lists no
 * periodical at all is following the rule when its notes cite dated issues: a warning that each
 * "matches no entry" would be a wall of false alarms. An essay that does list its newspapers and
 * cites one it does not list has a real gap, and is still told.
 */
import type { Bibliography } from '../types';
import { stripMarkup } from '../bibliography/spans';
import { monthPattern } from '../bibliography/dates';

/** "13 Dec. 1891", "March 3, 1921", "March 1921": the date of an issue. */
const issueDate = new RegExp(String.raw`(?:\b\d{1,2}\s+${monthPattern}\s+\d{4}|\b${monthPattern}\s+\d{1,2},\s+\d{4}|\b${monthPattern}\s+\d{4})\b`);
/** An italic title, then perhaps its place in parentheses, then (perhaps linked) the date of an issue. */
const periodicalIssue = new RegExp(String.raw`\*[^*\n]{2,80}\*,?\s*(?:\([^()\n]{1,60}\),?\s*)?\[?` + issueDate.source);

/** A citation of a dated issue of a periodical: "*Wheeling Sunday Register* (Wheeling, WV), 13 Dec. 1891, p. 9". */
export function citesPeriodicalIssue(text: string): boolean {
  return periodicalIssue.test(text);
}

/** Whether the bibliography lists periodicals: a section for them, or an entry that is a periodical's title alone. */
export function listsPeriodicals(bibliography: Bibliography): boolean {
  if (bibliography.sections.some((section) => /\b(?:newspapers?|periodicals?|press|magazines?)\b/i.test(section.title))) return true;
  // Articles of dated issues listed one by one: the writer lists what they cite from periodicals.
  if (bibliography.entries.some((entry) => citesPeriodicalIssue(entry.text))) return true;
  // "*Colorado Chieftain* (Pueblo, Colorado)", "*The Times* (London)": a title alone, no imprint.
  return bibliography.entries.some(
    (entry) => entry.authors.length === 0 && entry.editors.length === 0 && /^\s*\*[^*]+\*[\s.,(]/.test(entry.text) && stripMarkup(entry.text).length < 120 && !/\w:\s/.test(entry.text),
  );
}

/** A citation whose work the bibliography rightly leaves out (see above). */
export function rightlyOmitted(text: string, bibliography: Bibliography): boolean {
  return citesPeriodicalIssue(text) && !listsPeriodicals(bibliography);
}

/**
 * A personal communication cited in a note of its own: "Emily Whal, email message to Van Hyning,
 * October 14, 2021"; "Ada Cole, personal communication, 3 May 2019"; "Email from Ada Cole to the
 * author, 3 May 2019". The Chicago Manual (14.214) cites these in notes and never in the
 * bibliography: a reference in full, with nothing to look up.
 */
const communication = String.raw`(?:personal\s+communication|(?:an\s+)?e-?mail(?:\s+message)?|(?:a\s+)?(?:telephone\s+|private\s+)?conversation|(?:a\s+)?text\s+message|(?:a\s+)?(?:telephone|phone)\s+call)`;
const person = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`;
const personalCommunicationPattern = new RegExp(
  String.raw`^(?:${person},\s+${communication}\b|${communication}\s+(?:from|with)\s+${person}\b)[^;]{0,120}\b(?:1[5-9]\d\d|20\d\d)\b[^;]{0,20}$`,
  'iu',
);

export function citesPersonalCommunication(text: string): boolean {
  return personalCommunicationPattern.test(stripMarkup(text).trim());
}
