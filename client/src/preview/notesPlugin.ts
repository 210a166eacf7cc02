/**
 * A markdown-it plugin for VS Code's Markdown preview, which prints `[^12]` raw: footnotes
 * `[^12]` with their definitions, Pandoc inline notes `^[…]`, pasted endnotes `[12]` (a trailing
 * list of `[12] text` paragraphs) and Pandoc citations `[@key, p. 33]` in the body become numbered
 * superscripts, numbered in reading order, with a notes section and back-links. Each note number
 * carries the note and its sources as a tooltip; a note or key the editor has a problem with is
 * marked (class `apparatus-problem`, styled by `media/preview.css`) with the problem as its title.
 *
 * The structure comes from the text alone, so the preview shows notes at once; what the notes
 * resolve to comes from the language server through `resolutionFor` (see `resolutions.ts`):
 * until it has answered, notes show their text and Pandoc keys print as written, unmarked.
 *
 * The preview calls the plugin synchronously for every render: nothing here waits, and any
 * failure leaves the text as markdown-it would have rendered it without the plugin.
 */
import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from './markdownIt';
import type { PreviewNotes } from '../../../shared/protocol';

export interface NotesPluginOptions {
  /** What the language server knows about the document being rendered (from the render's `env`). */
  resolutionFor?: (env: Record<string, unknown>) => PreviewNotes | undefined;
  /** Told when a rule failed and the text was rendered without it (the tests insist it never is). */
  onError?: (error: unknown) => void;
}

export interface CiteItem {
  key: string;
  prefix: string;
  suffix: string;
}

type NoteKind = 'footnote' | 'endnote' | 'inline' | 'cite';

/**
 * One entry of the notes section, made when the text is parsed. What the server says about it is
 * looked up when it is rendered: VS Code keeps a document's tokens until its text changes and
 * renders them again when the server's answer arrives.
 */
interface NoteEntry {
  /** Reading-order number; 0 for a definition no marker refers to. */
  number: number;
  kind: NoteKind;
  label: string | null;
  /** Block tokens of the note's text; null for a marker whose definition is missing. */
  body: Token[] | null;
  /** The note's words, for its tooltip. */
  text: string;
  /** A citation that is a note of its own: its items. */
  items: CiteItem[] | null;
  /** Markers pointing to it (each gets a back-link). */
  references: number;
  /** A second definition of a label: no marker reaches it, because the first one takes them all. */
  duplicate?: boolean;
}

/** What an inline `apparatus_ref` token carries. */
interface RefMeta {
  kind: NoteKind;
  /** The marker as written, printed unchanged where it cannot be a note (a marker inside a note). */
  source: string;
  label?: string;
  /** An inline note's parsed text. */
  children?: Token[];
  items?: CiteItem[];
  /** A citation printed as a note of its own (it ends with a full stop). */
  wholeNote?: boolean;
  note?: NoteEntry;
  occurrence?: number;
}

interface PluginEnv {
  endnotes?: Set<string>;
}

const ENV_KEY = 'apparatusNotes';
const TITLE_LIMIT = 700;

export function notesPlugin(md: MarkdownIt, options: NotesPluginOptions = {}): void {
  const report = options.onError ?? (() => undefined);
  md.block.ruler.before('reference', 'apparatus_footnote_definition', safeBlock(footnoteDefinition, report), { alt: ['paragraph', 'reference'] });
  md.core.ruler.after('block', 'apparatus_endnote_definitions', safeCore(endnoteDefinitions, report));
  md.inline.ruler.before('link', 'apparatus_note_reference', safeInline(noteReference, report));
  md.core.ruler.after('inline', 'apparatus_notes_section', safeCore(notesSection, report));

  // Rendering never fails either: a rule that cannot print its token prints the text as written.
  const resolutionOf = (env: unknown): PreviewNotes | undefined =>
    typeof env === 'object' && env !== null ? safely(() => options.resolutionFor?.(env as Record<string, unknown>), report) : undefined;
  const rules = md.renderer.rules;
  rules.apparatus_ref = (tokens, index, _options, env) =>
    safely(() => renderReference(md, tokens[index].meta as RefMeta, resolutionOf(env)), report) ?? md.utils.escapeHtml((tokens[index].meta as RefMeta).source);
  rules.apparatus_footnote_open = () => '';
  rules.apparatus_footnote_close = () => '';
  rules.apparatus_notes_open = () => '<hr class="apparatus-notes-separator">\n<section class="apparatus-notes">\n<ol class="apparatus-notes-list">\n';
  rules.apparatus_notes_close = () => '</ol>\n</section>\n';
  rules.apparatus_note_open = (tokens, index, _options, env) => safely(() => renderNoteOpen(md, tokens[index].meta as NoteEntry, resolutionOf(env)), report) ?? '<li>';
  rules.apparatus_note_close = () => '</li>\n';
  rules.apparatus_backrefs = (tokens, index) => renderBackReferences(tokens[index].meta as NoteEntry);
}

