/**
 * Document highlights: with the cursor on a marker or a note label, every marker with that label
 * (read: they use the note) and its definition (write: it gives the note its text).
 */
import { type DocumentHighlight, DocumentHighlightKind, type Position } from 'vscode-languageserver';
import type { Essay } from '../model/types';
import { definitionLabelRange, markersFor, notesFor, rangeContains, targetAt } from './locate';

export function provideDocumentHighlights(essay: Essay, position: Position): DocumentHighlight[] {
  const target = targetAt(essay, position);
  if (!target || target.kind === 'entry') return [];
  // Inside a note's text (not on its `[^12]`) the cursor is on prose, not on the label.
  if (target.kind === 'note' && !rangeContains(definitionLabelRange(target.note), position)) return [];
  return [
    ...markersFor(essay, target.label).map((marker) => ({ range: marker.range, kind: DocumentHighlightKind.Read })),
    ...notesFor(essay, target.label).map((note) => ({ range: definitionLabelRange(note), kind: DocumentHighlightKind.Write })),
  ];
}
