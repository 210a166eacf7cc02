import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import type { Essay } from '../../../server/src/model/types';

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

export function codes(essay: Essay): string[] {
  return essay.diagnostics.map((diagnostic) => diagnostic.code);
}
