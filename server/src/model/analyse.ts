/**
 * The model's entry point: text in, essay model out.
 *
 *   text ─ splitBlocks ─▶ blocks ─ parseBlock (memoised by text) ─▶ items
 *        ─▶ bibliography (entries memoised by text) ─▶ markers, notes
 *        ─▶ citations (segmented per note text, resolved against the bibliography, Ibid. chains)
 *        ─▶ claims (per paragraph, memoised) ─▶ diagnostics
 *
 * Pass the same AnalysisCache for successive versions of one document and only the blocks an
 * edit touched are parsed again; the result is the same as a cold analysis.
 */
import type { Bibliography, Claim, Diagnostic, Essay, FrontMatter, Heading, Range, SharedBibliography } from './types';
import { resplitBlocks, splitBlocks, type Block } from './blocks';
import { parseBlock, type BlockItem, type ParsedBlock } from './parseBlock';
import { pushItemsOf, type DocItem } from './document';
import { Memo } from './cache';
import { buildBibliography, prepareEntry, type BibliographyRegion, type BuiltBibliography, type PreparedEntry, findBibliographyRegion, isPlainBibliographyHeading, cleanHeading } from './bibliography/assemble';
import { addInlineNotes, collectMarkers, collectNotes, decideForm, findInlineNotes, readingOrder, type NoteSource } from './notes';
import { resolveNotes, type CitationFacts, type CitationMemos, type StoredResolution } from './citations/index';
import { bibliographyFromNotes, type NotesBibliography } from './citations/notesBibliography';
import { withoutSpanMarkup, type CitationDraft } from './citations/segment';
import { bibliographyDiagnostics, citationDiagnostics, diagnostic, noteDiagnostics } from './diagnostics';
import { entriesCitedInText } from './citations/inText';
import { citationsByExportKey } from './export/citedByKey';
import { analyseClaims, claimDiagnosticsOf, type ClaimMemo } from './claimsBridge';
import { defaultClaimOptions, type ClaimOptions } from './claims/api';
import { parseFrontMatter } from './frontMatter';
import { comparePositions, lineCount } from './text';
import { analysePandoc, bibliographyNames, citationMarkersByItem, onKey, pandocDiagnostics, PandocCache, supportClaimsWithKeys, type LibraryLoader } from './pandoc/index';
import { wholeFileBibliography } from './bibliographyFile';
import { endAtRefsDiv, isCiteprocPlaceholder } from './pandoc/placeholder';

export interface AnalysisOptions {
  /** Larger texts (in UTF-16 code units) are not analysed: one `file-too-large` diagnostic instead. */
  maxFileSize: number;
  claims: ClaimOptions & { enabled: boolean };
  /**
   * When a short form before the first full reference is reported. The Chicago Manual (17th ed.,
   * 14.19, 14.29) lets an essay with a full bibliography use short notes from the first citation,
   * so by default only an essay without one is told (`withoutBibliography`); `always` when the
   * writer asks for the rule by setting its severity.
   */
  shortFormBeforeFull: 'withoutBibliography' | 'always';
  /**
   * Reads the bibliography files the essay names for its Pandoc keys (front matter
   * `bibliography:`, plus the files the caller adds itself). The model reads no files: without a
   * loader only `references:` in front matter is used.
   */
  libraries?: LibraryLoader;
  /**
   * The bibliography of another file, for a text that has none of its own (a chapter of a thesis
   * whose bibliography is `bibliography.md`): its notes are resolved against it, its entries'
   * ranges still point into that file (`origin` says which), and it is judged there, not here
   * (never cited, duplicates). Ignored when the text has a bibliography of its own.
   */
  sharedBibliography?: SharedBibliography | null;
  /** The whole text is a bibliography even without a heading (a file the workspace knows is one). */
  bibliographyFile?: boolean;
}

export const defaultAnalysisOptions: AnalysisOptions = {
  maxFileSize: 4_000_000,
  claims: { ...defaultClaimOptions, enabled: true },
  shortFormBeforeFull: 'withoutBibliography',
};

