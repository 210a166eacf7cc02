/**
 * The essay model: what Apparatus knows about one Markdown essay.
 *
 * Plain data, no editor types: positions have the same shape as LSP's (0-based line, UTF-16
 * character) so the feature layer can hand them out unchanged, but nothing here imports the
 * protocol.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** `footnote`: `[^12]` with `[^12]: text`; `endnote`: `[12]` in the body with a trailing `[12] text` list. */
export type NoteForm = 'footnote' | 'endnote';

export interface Marker {
  label: string;
  form: NoteForm;
  /** The whole marker, brackets included. */
  range: Range;
  /** Just the label inside the brackets (what a rename replaces). */
  labelRange: Range;
  /** Index of the top-level block (paragraph, list, ...) the marker sits in. */
  blockIndex: number;
  /**
   * A Pandoc inline note `^[…]`: the marker is its `^[`, and its label (`^12`, see
   * `inlineNoteLabel`) is the number Pandoc will print, which no typed `[^x]` label uses.
   */
  inline?: true;
}

export interface Note {
  label: string;
  form: NoteForm;
  /** From the start of `[^12]:` (or `[12]`) to the end of the note's last paragraph. */
  range: Range;
  /** The label inside the definition's brackets. */
  labelRange: Range;
  /** The note's text as written (Markdown source, continuation paragraphs joined with a blank line). */
  text: string;
  /** Where `text` starts in the document. */
  textRange: Range;
  /** The citations the note was split into, resolved against the bibliography. */
  citations: Citation[];
  /** True when the note cites nothing (a discursive note). */
  discursive: boolean;
  /** A Pandoc inline note `^[…]`: `range` is the whole of it, `labelRange` its `^[`, `text` what is inside the brackets. */
  inline?: true;
}

export type CitationKind = 'full' | 'short' | 'ibid' | 'none';

export interface Locator {
  /** As written: "p.72", "pp.333-34", "p. 114-5". */
  text: string;
  /** First page as written ("333"), or null when the locator is not numeric. */
  from: string | null;
  /** Last page expanded to a full number ("334" for "333-34"), or null for a single page. */
  to: string | null;
}

export interface NearMatch {
  /** The name as written in the note ("Goncharow"). */
  written: string;
  /** The bibliography's spelling ("Goncharov"). */
  expected: string;
  /** Where the written name is, so a fix can replace exactly it. */
  range: Range;
}

export interface Citation {
  /** The citation's text as written in the note. */
  text: string;
  range: Range;
  kind: CitationKind;
  locator: Locator | null;
  /** Keys of the bibliography entries it resolves to (several for an ambiguous Ibid.). */
  entries: string[];
  /** Why it did not resolve, in words; null when it did (or when it is not a citation). */
  unresolved: string | null;
  /** Entries it could mean when it is ambiguous (named in `unresolved`). */
  candidates: string[];
  /** Set when the author's name is misspelt but a close match exists. */
  nearMatch: NearMatch | null;
  /** For Ibid.: the notes followed back to the source ("23" → "22"), nearest first. */
  ibidChain: string[];
  /** Who is cited through whom ("Khrushchev in Talbott"): the mediating phrase, when there is one. */
  mediatedBy: string | null;
  /**
   * "Baccani 1992" when the bibliography lists Baccani's work of 1978 only: the author's listed works,
   * which `unresolved` asks to correct the year against (they are not then also "never cited").
   */
  wrongYearOf?: string[];
}

export interface Person {
  surname: string;
  /** Given names or initials as written ("W.W.", "John Lewis"). */
  given: string;
}

export interface BibliographyEntry {
  /** Stable key: first author's surname (or a document's short name) + year + a, b... (`weathersby1995b`). */
  key: string;
  /** The entry's Markdown source. */
  text: string;
  range: Range;
  /** The sub-section it sits in ("Primary sources"), or null. */
  section: string | null;
  /**
   * Where an archival source is held, when the bibliography lists it in a nested list under its
   * repository and series ("Library of Congress", "Manuscript Division"), outermost first.
   */
  holders?: string[];
  authors: Person[];
  editors: Person[];
  etAl: boolean;
  /** A body as author ("Foreign Relations of the United States", "National Archives"). */
  corporateAuthor: string | null;
  year: number | null;
  /** "winter", "spring", "July", "Feb." — what distinguishes two works of one author in one year. */
  season: string | null;
  /** "Issue 5", "No.4", "Working Paper No.8". */
  issue: string | null;
  title: string | null;
  /** Journal, collection or series the work is in ("CWIHP", "Diplomatic History"). */
  container: string | null;
  volume: string | null;
  /** Page range of an article or chapter ("94-119"), from/to as numbers for checking locators. */
  pages: { text: string; from: number; to: number } | null;
  url: string | null;
  /** Document identifiers found in the entry ("nsc 68", "nsc 8-2"), normalised. */
  documentIds: string[];
  /** Full dates found in the entry, ISO (1950-06-25). */
  dates: string[];
  /** Short names a note may use: acronyms of a body or series ("frus", "tna"). */
  aliases: string[];
  /** An article or chapter (quoted title inside a journal or book): its page range bounds locators. */
  isPart: boolean;
}

