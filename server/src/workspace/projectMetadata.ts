/**
 * The bibliography files a chapter inherits from its project when its own front matter names none.
 * Pandoc reads only the document, but the tools that build books around it pass the project's
 * metadata to every chapter:
 *
 * - bookdown: an R Markdown chapter gets the YAML of the `index.Rmd` beside it;
 * - Quarto: every file of a project gets the `_quarto.yml` (or `_quarto.yaml`) of its project
 *   folder (a book lists its chapters under `book: chapters:`, often in sub-folders, but the
 *   metadata applies to any file of the project), and a `_metadata.yml` in the file's folder or a
 *   folder between it and the project's overrides it.
 *
 * Names resolve against the folder of the file that names them. The `bibliography:` at the top of
 * these files is read, else the ones under `format:` (`format: html: bibliography: refs.bib`).
 */
import { basename, dirname, join, resolve } from 'node:path';
import { bibliographyNames } from '../model/pandoc/index';
import { frontMatterBlock } from './frontMatterText';

/** The files whose metadata chapters inherit; a change to one of them changes what chapters cite from. */
export function isProjectMetadataFile(path: string): boolean {
  return /^(?:_quarto\.ya?ml|_metadata\.ya?ml|index\.Rmd)$/i.test(basename(path));
}

/** A library as its metadata names it, and where that name leads. */
export interface NamedLibrary {
  name: string;
  path: string;
}

/** Folders above a chapter searched for a Quarto project, at most (a chapter sits a few folders down). */
const maxDepth = 8;

/**
 * The absolute paths of the libraries `documentPath` inherits (empty when none). `textOf` reads a
 * file (open or on disk), null when there is none; `roots` are the workspace folders, above which
 * nothing is looked for (null: up to the file system's root, as the CLI does).
 */
export function inheritedLibraries(documentPath: string, textOf: (path: string) => string | null, roots: string[] | null): NamedLibrary[] {
  const folder = dirname(documentPath);
  if (/\.Rmd$/i.test(documentPath) && !/^index\.Rmd$/i.test(basename(documentPath))) {
    const indexPath = join(folder, 'index.Rmd');
    const index = textOf(indexPath);
    if (index !== null) {
      const names = bibliographyNames(frontMatterBlock(index)?.yaml ?? null);
      if (names.length > 0) return names.map((name) => ({ name, path: resolve(folder, name) }));
    }
  }
  return quartoLibraries(folder, textOf, roots);
}

/** The nearest `_metadata.yml` naming a bibliography, else the project's `_quarto.yml`, from `folder` up. */
function quartoLibraries(folder: string, textOf: (path: string) => string | null, roots: string[] | null): NamedLibrary[] {
  const resolvedRoots = roots?.map((root) => resolve(root)) ?? null;
  let current = resolve(folder);
  let fromMetadata: NamedLibrary[] | null = null;
  for (let depth = 0; depth <= maxDepth; depth++) {
    if (fromMetadata === null) {
      const names = namesIn(textOf, current, ['_metadata.yml', '_metadata.yaml']);
      if (names.length > 0) fromMetadata = names;
    }
    const project = ['_quarto.yml', '_quarto.yaml'].find((name) => textOf(join(current, name)) !== null);
    // The project's folder: a `_metadata.yml` found below it wins, else the project's own bibliography.
    if (project) return fromMetadata ?? namesIn(textOf, current, [project]);
    const parent = dirname(current);
    if (parent === current || resolvedRoots?.includes(current) || (resolvedRoots !== null && !resolvedRoots.some((root) => parent.startsWith(root)))) break;
    current = parent;
  }
  return []; // a `_metadata.yml` outside any Quarto project is no project's metadata
}

function namesIn(textOf: (path: string) => string | null, folder: string, fileNames: string[]): NamedLibrary[] {
  for (const name of fileNames) {
    const text = textOf(join(folder, name));
    if (text === null) continue;
    const names = bibliographyNames(text);
    if (names.length > 0) return names.map((found) => ({ name: found, path: resolve(folder, found) }));
  }
  return [];
}
