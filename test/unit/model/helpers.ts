import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import type { Citation, Essay } from '../../../server/src/model/types';

export const root = join(__dirname, '..', '..', '..');
export const readSample = (name: string): string => readFileSync(join(root, 'samples', name), 'utf8');
export const readFixture = (path: string): string => readFileSync(join(root, 'test', 'fixtures', path), 'utf8');

/** An essay from lines, as the tests of vscode-markdown-languageservice build documents. */
export const joinLines = (...lines: string[]): string => lines.join('\n');

/** Analyses a small essay: body lines, then a bibliography, then note definitions. */
export function essayOf(body: string[], bibliography: string[], notes: string[]): Essay {
  const text = joinLines(...body, '', '## Bibliography', '', ...bibliography.flatMap((entry) => [entry, '']), ...notes.flatMap((note) => [note, '']));
  return analyseEssay(text, { claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] } });
}

/**
 * An essay whose body cites each of `notes` in turn (`[^1]`, `[^2]`, …) against `bibliography`, and
 * what each note cites, as `brief` puts it.
 */
export function notesCiting<T>(bibliography: string[], notes: string[], brief: (citations: Citation[]) => T): { essay: Essay; cited: T[] } {
  const labelled = notes.map((text, i) => `[^${i + 1}]: ${text}`);
  const essay = essayOf([labelled.map((_, i) => `Sentence[^${i + 1}].`).join(' ')], bibliography, labelled);
  return { essay, cited: essay.notes.map((note) => brief(note.citations)) };
}

export function codes(essay: Essay): string[] {
  return essay.diagnostics.map((diagnostic) => diagnostic.code);
}
