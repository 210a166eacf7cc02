/**
 * Shared by the feature tests: the samples analysed once each, and positions found by searching
 * the text (so a test says "on marker 12" and still asserts exact lines and characters).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import type { Essay, Position, Range } from '../../../server/src/model/types';

export const root = path.resolve(__dirname, '../../..');
export const uri = 'file:///essay.md';

const cache = new Map<string, Essay>();

/** A sample from samples/, analysed once per test run. */
export function sample(name: string): Essay {
  let essay = cache.get(name);
  if (!essay) {
    essay = analyseEssay(readFileSync(path.join(root, 'samples', name), 'utf8'));
    cache.set(name, essay);
  }
  return essay;
}

/** Where `needle` starts in `text` (its `occurrence`-th time, from 0), as a position. */
export function positionOf(text: string, needle: string, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
}

/** A position `offset` characters into the `occurrence`-th `needle`. */
export function inside(text: string, needle: string, offset = 1, occurrence = 0): Position {
  const start = positionOf(text, needle, occurrence);
  return { line: start.line, character: start.character + offset };
}

export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/** The whole line on which `needle` first starts, without its line break. */
export function lineRangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, occurrence);
  const line = text.split('\n')[start.line].replace(/\r$/, '');
  return { start: { line: start.line, character: 0 }, end: { line: start.line, character: line.length } };
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [
    lines[range.start.line].slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line].slice(0, range.end.character),
  ].join('\n');
}