// ---------------------------------------------------------------------------------------------
// Never throw inside the preview: a rule that fails declines (block, inline) or leaves the tokens
// as they were (core), so the text renders as markdown-it alone would render it.

function safeBlock(rule: (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean, report: (error: unknown) => void) {
  return (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
    const saved = { tokens: state.tokens.length, line: state.line, level: state.level, blkIndent: state.blkIndent, parentType: state.parentType };
    const lineState = { bMark: state.bMarks[startLine], tShift: state.tShift[startLine], sCount: state.sCount[startLine] };
    try {
      return rule(state, startLine, endLine, silent);
    } catch (error) {
      report(error);
      state.tokens.length = saved.tokens;
      Object.assign(state, { line: saved.line, level: saved.level, blkIndent: saved.blkIndent, parentType: saved.parentType });
      state.bMarks[startLine] = lineState.bMark;
      state.tShift[startLine] = lineState.tShift;
      state.sCount[startLine] = lineState.sCount;
      return false;
    }
  };
}

function safeInline(rule: (state: StateInline, silent: boolean) => boolean, report: (error: unknown) => void) {
  return (state: StateInline, silent: boolean): boolean => {
    const pos = state.pos;
    const length = state.tokens.length;
    try {
      return rule(state, silent);
    } catch (error) {
      report(error);
      state.pos = pos;
      state.tokens.length = length;
      return false;
    }
  };
}

function safeCore(rule: (state: StateCore) => void, report: (error: unknown) => void) {
  return (state: StateCore): void => {
    const tokens = state.tokens.slice();
    try {
      rule(state);
    } catch (error) {
      report(error);
      state.tokens = tokens;
    }
  };
}

function pluginEnv(env: Record<string, unknown>): PluginEnv {
  let value = env[ENV_KEY] as PluginEnv | undefined;
  if (!value) env[ENV_KEY] = value = {};
  return value;
}

// ---------------------------------------------------------------------------------------------
// Footnote definitions `[^label]: text`, continued by indented lines and paragraphs. The block
// parsing follows markdown-it-footnote's `footnote_def` (MIT): the text after the colon is parsed
// as blocks indented by four columns, so a note's later paragraphs, lists and quotes stay in it.

function footnoteDefinition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const max = state.eMarks[startLine];
  if (start + 4 > max || state.src.charCodeAt(start) !== 0x5b /* [ */ || state.src.charCodeAt(start + 1) !== 0x5e /* ^ */) return false;
  let pos = start + 2;
  for (; pos < max; pos++) {
    const ch = state.src.charCodeAt(pos);
    if (ch === 0x20 || ch === 0x09) return false;
    if (ch === 0x5d /* ] */) break;
  }
  if (pos === start + 2 || pos + 1 >= max || state.src.charCodeAt(pos + 1) !== 0x3a /* : */) return false;
  if (silent) return true;
  const label = state.src.slice(start + 2, pos);
  pos += 2;

  const open = state.push('apparatus_footnote_open', '', 1);
  open.meta = { label };
  open.map = [startLine, startLine];

  const oldBMark = state.bMarks[startLine];
  const oldTShift = state.tShift[startLine];
  const oldSCount = state.sCount[startLine];
  const oldParentType = state.parentType;
  const afterColon = pos;
  const initial = state.sCount[startLine] + pos - (state.bMarks[startLine] + state.tShift[startLine]);
  let offset = initial;
  while (pos < max) {
    const ch = state.src.charCodeAt(pos);
    if (ch === 0x09) offset += 4 - (offset % 4);
    else if (ch === 0x20) offset++;
    else break;
    pos++;
  }
  state.tShift[startLine] = pos - afterColon;
  state.sCount[startLine] = offset - initial;
  state.bMarks[startLine] = afterColon;
  state.blkIndent += 4;
  state.parentType = 'footnote';
  if (state.sCount[startLine] < state.blkIndent) state.sCount[startLine] += state.blkIndent;

  state.md.block.tokenize(state, startLine, endLine, true);

  state.parentType = oldParentType;
  state.blkIndent -= 4;
  state.tShift[startLine] = oldTShift;
  state.sCount[startLine] = oldSCount;
  state.bMarks[startLine] = oldBMark;
  open.map[1] = state.line;
  state.push('apparatus_footnote_close', '', -1);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Pasted endnotes: top-level paragraphs that start `[12] ` are the notes when the body refers to
// at least one of them as `[12]`; a paragraph of several such lines holds several notes.

const ENDNOTE_LINE = /^\[(\d{1,4})\][ \t]+(?=\S)/;

function endnoteDefinitions(state: StateCore): void {
  const tokens = state.tokens;
  const candidates: number[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].type === 'paragraph_open' && tokens[i].level === 0 && tokens[i + 1].type === 'inline' && ENDNOTE_LINE.test(tokens[i + 1].content)) candidates.push(i);
  }
  if (candidates.length === 0) return;

  const labels = new Set<string>();
  for (const i of candidates) {
    for (const line of tokens[i + 1].content.split('\n')) {
      const match = ENDNOTE_LINE.exec(line);
      if (match) labels.add(match[1]);
    }
  }
  const candidateInlines = new Set(candidates.map((i) => tokens[i + 1]));
  const body = tokens.filter((token) => token.type === 'inline' && !candidateInlines.has(token)).map((token) => token.content).join('\n');
  const referenced = [...labels].some((label) => new RegExp(`\\[${label}\\](?![(\\[:])`).test(body));
  if (!referenced) return;

  const result: Token[] = [];
  let next = 0;
  for (const i of candidates) {
    result.push(...tokens.slice(next, i));
    next = i + 3;
    result.push(...splitEndnoteParagraph(state, tokens[i], tokens[i + 1], tokens[i + 2]));
  }
  result.push(...tokens.slice(next));
  state.tokens = result;
  pluginEnv(state.env).endnotes = labels;
}

