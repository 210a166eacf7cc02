/**
 * Which files of the workspace are bibliographies of Pandoc keys. A `.bib` is one whatever names it.
 * A `.json` or `.yaml` file is one only when an essay names it (`bibliography:` in its front matter,
 * a bookdown chapter's through its `index.Rmd`) or the `apparatus.bibliography` setting does:
 * `package.json`, a CI workflow or a data file beside the essays is not a library, and gets no
 * outline, code lens, rename or diagnostic from Apparatus.
 */
import { dirname, join, resolve } from 'node:path';
import { bibliographyNames } from '../model/pandoc/index';
import { formatOf } from '../model/pandoc/library';
import { frontMatterBlock } from './frontMatterText';

/** The files a Markdown file's own front matter names, as absolute paths. */
function ownLibraries(file: { path: string; text: string }): string[] {
  if (!file.text.startsWith('---') && !file.text.startsWith('\uFEFF---')) return [];
  return bibliographyNames(frontMatterBlock(file.text)?.yaml ?? null).map((name) => resolve(dirname(file.path), name));
}

/**
 * The library files a chapter cites from, as the loader finds them (`workspace/libraries.ts`): its
 * front matter's, else (an R Markdown chapter of a bookdown project) its `index.Rmd`'s, and the
 * setting's. `textOf` reads a file (open or on disk), null when there is none.
 */
export function librariesOf(file: { path: string; text: string }, extra: string[], firstRoot: string | null, textOf: (path: string) => string | null): string[] {
  let own = ownLibraries(file);
  if (own.length === 0 && /\.Rmd$/i.test(file.path) && !/(?:^|[\\/])index\.Rmd$/i.test(file.path)) {
    const indexPath = join(dirname(file.path), 'index.Rmd');
    const index = textOf(indexPath);
    if (index !== null) own = ownLibraries({ path: indexPath, text: index });
  }
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
 * front matter, relative to their folder) and by the setting (relative to the first workspace folder).
 */
export function namedLibraryPaths(markdownFiles: Iterable<{ path: string; text: string }>, extra: string[], firstRoot: string | null): Set<string> {
  const named = new Set<string>();
  for (const file of markdownFiles) for (const library of ownLibraries(file)) named.add(library);
  for (const name of extra) named.add(resolve(firstRoot ?? '.', name));
  return named;
}

/** Whether a file is a library Apparatus answers for: any `.bib`; CSL-JSON and CSL-YAML only when named. */
export function isLibraryDocument(path: string, named: () => Set<string>): boolean {
  const format = formatOf(path);
  if (format === null) return false;
  return format === 'bibtex' || named().has(resolve(path));
}
