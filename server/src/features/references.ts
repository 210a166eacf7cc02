/**
 * Find references. On a bibliography entry: every citation of it inside a note, and every marker
 * of those notes (the entry itself is the declaration). On a marker or note: the markers with its
 * label, and the definition as the declaration.
 */
import type { Location, Position, ReferenceContext } from 'vscode-languageserver';
import type { Essay, Range } from '../model/types';
import { citationsOf, comparePositions, definitionLabelRange, markersFor, notesFor, targetAt } from './locate';
import { provideKeyReferences } from './pandocKeys';

function sorted(uri: string, ranges: Range[]): Location[] {
  return [...ranges]
    .sort((a, b) => comparePositions(a.start, b.start))
    .map((range) => ({ uri, range }));
}

/** Another file's analysis: a chapter that shares this file's bibliography. */
export interface OtherEssay {
  uri: string;
  essay: Essay;
}

export function provideReferences(
  essay: Essay,
  uri: string,
  position: Position,
  context: ReferenceContext,
  elsewhere: readonly OtherEssay[] = [],
  keyFiles?: (library: string) => { uri: string; text: string }[],
): Location[] {
  // A Pandoc key: every use of it in the essay and in the files citing from its library, and its entry in the bibliography file.
  const keys = provideKeyReferences(essay, uri, position, context, keyFiles);
  if (keys) return keys;
  const target = targetAt(essay, position);
  if (!target) return [];
  const ranges: Range[] = [];
  if (target.kind === 'entry') {
    if (context.includeDeclaration) ranges.push(target.entry.range);
    const labels = new Set<string>();
    for (const { note, citation } of citationsOf(essay, target.entry.key)) {
      ranges.push(citation.range);
      labels.add(note.label);
    }
    for (const label of labels) for (const marker of markersFor(essay, label)) ranges.push(marker.range);
    // The chapters that share this bibliography cite it too.
    const others = elsewhere.flatMap((other) => locationsOfEntry(other, target.entry.key));
    return [...sorted(uri, ranges), ...others];
  } else {
    for (const marker of markersFor(essay, target.label)) ranges.push(marker.range);
    if (context.includeDeclaration) {
      for (const note of notesFor(essay, target.label)) ranges.push(definitionLabelRange(note));
    }
  }
  return sorted(uri, ranges);
}

/** The citations of an entry in another file, and the markers of the notes they are in. */
export function locationsOfEntry(other: OtherEssay, key: string): Location[] {
  const ranges: Range[] = [];
  const labels = new Set<string>();
  for (const { note, citation } of citationsOf(other.essay, key)) {
    ranges.push(citation.range);
    labels.add(note.label);
  }
  for (const label of labels) for (const marker of markersFor(other.essay, label)) ranges.push(marker.range);
  return sorted(other.uri, ranges);
}
