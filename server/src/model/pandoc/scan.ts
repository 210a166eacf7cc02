/**
 * Pandoc's citation syntax, read as Pandoc's Markdown reader (2.17) reads it, over the whole
 * source of a document: `[@key]`, `[@key, p. 33]`, `[see @a, 12; @b, chap. 2]`, `@key`,
 * `@key [p. 33]`, `[-@key]`, `@{https://…}`; and Pandoc inline notes `^[…]`.
 *
 * Nothing inside front matter, fenced or indented code, knitr chunks, HTML comments, raw LaTeX,
 * code spans, autolinks, link destinations, HTML tags, inline math or after a backslash (so
 * `\@ref(fig)` is not a key) is read. A `@` right after a letter or digit (an e-mail address) is
 * not a key either, as in Pandoc. Offsets are UTF-16 code units into the text; nothing here
 * knows about lines.
 *
 * `test/unit/pandoc/oracle.test.ts` compares this scanner with `pandoc -t json`.
 */

export type CiteMode = 'normal' | 'author-in-text' | 'suppress-author';

export interface CiteItem {
  key: string;
  mode: CiteMode;
  /** From the `@` (or the `-` of `-@`) to the end of the key, braces included. */
  start: number;
  end: number;
  /** Offsets of the key itself (what a rename replaces). */
  keyStart: number;
  keyEnd: number;
  /** Text before the key inside the brackets ("see"), trimmed. */
  prefix: string;
  /** Text after the key ("p. 33", "chap. 2 and passim"), trimmed, a leading comma removed. */
  suffix: string;
}

export interface Cite {
  /** The whole citation: brackets included, or `@key [p. 33]` with its locator. */
  start: number;
  end: number;
  items: CiteItem[];
  /** `[@key]` (true) or a key in the text (false). */
  bracketed: boolean;
}

export interface InlineNote {
  /** From the `^` to the closing `]`. */
  start: number;
  end: number;
  /** The note's text, between the brackets. */
  textStart: number;
  textEnd: number;
}

export interface PandocScan {
  cites: Cite[];
  inlineNotes: InlineNote[];
}

const SKIP = 1;

/** Reads every citation and inline note of `text`, in the order they start. */
export function scanPandoc(text: string): PandocScan {
  const mask = new Uint8Array(text.length);
  maskBlocks(text, mask);
  const destinations: number[] = [];
  maskInlines(text, mask, destinations);
  // Pandoc finds where an inline note ends by counting brackets with only escapes, code, raw
  // HTML and raw LaTeX set aside: a `]` in a link's destination closes the note
  // (`^[see [x](http://a]b)]` ends at `a]`), though no citation is read there.
  let noteMask = mask;
  if (destinations.length > 0 && text.includes('^[')) {
    noteMask = mask.slice();
    for (let k = 0; k < destinations.length; k += 2) noteMask.fill(0, destinations[k], destinations[k + 1]);
  }
  const cites: Cite[] = [];
  const inlineNotes: InlineNote[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (mask[i] === SKIP) {
      i++;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 0x5e /* ^ */ && text.charCodeAt(i + 1) === 0x5b && mask[i + 1] !== SKIP) {
      const close = matchingBracket(text, noteMask, i + 1);
      if (close > 0) inlineNotes.push({ start: i, end: close + 1, textStart: i + 2, textEnd: close });
      i += 2; // the note's contents are read like any other text
      continue;
    }
    if (c === 0x5b /* [ */ && text.charCodeAt(i + 1) !== 0x5e /* [^ is a note marker */ && text[i - 1] !== '!') {
      const cite = bracketedCite(text, mask, i);
      if (cite) {
        cites.push(cite);
        i = cite.end;
        continue;
      }
      i++;
      continue;
    }
    if (c === 0x40 /* @ */) {
      // Outside brackets Pandoc 2.17 reads `-@key` as a dash and an author-in-text key.
      const key = readKey(text, mask, i);
      if (key) {
        const cite = textualCite(text, mask, key);
        cites.push(cite);
        i = cite.end;
        continue;
      }
    }
    i++;
  }
  return { cites, inlineNotes };
}

interface KeyRead {
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
  key: string;
  suppress: boolean;
}

function isAlnum(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}

function isRegChar(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code === 0x5f) return true;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return isAlnum(charAt(text, i));
}

function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The character before offset `i` (a whole code point). */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

const INTERNAL = ':.#$%&-+?<>~/';

/**
 * A key at `at` (`@key`, `-@key`, `@{…}`), as Pandoc's `citeKey`: not right after a word (an
 * e-mail address), first character a letter, digit or `_`, punctuation from `:.#$%&-+?<>~/`
 * only when a letter, digit or `_` follows (so trailing punctuation stays outside).
 */