/** One paragraph per `[12] ` line group, each marked as the endnote it defines. */
function splitEndnoteParagraph(state: StateCore, open: Token, inline: Token, close: Token): Token[] {
  const lines = inline.content.split('\n');
  const groups: { label: string | null; lines: string[]; first: number }[] = [];
  lines.forEach((line, index) => {
    const match = ENDNOTE_LINE.exec(line);
    if (match || groups.length === 0) groups.push({ label: match ? match[1] : null, lines: [match ? line.slice(match[0].length) : line], first: index });
    else groups[groups.length - 1].lines.push(line);
  });
  const startLine = open.map ? open.map[0] : 0;
  const result: Token[] = [];
  groups.forEach((group, index) => {
    const map: [number, number] = [startLine + group.first, startLine + (index + 1 < groups.length ? groups[index + 1].first : lines.length)];
    const groupOpen = new state.Token('paragraph_open', 'p', 1);
    Object.assign(groupOpen, { map, level: open.level, block: true, meta: group.label === null ? null : { endnote: group.label } });
    const groupInline = new state.Token('inline', '', 0);
    Object.assign(groupInline, { content: group.lines.join('\n'), map, level: inline.level, block: true, children: [] });
    const groupClose = new state.Token('paragraph_close', 'p', -1);
    Object.assign(groupClose, { level: close.level, block: true });
    result.push(groupOpen, groupInline, groupClose);
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Markers in running text: `[^label]`, `^[inline note]`, `[12]` (a known endnote) and Pandoc
// citations `[see @key, p. 33; @other]`.

function noteReference(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const first = src.charCodeAt(start);
  if (first === 0x5e /* ^ */) {
    if (src.charCodeAt(start + 1) !== 0x5b) return false;
    const end = state.md.helpers.parseLinkLabel(state, start + 1);
    if (end < 0) return false;
    if (!silent) {
      const children: Token[] = [];
      state.md.inline.parse(src.slice(start + 2, end), state.md, state.env, children);
      pushReference(state, { kind: 'inline', source: src.slice(start, end + 1), children });
    }
    state.pos = end + 1;
    return true;
  }
  if (first !== 0x5b /* [ */) return false;

  if (src.charCodeAt(start + 1) === 0x5e /* ^ */) {
    let pos = start + 2;
    for (; pos < state.posMax; pos++) {
      const ch = src.charCodeAt(pos);
      if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x5b) return false;
      if (ch === 0x5d) break;
    }
    if (pos >= state.posMax || pos === start + 2) return false;
    if (!silent) pushReference(state, { kind: 'footnote', source: src.slice(start, pos + 1), label: src.slice(start + 2, pos) });
    state.pos = pos + 1;
    return true;
  }

  const endnotes = pluginEnv(state.env).endnotes;
  if (endnotes) {
    const match = /^\[(\d{1,4})\]/.exec(src.slice(start, start + 7));
    if (match && endnotes.has(match[1]) && !followsAsLink(src, start + match[0].length)) {
      if (!silent) pushReference(state, { kind: 'endnote', source: match[0], label: match[1] });
      state.pos = start + match[0].length;
      return true;
    }
  }

  if (!src.includes('@', start)) return false;
  const end = state.md.helpers.parseLinkLabel(state, start);
  if (end < 0 || followsAsLink(src, end + 1)) return false;
  const items = parseCitation(src.slice(start + 1, end));
  if (!items) return false;
  if (!silent) pushReference(state, { kind: 'cite', source: src.slice(start, end + 1), items });
  state.pos = end + 1;
  return true;
}

/**
 * `[12](url)`, `[12][ref]` and `[12]:` are links or link definitions, not notes; `[9](my italics)`
 * is not a link (a destination has no space) and markdown-it prints it as text, so it is a note.
 */
function followsAsLink(src: string, at: number): boolean {
  const next = src.charAt(at);
  if (next === '[' || next === ':') return true;
  return next === '(' && /^\((?:<[^<>\n]*>|[^\s()]*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)/.test(src.slice(at, at + 2000));
}

function pushReference(state: StateInline, meta: RefMeta): void {
  const token = state.push('apparatus_ref', '', 0);
  token.meta = meta;
}

// Pandoc's key: a letter, digit or `_`, then letters, digits and internal punctuation; or braced.
const KEY = /(-?)@(\{[^{}]+\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/u;

/**
 * The items of a bracketed Pandoc citation (`see @doe99, pp. 33-35; also @smith04, chap. 1`), or
 * null when some part names no key (then the brackets are not a citation, as in Pandoc).
 */
export function parseCitation(inner: string): CiteItem[] | null {
  const items: CiteItem[] = [];
  for (const part of inner.split(';')) {
    const match = KEY.exec(part);
    if (!match) return null;
    const before = part.slice(0, match.index);
    // An `@` right after a letter or digit is an e-mail address, not a key.
    if (/[\p{L}\p{N}]$/u.test(before)) return null;
    const key = match[2].startsWith('{') ? match[2].slice(1, -1).trim() : match[2];
    const suffix = part.slice(match.index + match[0].length).trim().replace(/^,\s*/, '');
    items.push({ key, prefix: before.trim(), suffix });
  }
  return items.length > 0 ? items : null;
}

// ---------------------------------------------------------------------------------------------
// The notes section: definitions leave their places in the text, markers get reading-order
// numbers, and the notes follow the text (pasted endnotes: where their list was).

function notesSection(state: StateCore): void {
  const body: Token[] = [];
  const definitions = new Map<string, Token[]>();
  const definitionOrder: string[] = [];
  const duplicates: { id: string; body: Token[] }[] = [];
  let endnotesAt = -1;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'apparatus_footnote_open') {
      let depth = 1;
      let j = i + 1;
      for (; j < tokens.length && depth > 0; j++) {
        if (tokens[j].type === 'apparatus_footnote_open') depth++;
        else if (tokens[j].type === 'apparatus_footnote_close') depth--;
      }
      define(definitions, definitionOrder, duplicates, `footnote:${(token.meta as { label: string }).label}`, tokens.slice(i + 1, j - 1));
      i = j - 1;
      continue;
    }
    const endnote = token.type === 'paragraph_open' ? (token.meta as { endnote?: string } | null)?.endnote : undefined;
    if (endnote !== undefined) {
      if (endnotesAt < 0) endnotesAt = body.length;
      define(definitions, definitionOrder, duplicates, `endnote:${endnote}`, tokens.slice(i, i + 3));
      i += 2;
      continue;
    }
    body.push(token);
  }

  const references: RefMeta[] = [];
  for (const token of body) {
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) if (child.type === 'apparatus_ref') references.push(child.meta as RefMeta);
  }
  if (references.length === 0 && definitions.size === 0) return;

  const notes: NoteEntry[] = [];
  const byLabel = new Map<string, NoteEntry>();
  for (const ref of references) {
    const id = ref.label !== undefined ? `${ref.kind}:${ref.label}` : null;
    let note = id ? byLabel.get(id) : undefined;
    if (!note) {
      note = newNote(state, ref, notes.length + 1, id ? definitions.get(id) ?? null : null);
      notes.push(note);
      if (id) byLabel.set(id, note);
    }
    ref.note = note;
    ref.occurrence = ++note.references;
  }
  // Notes no marker reaches, and second definitions of a label, are listed unnumbered at the end:
  // the preview drops none of the writer's text.
  const unused = definitionOrder.filter((id) => !byLabel.has(id)).map((id) => ({ id, body: definitions.get(id) ?? null }));
  for (const [duplicate, list] of [[false, unused], [true, duplicates]] as const) {
    for (const { id, body } of list) {
      const label = id.slice(id.indexOf(':') + 1);
      const kind = id.startsWith('endnote:') ? 'endnote' : 'footnote';
      notes.push({ number: 0, kind, label, body, text: plainText(body ?? []), items: null, references: 0, duplicate });
    }
  }

  const section = sectionTokens(state, notes);
  if (endnotesAt >= 0) body.splice(endnotesAt, 0, ...section);
  else body.push(...section);
  state.tokens = body;
}

function define(definitions: Map<string, Token[]>, order: string[], duplicates: { id: string; body: Token[] }[], id: string, body: Token[]): void {
  // The first definition of a label is the one a marker reaches (the editor reports the duplicate).
  if (definitions.has(id)) {
    duplicates.push({ id, body });
    return;
  }
  definitions.set(id, body);
  order.push(id);
}

function safely<T>(get: () => T, report: (error: unknown) => void): T | undefined {
  try {
    return get();
  } catch (error) {
    report(error);
    return undefined;
  }
}

function problemsOf(resolution: PreviewNotes | undefined, label: string): string[] {
  const info = resolution?.notes[label];
  return Array.isArray(info?.problems) ? info.problems.filter((p): p is string => typeof p === 'string') : [];
}

function newNote(state: StateCore, ref: RefMeta, number: number, definition: Token[] | null): NoteEntry {
  const note: NoteEntry = { number, kind: ref.kind, label: ref.label ?? null, body: null, text: '', items: null, references: 0 };
  if (ref.kind === 'inline') {
    note.body = paragraph(state, ref.children ?? []);
    note.text = plainText(ref.children ?? []);
  } else if (ref.kind === 'cite') {
    const cite = new state.Token('apparatus_ref', '', 0);
    cite.meta = { kind: 'cite', source: ref.source, items: ref.items, wholeNote: true } satisfies RefMeta;
    note.body = paragraph(state, [cite]);
    note.items = ref.items ?? [];
  } else if (definition) {
    note.body = definition;
    note.text = plainText(definition);
  }
  return note;
}

/** `[^12]` or `[12]`, as the writer typed the note's label. */
function written(note: NoteEntry): string {
  return note.kind === 'footnote' ? `[^${note.label}]` : `[${note.label}]`;
}

/** The tooltip of a note's number (its words and sources) and the problems to mark it with. */
function describe(note: NoteEntry, resolution: PreviewNotes | undefined): { title: string; problems: string[] } {
  const lines: string[] = [];
  const problems: string[] = [];
  if (note.items) {
    lines.push(citationText(note.items, resolution));
    for (const item of note.items) {
      const problem = resolution?.keys[item.key]?.problem;
      if (typeof problem === 'string') problems.push(problem);
    }
  } else if (note.label !== null && note.body === null) {
    const hint = note.kind === 'footnote' ? `[^${note.label}]: …` : `[${note.label}] …`;
    problems.push(`Note ${written(note)} is not defined: add a definition “${hint}” or remove the marker.`);
  } else {
    lines.push(note.text);
    if (note.label !== null) {
      const info = resolution?.notes[note.label];
      for (const source of Array.isArray(info?.sources) ? info.sources : []) if (typeof source === 'string') lines.push(`Source: ${stripEmphasis(source)}`);
      problems.push(...problemsOf(resolution, note.label));
    }
  }
  // The problems name notes by label ("Note 15: …"): say which label this number stands for when they differ.
  const label = note.label !== null && note.label !== String(note.number) ? ` (${written(note)})` : '';
  return { title: `${note.number}${label}. ${lines.filter(Boolean).join('\n')}`, problems };
}

function paragraph(state: StateCore, children: Token[]): Token[] {
  const open = new state.Token('paragraph_open', 'p', 1);
  open.block = true;
  const inline = new state.Token('inline', '', 0);
  inline.children = children;
  const close = new state.Token('paragraph_close', 'p', -1);
  close.block = true;
  return [open, inline, close];
}

function sectionTokens(state: StateCore, notes: NoteEntry[]): Token[] {
  const result: Token[] = [];
  const push = (type: string, nesting: 1 | 0 | -1, meta: unknown = null): void => {
    const token = new state.Token(type, '', nesting);
    token.block = true;
    token.meta = meta;
    result.push(token);
  };
  push('apparatus_notes_open', 1);
  for (const note of notes) {
    push('apparatus_note_open', 1, note);
    const body = note.body ? note.body.slice() : [];
    // Back-links go at the end of the note's last paragraph, as in Pandoc's HTML.
    const backrefs = new state.Token('apparatus_backrefs', '', 0);
    backrefs.meta = note;
    const last = body[body.length - 1];
    if (last?.type === 'paragraph_close' && body[body.length - 2]?.type === 'inline') {
      const inline = body[body.length - 2];
      const copy = new state.Token('inline', '', 0);
      Object.assign(copy, inline, { children: [...(inline.children ?? []), backrefs] });
      body[body.length - 2] = copy;
      result.push(...body);
    } else {
      result.push(...body);
      backrefs.block = true;
      result.push(backrefs);
    }
    push('apparatus_note_close', -1);
  }
  push('apparatus_notes_close', -1);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Rendering.

function renderReference(md: MarkdownIt, meta: RefMeta, resolution: PreviewNotes | undefined): string {
  const escape = md.utils.escapeHtml;
  const note = meta.note;
  if (!note) {
    // Not a note here (a marker or citation inside a note): a citation prints its text, the rest as written.
    return meta.kind === 'cite' ? citationHtml(md, meta.items ?? [], resolution, meta.wholeNote === true) : escape(meta.source);
  }
  const { title: words, problems } = describe(note, resolution);
  const problem = problems.length > 0;
  const id = `apparatus-ref-${note.number}${meta.occurrence && meta.occurrence > 1 ? `-${meta.occurrence}` : ''}`;
  const title = problem ? `${clip(words)}\n\n⚠ ${problems.join('\n⚠ ')}` : words;
  const classes = problem ? 'apparatus-ref apparatus-problem' : 'apparatus-ref';
  return `<sup class="${classes}"><a href="#apparatus-note-${note.number}" id="${id}" title="${escape(clip(title))}">${note.number}</a></sup>`;
}

function renderNoteOpen(md: MarkdownIt, note: NoteEntry, resolution: PreviewNotes | undefined): string {
  const escape = md.utils.escapeHtml;
  const { problems } = describe(note, resolution);
  const classes = ['apparatus-note'];
  if (problems.length > 0) classes.push('apparatus-problem');
  if (note.number === 0) classes.push('apparatus-unused');
  const title = problems.length > 0 ? ` title="${escape(clip(problems.join('\n')))}"` : '';
  if (note.number === 0 && note.duplicate) {
    // Its markers exist; they all reach the first definition (as the editor's duplicate-note says).
    classes.splice(classes.indexOf('apparatus-unused'), 1, 'apparatus-duplicate');
    const label = escape(written(note));
    return `<li class="${classes.join(' ')}" title="Note ${label} is defined twice; its markers use only the first definition. Merge the two notes or give this one a new label."><span class="apparatus-unused-label">${label}</span> `;
  }
  if (note.number === 0) {
    const label = escape(written(note));
    return `<li class="${classes.join(' ')}" title="No marker in the text points to note ${label}: add the marker or delete the note."><span class="apparatus-unused-label">${label}</span> `;
  }
  const missing = note.body === null ? `<p class="apparatus-missing">${escape(problems[0] ?? '')}</p>` : '';
  return `<li id="apparatus-note-${note.number}" value="${note.number}" class="${classes.join(' ')}"${title}>${missing}`;
}

function renderBackReferences(note: NoteEntry): string {
  const links: string[] = [];
  for (let occurrence = 1; occurrence <= note.references; occurrence++) {
    const suffix = occurrence > 1 ? `-${occurrence}` : '';
    links.push(`<a href="#apparatus-ref-${note.number}${suffix}" class="apparatus-backref" title="Back to the text">↩︎${occurrence > 1 ? `<sup>${occurrence}</sup>` : ''}</a>`);
  }
  return links.length > 0 ? ` ${links.join(' ')}` : '';
}

/** A citation as its note prints it: "see Davis, *City of Quartz*, 159; White and Cronon, 503." */
function citationHtml(md: MarkdownIt, items: CiteItem[], resolution: PreviewNotes | undefined, wholeNote: boolean): string {
  const escape = md.utils.escapeHtml;
  const parts = items.map((item) => {
    const reference = referenceOf(item.key);
    const printed = reference.text !== null ? emphasisHtml(escape(reference.text)) : escape(`@${item.key}`);
    const marked = reference.problem !== null ? `<span class="apparatus-problem" title="${escape(clip(reference.problem))}">${printed}</span>` : printed;
    return [item.prefix ? escape(item.prefix) : '', marked + (item.suffix ? `, ${escape(item.suffix)}` : '')].filter(Boolean).join(' ');
  });
  // A citation that is a whole note ends as a sentence; one inside a note's text keeps its punctuation.
  return `<span class="apparatus-citation">${parts.join('; ')}${wholeNote ? '.' : ''}</span>`;

  function referenceOf(key: string): { text: string | null; problem: string | null } {
    const info = resolution?.keys[key];
    return {
      text: typeof info?.reference === 'string' ? info.reference : null,
      problem: typeof info?.problem === 'string' ? info.problem : null,
    };
  }
}

/** The plain-text form of a citation, for a tooltip. */
function citationText(items: CiteItem[], resolution: PreviewNotes | undefined): string {
  const parts = items.map((item) => {
    const reference = resolution?.keys[item.key]?.reference;
    const printed = typeof reference === 'string' ? stripEmphasis(reference) : `@${item.key}`;
    return [item.prefix, printed + (item.suffix ? `, ${item.suffix}` : '')].filter(Boolean).join(' ');
  });
  return `${parts.join('; ')}.`;
}

/** `*Title*` (the server's Markdown emphasis) as `<em>`, on already escaped text. */
function emphasisHtml(escaped: string): string {
  return escaped.replace(/\*([^*\n]+)\*/g, '<em>$1</em>');
}

function stripEmphasis(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '$1');
}

/** The words of a note's tokens, for a tooltip. */
function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  const walk = (list: Token[]): void => {
    for (const token of list) {
      if (token.type === 'text' || token.type === 'code_inline') parts.push(token.content);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
      else if (token.type === 'paragraph_close') parts.push(' ');
      else if (token.type === 'apparatus_ref') parts.push((token.meta as RefMeta).source);
      if (token.children) walk(token.children);
    }
  };
  walk(tokens);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function clip(text: string): string {
  return text.length > TITLE_LIMIT ? `${text.slice(0, TITLE_LIMIT - 1)}…` : text;
}
