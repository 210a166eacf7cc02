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

/** The front matter at the top of a Markdown file, as YAML text (null: none). */
function frontMatterOf(text: string): string | null {
  const head = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 50_000));
  return head ? head[1] : null;
}

/** The files a Markdown file's own front matter names, as absolute paths. */
function ownLibraries(file: { path: string; text: string }): string[] {
  if (!file.text.startsWith('---') && !file.text.startsWith('\uFEFF---')) return [];
  return bibliographyNames(frontMatterOf(file.text)).map((name) => resolve(dirname(file.path), name));
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