export class AnalysisCache {
  readonly blocks = new Memo<ParsedBlock>();
  readonly entries = new Memo<PreparedEntry>();
  readonly drafts = new Memo<CitationDraft[]>();
  readonly resolutions = new Memo<StoredResolution>();
  readonly claims: ClaimMemo = new Memo();
  readonly pandoc = new PandocCache();
  bibliographySignature = '';
  signedBibliography: Bibliography | null = null;
  /**
   * The reading of the notes against no bibliography that finds an essay's full references when it
   * has no bibliography (notesBibliography.ts): its resolutions are its own, its drafts shared.
   */
  readonly notesPass: CitationMemos = { drafts: this.drafts, resolutions: new Memo<StoredResolution>(), bibliographySignature: '', signedBibliography: null };
  /**
   * The reading against a shared bibliography found only by the folder's convention, made beside
   * the reading against the notes' own full references to choose between them: each keeps its
   * own resolutions, so neither undoes the other's at every keystroke.
   */
  readonly sharedTrial: CitationMemos = { drafts: this.drafts, resolutions: new Memo<StoredResolution>(), bibliographySignature: '', signedBibliography: null };
  /** The last bibliography made from the notes: kept while its entries stay as they were. */
  private fromNotes: NotesBibliography | null = null;

  notesBibliographyOf(ordered: NoteSource[]): NotesBibliography {
    const made = bibliographyFromNotes(ordered, this.notesPass, (entryText) => this.entries.get(entryText, () => prepareEntry(entryText)));
    const last = this.fromNotes;
    if (last && sameNotesBibliography(last, made)) return last;
    this.fromNotes = made;
    return made;
  }
  /** The last bibliography built, and the items (with their line offsets) it was built from. */
  private bibliography: { items: BlockItem[]; lineOffsets: number[]; built: BuiltBibliography } | null = null;
  private bibliographyReused = false;

  /**
   * The bibliography of `items`: the last one built when its region holds the same parsed items
   * at the same lines (an edit elsewhere leaves it alone), else `build()`'s.
   */
  bibliographyOf(items: DocItem[], region: BibliographyRegion | null, build: () => BuiltBibliography): BuiltBibliography {
    const span = region ? items.slice(region.headingIndex, region.endIndex) : [];
    const last = this.bibliography;
    this.bibliographyReused = last !== null && last.items.length === span.length && span.every((doc, i) => doc.item === last.items[i] && doc.lineOffset === last.lineOffsets[i]);
    if (last && this.bibliographyReused) return last.built;
    const built = build();
    this.bibliography = { items: span.map((doc) => doc.item), lineOffsets: span.map((doc) => doc.lineOffset), built };
    return built;
  }

  /** The last text split into blocks, and its blocks: the next version is split from them. */
  private split: { text: string; blocks: Block[] } | null = null;

  blocksOf(text: string): Block[] {
    if (this.split?.text === text) return this.split.blocks;
    const blocks = this.split ? resplitBlocks(this.split.text, this.split.blocks, text) : splitBlocks(text);
    this.split = { text, blocks };
    return blocks;
  }

  sweep(): void {
    this.blocks.sweep();
    // A bibliography reused whole looked up none of its entries: they are all still needed.
    if (!this.bibliographyReused) this.entries.sweep();
    this.drafts.sweep();
    this.resolutions.sweep();
    this.notesPass.resolutions.sweep();
    this.sharedTrial.resolutions.sweep();
    this.claims.sweep();
    this.pandoc.scans.sweep();
  }
}

const sameRange = (a: Range, b: Range): boolean => comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;

/** The same entries at the same places: the essay's sources did not change. */
function sameNotesBibliography(a: NotesBibliography, b: NotesBibliography): boolean {
  const x = a.bibliography.entries;
  const y = b.bibliography.entries;
  return (
    x.length === y.length &&
    x.every((entry, i) => entry.text === y[i].text && entry.key === y[i].key && sameRange(entry.range, y[i].range)) &&
    a.pinned.size === b.pinned.size &&
    [...a.pinned].every(([at, pin]) => b.pinned.get(at)?.key === pin.key && b.pinned.get(at)?.kind === pin.kind && b.pinned.get(at)?.locator?.text === pin.locator?.text)
  );
}