export function readKey(text: string, mask: Uint8Array | null, at: number): KeyRead | null {
  let i = at;
  const suppress = text.charCodeAt(i) === 0x2d;
  if (suppress) i++;
  if (text.charCodeAt(i) !== 0x40) return null;
  const before = charBefore(text, at);
  if (before && (isAlnum(before) || before === '.' && /[\p{L}\p{N}]\.$/u.test(text.slice(Math.max(0, at - 3), at)))) return null;
  if (before === '\\') return null;
  i++;
  if (text.charCodeAt(i) === 0x7b /* { */) {
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      const ch = text.charCodeAt(j);
      if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) return null;
      if (mask && mask[j] === SKIP) return null;
      if (ch === 0x7b) depth++;
      else if (ch === 0x7d && --depth === 0) break;
    }
    if (j >= text.length || j === i + 1) return null;
    return { start: at, end: j + 1, keyStart: i + 1, keyEnd: j, key: text.slice(i + 1, j), suppress };
  }
  const first = i;
  if (!isRegChar(text, i) && text[i] !== '*') return null;
  if (mask && mask[i] === SKIP) return null;
  i += charAt(text, i).length;
  for (;;) {
    if (i >= text.length || (mask && mask[i] === SKIP)) break;
    if (isRegChar(text, i)) {
      i += charAt(text, i).length;
      continue;
    }
    const ch = text[i];
    if (INTERNAL.includes(ch) && isRegChar(text, i + 1) && !(mask && mask[i + 1] === SKIP)) {
      i++;
      continue;
    }
    if ((ch === ':' || ch === '/') && text[i + 1] === '/') {
      i++;
      continue;
    }
    break;
  }
  return { start: at, end: i, keyStart: first, keyEnd: i, key: text.slice(first, i), suppress };
}

/** Spaces, at most one line break, spaces (Pandoc's `spnl`); -1 at a blank line. */
function spnl(text: string, i: number): number {
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\r' || text[i] === '\n') {
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === '\n' || text[i] === '\r' || i >= text.length) return -1;
  }
  return i;
}

/** The `]` closing the `[` at `open` within its paragraph (nested brackets counted), or -1. */
function matchingBracket(text: string, mask: Uint8Array, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (mask[j] === SKIP) continue;
    const ch = text.charCodeAt(j);
    if (ch === 0x5c /* \ */) {
      j++;
      continue;
    }
    if (ch === 0x5b) depth++;
    else if (ch === 0x5d && --depth === 0) return j;
    else if (ch === 0x0a || ch === 0x0d) {
      let k = j + 1;
      if (ch === 0x0d && text.charCodeAt(k) === 0x0a) k++;
      while (text[k] === ' ' || text[k] === '\t') k++;
      if (k >= text.length || text[k] === '\n' || text[k] === '\r') return -1;
    }
  }
  return -1;
}

/**
 * The characters of `[from, to)` outside nested brackets, escapes and masked spans: where a
 * bracketed citation's own separators and keys can be.
 */
