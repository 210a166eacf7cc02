/**
 * The files a workspace reads: on disk, or in memory for tests. Paths are absolute, in the
 * platform's own form (`node:path`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface FileSystem {
  /** The file's text, or null when it does not exist or cannot be read. */
  read(file: string): string | null;
  /** The entries of a folder (empty when it is not one). */
  list(folder: string): { name: string; folder: boolean }[];
}

/** Folders never searched for essays. */
const skippedFolders = new Set(['node_modules', '.git', 'dist', 'out', '_site', '.quarto']);

export const diskFileSystem: FileSystem = {
  read(file) {
    try {
      if (!statSync(file).isFile()) return null;
      return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return null;
    }
  },
  list(folder) {
    try {
      return readdirSync(folder, { withFileTypes: true }).map((entry) => ({ name: entry.name, folder: entry.isDirectory() }));
    } catch {
      return [];
    }
  },
};

/** A file system holding `files` (absolute path → text); folders are implied by the paths. */
export function memoryFileSystem(files: Map<string, string> | Record<string, string>): FileSystem & { files: Map<string, string> } {
  const all = files instanceof Map ? files : new Map(Object.entries(files));
  return {
    files: all,
    read: (file) => all.get(path.resolve(file)) ?? null,
    list(folder) {
      const prefix = path.resolve(folder) + path.sep;
      const seen = new Map<string, boolean>();
      for (const file of all.keys()) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split(path.sep);
        seen.set(name, (seen.get(name) ?? false) || rest.length > 0);
      }
      return [...seen].map(([name, folder]) => ({ name, folder }));
    },
  };
}

/** Every Markdown file under `root`, sorted, skipping hidden folders and build output. */
export function markdownFilesUnder(root: string, files: FileSystem): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of files.list(folder).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.folder) {
        if (!entry.name.startsWith('.') && !skippedFolders.has(entry.name)) walk(path.join(folder, entry.name));
      } else if (/\.(?:md|markdown|rmd|qmd)$/i.test(entry.name)) {
        out.push(path.join(folder, entry.name));
      }
    }
  };
  walk(path.resolve(root));
  return out;
}