export function analyseEssay(text: string, options: Partial<AnalysisOptions> = {}, cache: AnalysisCache = new AnalysisCache()): Essay {
  const settings: AnalysisOptions = {
    ...defaultAnalysisOptions,
    ...options,
    claims: { ...defaultAnalysisOptions.claims, ...options.claims },
  };
  if (text.length > settings.maxFileSize) return skipped(text, tooLarge(text.length, settings.maxFileSize));

  const blocks = cache.blocksOf(text);
  const items: DocItem[] = [];
  for (let index = 0; index < blocks.length; index++) {
    pushItemsOf(items, cachedBlock(cache, blocks[index].text), index, blocks[index].startLine);
  }

  const frontMatter = items[0]?.item.kind === 'yaml' ? parseFrontMatter(items[0]) : null;
  const headings = collectHeadings(items);
  const yaml = items[0]?.item.kind === 'yaml' ? { yaml: items[0].item.value ?? '', range: items[0].range } : null;
  const pandoc = analysePandoc(text, blocks, yaml, settings.libraries, cache.pandoc);
  const namesBibliography = bibliographyNames(yaml?.yaml ?? null).length > 0;
  const headedRegion = findBibliographyRegion(items);
  // Citeproc prints the bibliography at `<div id="refs">`: nothing after it is typed by hand.
  let region = headedRegion && endAtRefsDiv(items, headedRegion, pandoc, namesBibliography);
  // An empty `# References` at the end of a Pandoc document is where citeproc prints the
  // bibliography: no typed bibliography, and what sits under it (a caption, a chunk) is no entry.
  const citeprocPlaceholder = region && isCiteprocPlaceholder(items, region, pandoc, namesBibliography) ? headedRegion : null;
  if (citeprocPlaceholder) region = null;
  // A catalogue entry's "Bibliography" that is a run of author–date references ("Labande 1903, 8–10;
  // Gauckler 1901, 340; …") cites works of the book's bibliography (offered, or elsewhere): it is no
  // bibliography of its own, and its references are citations in the text.
  const citationList = region && listsReferencesOnly(items, region) ? headedRegion : null;
  if (citationList) region = null;
  // Claims are not looked for under the heading: neither in typed entries nor after citeproc's place.
  const claimFreeRegion = region || citeprocPlaceholder || citationList ? headedRegion : null;
  // A file that is all bibliography (front matter titled "Bibliography", or known to be one).
  const whole = region || citeprocPlaceholder ? null : wholeFileBibliography(items, settings.bibliographyFile === true);
  if (whole) region = { headingIndex: whole.region.headingIndex, endIndex: whole.region.endIndex - 1 };
  const { bibliography, duplicates } = cache.bibliographyOf(whole ? whole.items : items, whole ? whole.region : region, () => {
    const built = whole
      ? buildBibliography(whole.items, whole.region, (entryText) => cache.entries.get(entryText, () => prepareEntry(entryText)))
      : buildBibliography(items, region, (entryText) => cache.entries.get(entryText, () => prepareEntry(entryText)));
    if (whole && built.bibliography.heading) built.bibliography.heading.text = whole.title;
    return built;
  });
  // Pandoc inline notes `^[…]` are footnotes too, numbered with the typed ones.
  const inlineNotes = findInlineNotes(items, (blockText) => cache.pandoc.scanOf(blockText).inlineNotes);
  const form = decideForm(items) ?? (inlineNotes.length > 0 ? 'footnote' : null);
  const { markers, notes: noteSources, inlineByItem } = addInlineNotes(collectMarkers(items, form, region), collectNotes(items, form), inlineNotes);
  // A chapter without a bibliography of its own is read against the one it shares.
  const offered = !region && settings.sharedBibliography ? settings.sharedBibliography : null;
  // A Pandoc document whose keys resolve against a bibliography file has a bibliography: that file.
  const citesFromLibrary = pandoc.uses.length > 0 && pandoc.hasBibliography;
  const ordered = readingOrder(noteSources, markers);
  // No bibliography of its own: the works the notes give in full may be the sources. A shared
  // bibliography the essay names is its bibliography; one found only beside it in the folder is
  // weighed against its notes.
  const weighShared = offered !== null && !namesBibliography;
  const madeFromNotes = !region && !whole && (!offered || weighShared) && !citesFromLibrary && ordered.length > 0 ? cache.notesBibliographyOf(ordered) : null;
  // (Notes that give no work in full have nothing to resolve against: missing-bibliography says so.)
  const ownWorks = madeFromNotes && madeFromNotes.bibliography.entries.length > 0 ? madeFromNotes : null;
  const { shared, fromNotes, facts, declined } = chooseSources(ordered, offered, ownWorks, bibliography, cache, weighShared);
  const resolvedAgainst = shared ? shared.bibliography : fromNotes ? fromNotes.bibliography : bibliography;
  const notes = noteSources.map((source) => source.note);
  // Works the running text cites author–date ("as Bodard (2017) shows"): cited, though by no note.
  const citedInText = whole ? new Set<string>() : entriesCitedInText(resolvedAgainst.entries, bodyPassages(items, region));
  const claims: Claim[] = supportClaimsWithKeys(settings.claims.enabled ? analyseClaims(items, claimFreeRegion ?? region, form, settings.claims, cache.claims, inlineByItem, citationMarkersByItem(items, cache.pandoc, inlineByItem)) : [], pandoc);

  const diagnostics: Diagnostic[] = [
    ...noteDiagnostics(markers, notes),
    // The free-text resolver cannot read a Pandoc citation: the key resolver reports those.
    ...(shared ? inFile(citationDiagnostics(facts, shared.bibliography, notes, settings.shortFormBeforeFull), shared) : citationDiagnostics(facts, resolvedAgainst, notes, settings.shortFormBeforeFull, declined?.origin)).filter((d) => !onKey(pandoc, d.range) && !(d.code === 'missing-bibliography' && citesFromLibrary)),
    ...pandocDiagnostics(pandoc, yaml?.range ?? null),
    ...bibliographyDiagnostics(bibliography, [...facts, ...citationsByExportKey(bibliography, pandoc)], duplicates, notes, resolvedAgainst === bibliography ? citedInText : undefined),
    ...claimDiagnosticsOf(claims),
  ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  cache.sweep();
  return { text, lineCount: lineCount(text), form, frontMatter, headings, markers, notes, bibliography: fromNotes ? fromNotes.bibliography : bibliography, claims, diagnostics, skipped: null, pandoc, sharedBibliography: shared, citedInText: [...citedInText] };
}

/** The paragraphs and list items of the running text: not the bibliography's. */
function bodyPassages(items: DocItem[], region: { headingIndex: number; endIndex: number } | null): string[] {
  const passages: string[] = [];
  for (let index = 0; index < items.length; index++) {
    if (region && index >= region.headingIndex && index < region.endIndex) continue;
    const kind = items[index].item.kind;
    if (kind === 'paragraph' || kind === 'listItem') passages.push(items[index].source);
  }
  return passages;
}

/**
 * What the notes are read against: the shared bibliography, the works the notes give in full, or
 * the essay's own bibliography. A shared file found only by the folder's convention (another
 * book's bibliography beside an essay whose notes give their works in full) is kept unless the
 * notes' own full references account for more than twice as many of their citations, and five
 * more at least: a chapter of a thesis that also gives full first notes resolves against both and
 * keeps the thesis's file, and a short chapter citing a work the file lacks is told so. Without full
 * references of its own, a chapter declines such a file (one the setting or the command line does
 * not name either) when it lists almost none of the works its notes cite: it is another essay's.
 */
function chooseSources(
  ordered: NoteSource[],
  shared: SharedBibliography | null,
  ownWorks: NotesBibliography | null,
  bibliography: Bibliography,
  cache: AnalysisCache,
  weighShared: boolean,
): { shared: SharedBibliography | null; fromNotes: NotesBibliography | null; facts: CitationFacts[]; declined: SharedBibliography | null } {
  if (!ownWorks) {
    const facts = resolveNotes(ordered, shared ? shared.bibliography : bibliography, cache);
    // A bibliography found beside the chapter, not named by it, that lists almost none of the works
    // its notes cite is another essay's (a folder of essays with one's bibliography file beside
    // them): read against it, every note would be a false "matches no entry".
    if (shared && weighShared && !shared.named && listsAlmostNoneOf(facts)) return { shared: null, fromNotes: null, facts: resolveNotes(ordered, bibliography, cache), declined: shared };
    return { shared, fromNotes: null, facts, declined: null };
  }
  const own = resolveNotes(ordered, ownWorks.bibliography, cache, ownWorks.pinned);
  if (!shared) return { shared: null, fromNotes: ownWorks, facts: own, declined: null };
  const againstShared = resolveNotes(ordered, shared.bibliography, cache.sharedTrial);
  const resolvedCount = (facts: CitationFacts[]): number => facts.filter((fact) => fact.citation.entries.length > 0).length;
  const [byOwn, byShared] = [resolvedCount(own), resolvedCount(againstShared)];
  return byOwn > 2 * byShared && byOwn - byShared >= 5 ? { shared: null, fromNotes: ownWorks, facts: own, declined: null } : { shared, fromNotes: null, facts: againstShared, declined: null };
}

/** At least five citations by author or title, and fewer than one in ten of them found an entry. */
function listsAlmostNoneOf(facts: CitationFacts[]): boolean {
  const citing = facts.filter((fact) => fact.citation.kind === 'full' || fact.citation.kind === 'short');
  const found = citing.filter((fact) => fact.citation.entries.length > 0).length;
  return citing.length >= 5 && found * 10 < citing.length;
}

/** Related locations that are entries of the shared bibliography point into its file. */
function inFile(diagnostics: Diagnostic[], shared: SharedBibliography): Diagnostic[] {
  const entryRanges = new Set(shared.bibliography.entries.map((entry) => entry.range));
  return diagnostics.map((made) =>
    made.related.some((related) => entryRanges.has(related.range))
      ? { ...made, related: made.related.map((related) => (entryRanges.has(related.range) ? { ...related, origin: shared.origin } : related)) }
      : made,
  );
}

function cachedBlock(cache: AnalysisCache, text: string): ParsedBlock {
  return cache.blocks.get(text, () => parseBlock(text));
}

/**
 * Parses, into `cache`, the blocks of `text` it does not hold yet, in slices of about `sliceMs`
 * milliseconds with `pause()` awaited between slices. The parse is most of a cold analysis, so
 * a caller that runs this first (and `analyseEssay` after it, which then finds every block
 * parsed) keeps its thread free for other work every few milliseconds, even on a thesis.
 *
 * Stops early, returning false, as soon as `stale()` says this text is no longer wanted: what
 * was parsed so far stays in the cache for the next text, which mostly shares its blocks.
 */
export async function parseBlocksInSlices(
  text: string,
  cache: AnalysisCache,
  control: { sliceMs: number; pause: () => Promise<void>; stale: () => boolean; maxFileSize?: number },
): Promise<boolean> {
  if (text.length > (control.maxFileSize ?? defaultAnalysisOptions.maxFileSize)) return !control.stale();
  let sliceStart = performance.now();
  for (const block of cache.blocksOf(text)) {
    if (performance.now() - sliceStart >= control.sliceMs) {
      await control.pause();
      if (control.stale()) return false;
      sliceStart = performance.now();
    }
    cachedBlock(cache, block.text);
  }
  return !control.stale();
}

function collectHeadings(items: DocItem[]): Heading[] {
  const headings: Heading[] = [];
  for (const doc of items) {
    if (doc.item.kind === 'heading') headings.push({ text: doc.item.value ?? '', depth: doc.item.depth ?? 1, range: doc.range });
    else if (isPlainBibliographyHeading(doc)) headings.push({ text: cleanHeading(doc.source), depth: 2, range: doc.range });
  }
  return headings;
}

function tooLarge(size: number, limit: number): string {
  const mb = (n: number): string => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} million characters` : `${n.toLocaleString('en-GB')} characters`);
  return `This file has ${mb(size)}, more than the ${mb(limit)} Apparatus analyses (setting apparatus.maxFileSize): it was not checked. Split the essay into chapters or raise the limit.`;
}

/** An essay with nothing found in it. */
export function emptyEssay(text: string): Essay {
  return {
    text,
    lineCount: lineCount(text),
    form: null,
    frontMatter: null,
    headings: [],
    markers: [],
    notes: [],
    bibliography: { heading: null, sections: [], entries: [], range: null },
    claims: [],
    diagnostics: [],
    skipped: null,
  };
}

function skipped(text: string, reason: string): Essay {
  const origin = { line: 0, character: 0 };
  return { ...emptyEssay(text), diagnostics: [diagnostic('file-too-large', reason, { start: origin, end: origin })], skipped: reason };
}

export type { FrontMatter };

/** An author–date reference: "Labande 1903, 8–10", "Vermeule and Neuerburg 1973", "*Bulletin …* 1900, 167". */
const authorDateReference = /^\s*(?:[*_][^*_\n]{1,120}[*_](?:\s*[*_][^*_\n]{1,80}[*_])*|(?:de\s+|van\s+|von\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:and|&|et al\.|de|van|von|\p{Lu}[\p{L}'’-]*)){0,6})\s+(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\d\p{L}])/u;

/** Whether the items under a bibliography heading are only author–date references, run together by semicolons. */
function listsReferencesOnly(items: DocItem[], region: { headingIndex: number; endIndex: number }): boolean {
  // (A few paragraphs at most: a bibliography of many entries, read on every keystroke, is not joined.)
  if (region.endIndex - region.headingIndex > 12) return false;
  // ("[[Solodkoff 2000]]; [[Burstyn 2005]], 24–25": wiki links on the references, read as in notes.)
  const text = withoutSpanMarkup(items.slice(region.headingIndex + 1, region.endIndex).map((item) => item.source).join('\n'));
  if (text.length > 20000) return false;
  const pieces = text.split(/;\s*|\n+/).map((piece) => piece.trim()).filter((piece) => piece.length > 0 && !/^<[^>]+>.*<\/[^>]+>$|^<[^>]+>$/.test(piece));
  if (pieces.length < 3) return false;
  return pieces.filter((piece) => authorDateReference.test(piece)).length >= pieces.length * 0.8;
}