export interface BibliographySection {
  title: string;
  range: Range;
}

export interface Bibliography {
  /** The heading line ("Bibliography", "BIBLIOGRAPHY:", "Works Cited"). */
  heading: { text: string; range: Range } | null;
  sections: BibliographySection[];
  entries: BibliographyEntry[];
  /** The whole bibliography, heading to last entry. */
  range: Range | null;
  /**
   * Set for an essay with no bibliography whose notes give each work in full at its first citation
   * (Chicago 14.19): its entries are those full references, where they stand in the notes.
   */
  fromNotes?: true;
}

export interface Heading {
  text: string;
  depth: number;
  range: Range;
}

export type ClaimReason =
  | 'quotation'
  | 'statistic'
  | 'specific-detail'
  | 'reported-speech-or-thought'
  | 'historiography'
  | 'vague-attribution';

export interface ClaimEvidence {
  reason: ClaimReason;
  /** What was found, as written ("'the Soviet people would not understand…'", "telegram"). */
  text: string;
  range: Range;
}

/** A body sentence that needs a citation, with whether one supports it. */
export interface Claim {
  sentence: string;
  range: Range;
  reasons: ClaimReason[];
  evidence: ClaimEvidence[];
  /** Labels of the markers that support it (empty: unsupported). */
  supportedBy: string[];
  /** Silenced by an `<!-- apparatus-ignore -->` comment, the allowlist or own-argument phrasing. */
  suppressed: boolean;
  /** Why it needs a citation, in words ("Possibly unsupported: quotes '…' …"). */
  message: string;
  /**
   * 'high' (a quotation, a figure, a dated detail in an uncited paragraph): a warning; 'low': information;
   * 'hint': shown faintly, not counted as a finding (words quoted again that the essay quoted before).
   */
  confidence?: 'high' | 'low' | 'hint';
  /** How sure the claim analyser is (claims/score.ts); the density cap keeps the highest. */
  score?: number;
  /** Past the density cap (claims/density.ts): a weaker finding not shown, so the essay's stronger ones are read. */
  withheld?: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedInformation {
  message: string;
  range: Range;
  /** Set when the range is in another file: the `origin` of the shared bibliography it points into. */
  origin?: string;
}

/** A bibliography kept in another file and shared by the chapters of a thesis. */
export interface SharedBibliography {
  /** The file the entries' ranges point into, named as the caller names it (a URI or a path): the model never reads it. */
  origin: string;
  bibliography: Bibliography;
  /**
   * Named by the `apparatus.bibliography` setting or on the command line: a chapter without its own
   * bibliography takes it whatever its notes cite (one only found beside the chapter may be declined).
   */
  named?: boolean;
}

export interface Diagnostic {
  /** Stable rule id (`missing-note`, `unsupported-claim/quotation`). */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedInformation[];
  /** `unnecessary` greys the range out (an unused note). */
  tags: ('unnecessary')[];
  /** Machine-readable facts a quick fix needs (the label, the near-match spelling, ...). */
  data?: Record<string, string>;
}

export interface FrontMatter {
  range: Range;
  /** Parsed YAML values that are strings or numbers (title, author, date); empty when the YAML is broken. */
  fields: Record<string, string>;
  /** Why the YAML could not be read, when it could not. */
  error: string | null;
}

export interface Essay {
  /** The analysed text (what every range refers to). */
  text: string;
  lineCount: number;
  form: NoteForm | null;
  frontMatter: FrontMatter | null;
  headings: Heading[];
  markers: Marker[];
  notes: Note[];
  bibliography: Bibliography;
  claims: Claim[];
  diagnostics: Diagnostic[];
  /** Set when the text was not analysed (too large, binary): the one thing to tell the user. */
  skipped: string | null;
  /** Pandoc citation keys (`[@key, p. 33]`) and the bibliography files they resolve against. */
  pandoc?: PandocModel;
  /**
   * The bibliography of another file that the notes were resolved against, when the text has none
   * of its own; `bibliography` is then empty. Absent or null otherwise.
   */
  sharedBibliography?: SharedBibliography | null;
  /**
   * Keys of the entries (of the bibliography the notes were resolved against) that the running
   * text cites author–date, outside the notes: "as Bodard (2017) shows". Cited, though no note cites them.
   */
  citedInText?: readonly string[];
}

import type { PandocModel } from './pandoc/index';

