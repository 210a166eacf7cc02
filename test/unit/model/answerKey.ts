/**
 * Compares the model's resolution of every note with a hand-labelled answer key
 * (test/fixtures/**.expected.json): for each note, each citation's entries (named by a unique
 * substring of the bibliography entry's text), locator and kind.
 */
import { readFileSync } from 'node:fs';
import type { Essay } from '../../../server/src/model/types';

export interface ExpectedCitation {
  entries: string[];
  locator: string | null;
  kind: 'full' | 'short' | 'ibid' | 'none';
}

export interface AnswerKey {
  notes: Record<string, ExpectedCitation[]>;
  uncited?: string[];
}

export function loadAnswerKey(path: string): AnswerKey {
  return JSON.parse(readFileSync(path, 'utf8')) as AnswerKey;
}

/** The key of the one bibliography entry whose text contains `fragment`. */
export function keyOf(essay: Essay, fragment: string): string {
  const matches = essay.bibliography.entries.filter((entry) => entry.text.includes(fragment));
  if (matches.length !== 1) throw new Error(`answer key fragment '${fragment}' matches ${matches.length} entries`);
  return matches[0].key;
}

/** Every difference between the model and the key, in words; empty when they agree. */
export function compareWithKey(essay: Essay, key: AnswerKey): string[] {
  const problems: string[] = [];
  const notes = new Map(essay.notes.map((note) => [note.label, note]));
  for (const [label, expected] of Object.entries(key.notes)) {
    const note = notes.get(label);
    if (!note) {
      problems.push(`note ${label}: missing`);
      continue;
    }
    const got = note.citations.map((citation) => ({
      entries: citation.entries,
      locator: citation.locator?.text ?? null,
      kind: citation.kind,
    }));
    const want = expected.map((citation) => ({
      entries: citation.entries.map((fragment) => keyOf(essay, fragment)),
      locator: citation.locator,
      kind: citation.kind,
    }));
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      problems.push(`note ${label}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
  }
  if (key.uncited) {
    const cited = new Set(essay.notes.flatMap((note) => note.citations.flatMap((citation) => citation.entries)));
    const uncited = essay.bibliography.entries.filter((entry) => !cited.has(entry.key)).map((entry) => entry.key);
    const want = key.uncited.map((fragment) => keyOf(essay, fragment));
    if (JSON.stringify(uncited.sort()) !== JSON.stringify(want.sort())) {
      problems.push(`uncited: got ${JSON.stringify(uncited)}, want ${JSON.stringify(want)}`);
    }
  }
  return problems;
}