function* topLevel(text: string, mask: Uint8Array, from: number, to: number): Generator<number> {
  let depth = 0;
  for (let j = from; j < to; j++) {
    if (mask[j] === SKIP) continue;
    const ch = text[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (depth === 0) yield j;
  }
}

/** Splits `[from, to)` at top-level semicolons (not inside nested brackets or masked spans). */
function splitParts(text: string, mask: Uint8Array, from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let start = from;
  for (const j of topLevel(text, mask, from, to)) {
    if (text[j] !== ';') continue;
    parts.push([start, j]);
    start = j + 1;
  }
  parts.push([start, to]);
  return parts;
}

/** The first key in `[from, to)`, where Pandoc's prefix would stop. */
function firstKey(text: string, mask: Uint8Array, from: number, to: number): KeyRead | null {
  // After "-@" that is no key, its "@" is not tried again.
  let skipTo = -1;
  for (const j of topLevel(text, mask, from, to)) {
    if (j <= skipTo) continue;
    const ch = text[j];
    if (ch === '@' || (ch === '-' && text[j + 1] === '@')) {
      const key = readKey(text, mask, j);
      if (key && key.end <= to) return key;
      if (ch === '-') skipTo = j + 1;
    }
  }
  return null;
}

function item(text: string, key: KeyRead, prefixFrom: number, suffixTo: number, mode: CiteMode): CiteItem {
  return {
    key: key.key,
    mode,
    start: key.start,
    end: key.end,
    keyStart: key.keyStart,
    keyEnd: key.keyEnd,
    prefix: clean(text.slice(prefixFrom, key.start)),
    suffix: clean(text.slice(key.end, suffixTo)).replace(/^,\s*/, ''),
  };
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The citation list of `[…]` at `open`, or null when it is not one (some part has no key). */
function citeList(text: string, mask: Uint8Array, from: number, to: number): CiteItem[] | null {
  const items: CiteItem[] = [];
  for (const [start, end] of splitParts(text, mask, from, to)) {
    const key = firstKey(text, mask, start, end);
    if (!key) return null;
    items.push(item(text, key, start, end, key.suppress ? 'suppress-author' : 'normal'));
  }
  return items;
}

function bracketedCite(text: string, mask: Uint8Array, open: number): Cite | null {
  const close = matchingBracket(text, mask, open);
  if (close < 0) return null;
  // `[@a](url)` and `[@a][ref]` are links whose text holds a key, not bracketed citations.
  if (text[close + 1] === '(' || text[close + 1] === '[') return null;
  const items = citeList(text, mask, open + 1, close);
  if (!items) return null;
  return { start: open, end: close + 1, items, bracketed: true };
}

/** `@key`, then `[p. 33]` or `[@other]` when one follows (Pandoc's `textualCite`). */
function textualCite(text: string, mask: Uint8Array, key: KeyRead): Cite {
  const first = item(text, key, key.start, key.end, 'author-in-text');
  first.prefix = '';
  first.suffix = '';
  const after = spnl(text, key.end);
  if (after >= 0 && text[after] === '[' && text[after + 1] !== '^' && mask[after] !== SKIP) {
    const close = matchingBracket(text, mask, after);
    if (close > 0) {
      const rest = citeList(text, mask, after + 1, close);
      if (rest) return { start: key.start, end: close + 1, items: [first, ...rest], bracketed: false };
      const next = text[close + 1];
      if (next !== '[' && next !== '(') {
        // A locator: its first part is the suffix; further parts must be citations.
        const parts = splitParts(text, mask, after + 1, close);
        const [s0, e0] = parts[0];
        if (!firstKey(text, mask, s0, e0)) {
          const more: CiteItem[] = [];
          let ok = true;
          for (const [s, e] of parts.slice(1)) {
            const k = firstKey(text, mask, s, e);
            if (!k) {
              ok = false;
              break;
            }
            more.push(item(text, k, s, e, k.suppress ? 'suppress-author' : 'normal'));
          }
          if (ok) {
            first.suffix = clean(text.slice(s0, e0)).replace(/^,\s*/, '');
            return { start: key.start, end: close + 1, items: [first, ...more], bracketed: false };
          }
        }
      }
    }
  }
  return { start: key.start, end: key.end, items: [first], bracketed: false };
}

// ---------------------------------------------------------------------------------------------
// Masking: what is not Pandoc prose.

interface LineInfo {
  start: number;
  end: number;
  next: number;
}

function linesOf(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const next = end < text.length ? (text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1) : text.length + 1;
    lines.push({ start, end, next });
    start = next;
  }
  return lines;
}

function fill(mask: Uint8Array, from: number, to: number): void {
  mask.fill(SKIP, Math.max(0, from), Math.min(mask.length, to));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function maskBlocks(text: string, mask: Uint8Array): void {
  const lines = linesOf(text);
  const lineText = (l: LineInfo): string => text.slice(l.start, l.end);
  const blank = (l: LineInfo): boolean => /^\s*$/.test(lineText(l));
  let i = 0;
  // YAML front matter.
  if (lines.length > 1 && /^---\s*$/.test(lineText(lines[0])) && !blank(lines[1])) {
    for (let j = 1; j < lines.length; j++) {
      if (/^(---|\.\.\.)\s*$/.test(lineText(lines[j]))) {
        fill(mask, 0, lines[j].end);
        i = j + 1;
        break;
      }
    }
  }
  // Whether the current block may continue into an indented line (a list item or note).
  let container = false;
  let previousBlank = true;
  let paragraph = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const t = lineText(line);
    if (blank(line)) {
      previousBlank = true;
      paragraph = false;
      continue;
    }
    const fence = FENCE.exec(t);
    if (fence) {
      const marker = fence[1];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lineText(lines[j]));
        if (closing && closing[1][0] === marker[0] && closing[1].length >= marker.length) break;
      }
      const last = lines[Math.min(j, lines.length - 1)];
      fill(mask, line.start, last.end);
      i = j;
      // A fence at the margin ends any list or note an indented line could have continued.
      if (!/^( {4}|\t)/.test(t)) container = false;
      previousBlank = false;
      paragraph = false;
      continue;
    }
    if (t.trimStart().startsWith('<!--')) {
      const close = text.indexOf('-->', line.start);
      const end = close < 0 ? text.length : close + 3;
      fill(mask, line.start, end);
      while (i + 1 < lines.length && lines[i + 1].start < end) i++;
      previousBlank = false;
      continue;
    }
    const env = /^\s*\\begin\{([^}]+)\}/.exec(t);
    if (env && previousBlank) {
      const endMark = `\\end{${env[1]}}`;
      const close = text.indexOf(endMark, line.start);
      const end = close < 0 ? line.end : close + endMark.length;
      fill(mask, line.start, end);
      while (i + 1 < lines.length && lines[i + 1].start < end) i++;
      previousBlank = false;
      continue;
    }
    const indented = /^( {4}|\t)/.test(t);
    if (indented && previousBlank && !container) {
      fill(mask, line.start, line.end);
      continue;
    }
    if (indented && !previousBlank && !paragraph && !container) {
      fill(mask, line.start, line.end);
      continue;
    }
    // Link reference definitions: the destination is not prose.
    const ref = /^ {0,3}\[[^\]^][^\]]*\]:\s*/.exec(t);
    if (ref && previousBlank) fill(mask, line.start, line.end);
    if (!indented) container = /^ {0,3}([-*+]|\d+[.)]|#\.|\[\^[^\]]+\]:)(\s|$)/.test(t) || (container && !previousBlank);
    previousBlank = false;
    paragraph = true;
  }
}

