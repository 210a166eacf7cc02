/**
 * CSL style files: the ones Apparatus ships (`csl/` beside the bundle: Chicago full note, the
 * default, Chicago short note and the en-US locale), and the one an essay's `csl:` names,
 * resolved as Pandoc resolves it (relative to the essay, else one of the shipped styles by name).
 *
 * Only reads and checks files: compiling a style is `cslEngine.ts`'s work, off the analysis path.
 * A style's problem ("cannot be found", "is not a CSL style") is what the `invalid-csl-style`
 * diagnostic says; a style that failed to compile is remembered here, so the next analysis
 * reports it too.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

export const defaultStyleFile = 'chicago-fullnote-bibliography.csl';
export const localeFile = 'locales-en-US.xml';

/** Larger files are not read as styles (the largest CSL styles are about 250 KB). */
const maxStyleBytes = 2_000_000;

/** The folder of the shipped styles: `csl/` at the root of the repository or beside `dist/`. */
export function bundledStyleFolder(): string {
  // dist/server.js → ../csl; server/src/workspace/*.ts (tests) → ../../../csl. Looked for only when
  // a note is rendered: a server run under Node's permission model may not read there at all.
  const candidates = [join(__dirname, '..', 'csl'), join(__dirname, '..', '..', '..', 'csl')];
  return candidates.find((folder) => readable(join(folder, defaultStyleFile))) ?? candidates[0];
}

function readable(path: string): boolean {
  try {
    return existsSync(path);
  } catch {
    return false; // not allowed to look
  }
}

export interface StyleFile {
  path: string;
  /** Changes when the file is rewritten: engines are keyed by it. */
  version: string;
  xml: string;
}

const read = new Map<string, { version: string; file: StyleFile | null; problem: string | null }>();
/** Compilation failures, by path and version (set by the engine). */
const failed = new Map<string, { version: string; message: string }>();

function versionOf(path: string): { version: string; size: number } | null {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    return { version: `${stat.size}:${stat.mtimeMs}`, size: stat.size };
  } catch {
    return null;
  }
}

/** Reads a style file and checks that it is one: a `<style>` in CSL's namespace with a citation layout. */
export function readStyle(path: string): { file: StyleFile | null; problem: string | null } {
  const stat = versionOf(path);
  if (!stat) return { file: null, problem: readable(path) ? 'is a folder, not a style file' : 'cannot be found' };
  const cached = read.get(path);
  if (cached && cached.version === stat.version) return withFailure(path, cached);
  let result: { file: StyleFile | null; problem: string | null };
  if (stat.size > maxStyleBytes) result = { file: null, problem: `is larger than ${maxStyleBytes / 1_000_000} MB, too large for a CSL style` };
  else {
    try {
      const xml = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      result = { file: { path, version: stat.version, xml }, problem: styleShapeProblem(xml) };
    } catch (error) {
      result = { file: null, problem: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  read.set(path, { version: stat.version, ...result });
  return withFailure(path, { version: stat.version, ...result });
}

function withFailure(path: string, entry: { version: string; file: StyleFile | null; problem: string | null }): { file: StyleFile | null; problem: string | null } {
  const failure = failed.get(path);
  if (entry.problem === null && failure && failure.version === entry.version) return { file: null, problem: `cannot be compiled (${failure.message})` };
  return { file: entry.problem === null ? entry.file : null, problem: entry.problem };
}

/** Why a text is not a CSL style, or null when it looks like one (the engine has the last word). */
export function styleShapeProblem(xml: string): string | null {
  if (xml.includes('\u0000')) return 'is a binary file, not a CSL style';
  if (!/<style\b[^>]*xmlns\s*=\s*["']http:\/\/purl\.org\/net\/xbiblio\/csl["']/.test(xml)) return 'is not a CSL style (no <style> element in the CSL namespace)';
  if (!/<citation\b[\s\S]*<layout\b/.test(xml)) {
    return /rel\s*=\s*["']independent-parent["']/.test(xml) ? 'is a dependent style (it only names its parent style: use the parent style\'s file)' : 'is not a complete CSL style (it has no <citation> layout)';
  }
  return null;
}

/** Records that a style failed to compile, so the next analysis reports it. */
export function styleFailed(path: string, version: string, message: string): void {
  failed.set(path, { version, message: message.split('\n')[0].slice(0, 200) });
}

export function forgetStyle(path: string): void {
  read.delete(path);
}

export interface StyleLocation {
  /** The file to use: the essay's style, or a shipped one. */
  path: string;
  /** The name as written, or null for the default style. */
  name: string | null;
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Where the style `csl:` names is: relative to the essay; else, like Pandoc's data folder, a
 * shipped style of that name. A URL is not fetched.
 *
 * @returns the path, or a problem in words.
 */
export function locateStyle(name: string, documentPath: string | null, roots: string[] | null, allowOutside: boolean, bundled?: string): { path: string | null; problem: string | null } {
  if (isUrl(name)) return { path: null, problem: 'is a URL, which Apparatus does not download' };
  const withExtension = /\.csl$/i.test(name) ? name : `${name}.csl`;
  const folder = documentPath ? dirname(documentPath) : (roots?.[0] ?? process.cwd());
  const path = resolve(folder, withExtension);
  if (readable(path)) {
    if (roots && !allowOutside && !roots.some((root) => inside(path, root))) {
      return { path: null, problem: 'is outside the workspace and was not read (setting apparatus.bibliographyOutsideWorkspace)' };
    }
    return { path, problem: null };
  }
  const shipped = join(bundled ?? bundledStyleFolder(), basename(withExtension));
  if (readable(shipped)) return { path: shipped, problem: null };
  return { path: null, problem: 'cannot be found' };
}

const isUrl = (name: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(name);

/**
 * Why the style an essay names cannot be used, or null: what `invalid-csl-style` reports. A URL
 * is not reported (Pandoc downloads it; only the hover says it shows Chicago instead).
 */
export function styleProblem(name: string, documentPath: string | null, roots: string[] | null, allowOutside: boolean): string | null {
  if (isUrl(name)) return null;
  const located = locateStyle(name, documentPath, roots, allowOutside);
  if (!located.path) return located.problem;
  return readStyle(located.path).problem;
}
