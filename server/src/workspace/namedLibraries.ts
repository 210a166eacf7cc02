/**
 * Which files of the workspace are bibliographies of Pandoc keys. A `.bib` is one whatever names it.
 * A `.json` or `.yaml` file is one only when an essay names it (`bibliography:` in its front matter,
 * or its project's metadata: `index.Rmd`, `_quarto.yml`) or the `apparatus.bibliography` setting does:
 * `package.json`, a CI workflow or a data file beside the essays is not a library, and gets no
 * outline, code lens, rename or diagnostic from Apparatus.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { bibliographyNames } from '../model/pandoc/index';
import { formatOf } from '../model/pandoc/library';
import { frontMatterBlock } from './frontMatterText';
import { inheritedLibraries } from './projectMetadata';

/** The files a Markdown file's own front matter names, as absolute paths. */
function ownLibraries(file: { path: string; text: string }): string[] {
  if (!file.text.startsWith('---') && !file.text.startsWith('\uFEFF---')) return [];
  return bibliographyNames(frontMatterBlock(file.text)?.yaml ?? null).map((name) => resolve(dirname(file.path), name));
}

/**
 * The library files a chapter cites from, as the loader finds them (`workspace/libraries.ts`): its
 * front matter's, else its project's (`projectMetadata.ts`: a bookdown `index.Rmd`, a Quarto
 * `_quarto.yml` or `_metadata.yml`), and the setting's. `textOf` reads a file (open or on disk),
 * null when there is none.
 */
export function librariesOf(file: { path: string; text: string }, extra: string[], firstRoot: string | null, textOf: (path: string) => string | null): string[] {
  let own = ownLibraries(file);
  if (own.length === 0) own = inheritedLibraries(file.path, textOf, firstRoot === null ? null : [firstRoot]).map((library) => library.path);
  return [...own, ...extra.map((name) => resolve(firstRoot ?? dirname(file.path), name))];
}

/**
 * The files (open or known to the workspace) that cite from any of the library files `read`: a
 * chapter's Pandoc keys counted with the others that share its .bib. `pathOf` maps a file's URI to
 * its path (null: unsaved); `readDisk` reads a file no editor holds.
 */
export function chaptersCitingFrom<F extends { uri: string; text: string }>(
  read: string[],
  files: F[],
  pathOf: (uri: string) => string | null,
  extra: string[],
  firstRoot: string | null,
  readDisk: (path: string) => string | null,
): F[] {
  const byPath = new Map<string, F>();
  for (const file of files) {
    const filePath = pathOf(file.uri);
    if (filePath !== null) byPath.set(filePath, file);
  }
  const textOf = (path: string): string | null => byPath.get(path)?.text ?? readDisk(path);
  return [...byPath].filter(([path, file]) => librariesOf({ path, text: file.text }, extra, firstRoot, textOf).some((library) => read.includes(library))).map(([, file]) => file);
}

/**
 * The absolute paths of the bibliography files named by the given Markdown files (by their own
 * front matter, relative to their folder, else, when `textOf` is given, by their project's
 * metadata) and by the setting (relative to the first workspace folder).
 */
export function namedLibraryPaths(markdownFiles: Iterable<{ path: string; text: string }>, extra: string[], firstRoot: string | null, textOf?: (path: string) => string | null): Set<string> {
  const named = new Set<string>();
  const read = new Map<string, string | null>();
  const readOnce = (path: string): string | null => {
    if (!read.has(path)) read.set(path, textOf!(path));
    return read.get(path)!;
  };
  for (const file of markdownFiles) {
    const own = ownLibraries(file);
    for (const library of own) named.add(library);
    if (own.length === 0 && textOf) for (const library of inheritedLibraries(file.path, readOnce, firstRoot === null ? null : [firstRoot])) named.add(library.path);
  }
  for (const name of extra) named.add(resolve(firstRoot ?? '.', name));
  return named;
}

/** Whether a file is a library Apparatus answers for: any `.bib`; CSL-JSON and CSL-YAML only when named. */
export function isLibraryDocument(path: string, named: () => Set<string>): boolean {
  const format = formatOf(path);
  if (format === null) return false;
  return format === 'bibtex' || named().has(resolve(path));
}

/**
 * A library's project, for renaming a key and finding its uses from the library's side: the
 * Markdown files (open or known to the workspace) that cite from `libraryPath`, with those that
 * name no library at all (a chapter built with `--bibliography` on Pandoc's command line, which no
 * file records), and every library these files cite from, `libraryPath` first. A file that names
 * other libraries only belongs to another project, where the same key may mean another work.
 */
export function libraryProject<F extends { uri: string; text: string }>(
  libraryPath: string,
  files: F[],
  pathOf: (uri: string) => string | null,
  extra: string[],
  firstRoot: string | null,
  readDisk: (path: string) => string | null,
): { chapters: F[]; libraries: string[] } {
  const library = resolve(libraryPath);
  const byPath = new Map<string, F>();
  for (const file of files) byPath.set(pathOf(file.uri) ?? file.uri, file);
  const textOf = (path: string): string | null => byPath.get(path)?.text ?? readDisk(path);
  const chapters: F[] = [];
  const libraries = new Set<string>([library]);
  for (const [path, file] of byPath) {
    const named = isAbsolute(path) ? librariesOf({ path, text: file.text }, extra, firstRoot, textOf) : [];
    if (named.length > 0 && !named.includes(library)) continue;
    chapters.push(file);
    for (const other of named) libraries.add(other);
  }
  return { chapters, libraries: [...libraries] };
}
