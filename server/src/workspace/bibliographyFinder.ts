/**
 * Where a chapter's bibliography is when it is not in the chapter itself:
 *
 * 1. the file the essay names in its front matter (`bibliography: ../bibliography.md`);
 * 2. the file the `apparatus.bibliography` setting names;
 * 3. by convention, in the chapter's folder and then each parent up to the workspace folder:
 *    `bibliography.md`, `references.md`, `sources.md`, `works-cited.md`; in the chapter's own
 *    folder also a file that is all bibliography (front matter `title: Bibliography`, or nothing
 *    before a "Bibliography" heading, or a name ending in `-bibliography.md`). When a folder holds
 *    several, the one whose name starts with the most whole parts of the chapter's is taken
 *    (`heppler-diss-ch1.md` → `heppler-diss-bibliography.md`); a tie finds none.
 */
import * as path from 'node:path';
import type { FileSystem } from './files';
import { frontMatterBlock } from './frontMatterText';
import { isBibliographyHeading } from '../model/bibliography/assemble';

export const conventionalNames = ['bibliography.md', 'references.md', 'sources.md', 'works-cited.md'];

const bibliographyWords = /(?:^|[-_ .])(?:bibliography|references|sources|(?:works|references|literature)[-_ ]cited|literature)$/i;
const titleLine = /^title:\s*["']?\s*([^"'\n]{1,80}?)\s*["']?\s*$/im;

/** Whether a file, by its name or its text, is all bibliography. */
export function isBibliographyFile(file: string, text: string): boolean {
  if (/\[\^[^\]\s]+\]:/.test(text)) return false; // it has notes: a chapter with its own bibliography
  const name = path.basename(file).replace(/\.(?:md|markdown)$/i, '');
  if (bibliographyWords.test(name)) return true;
  const front = frontMatterBlock(text);
  // (Titled or headed as the model knows a bibliography's heading, in English or another language.)
  const title = front ? titleLine.exec(front.yaml) : null;
  if (title && isBibliographyHeading(title[1])) return true;
  const firstLine = (front ? front.body : text).split(/\r?\n/).find((line) => line.trim() !== '');
  return firstLine !== undefined && firstLine.length <= 120 && isBibliographyHeading(firstLine.trim());
}

/** The `bibliography:` field of the front matter, when it names Markdown files. */
export function namedBibliographies(text: string): string[] {
  const front = frontMatterBlock(text);
  if (!front) return [];
  const names: string[] = [];
  const single = /^bibliography:\s*["']?([^"'\n[]+?\.(?:md|markdown))["']?\s*$/im.exec(front.yaml);
  if (single) names.push(single[1].trim());
  const list = /^bibliography:\s*\n((?:\s+-\s+.*\n?)+)/im.exec(front.yaml);
  if (list) for (const item of list[1].matchAll(/-\s+["']?([^"'\n]+?\.(?:md|markdown))["']?\s*$/gim)) names.push(item[1].trim());
  return names;
}

export interface BibliographySettings {
  /** The workspace folder: the search for a conventional file goes no higher. */
  root: string;
  /** `apparatus.bibliography`: a file relative to the root (or absolute); empty for none. */
  setting?: string;
}

/** How many whole name parts (up to a `-`, `_`, `.` or space) two file names start with in common. */
function commonStart(a: string, b: string): number {
  let i = 0;
  let parts = 0;
  while (i < a.length && i < b.length && a[i].toLowerCase() === b[i].toLowerCase()) {
    if (/[-_. ]/.test(a[i])) parts++;
    i++;
  }
  return parts;
}

export function findBibliographyFile(file: string, text: string, files: FileSystem, settings: BibliographySettings): string | null {
  const folder = path.dirname(path.resolve(file));
  const self = path.resolve(file);
  for (const name of namedBibliographies(text)) {
    const named = path.resolve(folder, name);
    if (named !== self && files.read(named) !== null) return named;
  }
  if (settings.setting) {
    const named = path.resolve(settings.root, settings.setting);
    if (named !== self && files.read(named) !== null) return named;
  }
  const root = path.resolve(settings.root);
  const base = path.basename(file);
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const entries = files.list(dir).filter((entry) => !entry.folder);
    const candidates: string[] = [];
    for (const entry of entries) {
      const candidate = path.join(dir, entry.name);
      if (candidate === self || !/\.(?:md|markdown)$/i.test(entry.name)) continue;
      if (conventionalNames.includes(entry.name.toLowerCase())) candidates.push(candidate);
      else if (dir === folder) {
        const candidateText = files.read(candidate);
        if (candidateText !== null && isBibliographyFile(candidate, candidateText)) candidates.push(candidate);
      }
    }
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) {
      const scored = candidates.map((candidate) => ({ candidate, score: commonStart(base, path.basename(candidate)) })).sort((a, b) => b.score - a.score);
      if (scored[0].score > scored[1].score) return scored[0].candidate;
      return null;
    }
    if (dir === root || !dir.startsWith(root) || path.dirname(dir) === dir) break;
  }
  return null;
}