function maskInlines(text: string, mask: Uint8Array, destinations: number[]): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (mask[i] === SKIP) continue;
    const ch = text[i];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next && /[a-zA-Z]/.test(next)) {
        // Raw LaTeX command with its arguments: `\footnote{…}`, `\cite[p. 2]{key}`.
        let j = i + 1;
        while (j < n && /[a-zA-Z]/.test(text[j])) j++;
        const name = text.slice(i + 1, j);
        let k = j;
        let groups = 0;
        for (;;) {
          if (text[k] === '{' || (text[k] === '[' && groups >= 0)) {
            const end = balanced(text, k, text[k], text[k] === '{' ? '}' : ']');
            if (end < 0) break;
            k = end + 1;
            groups++;
            continue;
          }
          break;
        }
        if (groups > 0 || name.length > 0) fill(mask, i, groups > 0 ? k : j);
        i = (groups > 0 ? k : j) - 1;
        continue;
      }
      fill(mask, i, i + 2);
      i++;
      continue;
    }
    if (ch === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let j = i + run;
      let close = -1;
      while (j < n) {
        const k = text.indexOf(fence, j);
        if (k < 0) break;
        if (text[k + run] === '`' || text[k - 1] === '`') {
          j = k + 1;
          while (text[j] === '`') j++;
          continue;
        }
        if (/\n[ \t]*\r?\n/.test(text.slice(i, k))) break;
        close = k;
        break;
      }
      if (close >= 0) {
        fill(mask, i, close + run);
        i = close + run - 1;
      } else {
        i += run - 1;
      }
      continue;
    }
    if (ch === '<') {
      const auto = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/.exec(text.slice(i, i + 2048));
      if (auto) {
        fill(mask, i, i + auto[0].length);
        i += auto[0].length - 1;
        continue;
      }
      const tag = /^<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>/.exec(text.slice(i, i + 4096));
      if (tag) {
        fill(mask, i, i + tag[0].length);
        i += tag[0].length - 1;
        continue;
      }
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i);
        const end = close < 0 ? n : close + 3;
        fill(mask, i, end);
        i = end - 1;
      }
      continue;
    }
    if (ch === ']' && text[i + 1] === '(') {
      const end = balanced(text, i + 1, '(', ')');
      if (end > 0) {
        fill(mask, i + 1, end + 1);
        destinations.push(i + 1, end + 1);
        i = end;
      }
      continue;
    }
    if (ch === '$') {
      // Inline math: `$` followed by a non-space, closed by a `$` after a non-space and before a non-digit.
      const display = text[i + 1] === '$';
      const open = display ? 2 : 1;
      if (!display && /\s/.test(text[i + 1] ?? ' ')) continue;
      const delim = display ? '$$' : '$';
      let j = i + open;
      while (j < n) {
        const k = text.indexOf(delim, j);
        if (k < 0) {
          j = -1;
          break;
        }
        if (text[k - 1] === '\\') {
          j = k + 1;
          continue;
        }
        if (!display && (/\s/.test(text[k - 1]) || /[0-9]/.test(text[k + 1] ?? ''))) {
          j = k + 1;
          continue;
        }
        if (/\n[ \t]*\r?\n/.test(text.slice(i, k))) j = -1;
        else j = k;
        break;
      }
      if (j > 0) {
        fill(mask, i, j + delim.length);
        i = j + delim.length - 1;
      }
    }
  }
}

/** The offset of the `close` matching the `open` at `at`, within a paragraph, or -1. */
function balanced(text: string, at: number, open: string, close: string): number {
  let depth = 0;
  for (let j = at; j < text.length && j < at + 4096; j++) {
    const ch = text[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === open) depth++;
    else if (ch === close && --depth === 0) return j;
    else if (ch === '\n' && /^\n[ \t]*(\r?\n|$)/.test(text.slice(j, j + 80))) return -1;
  }
  return -1;
}
