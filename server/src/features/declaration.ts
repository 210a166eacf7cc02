/**
 * Go to declaration: from a marker (or a note) to the note definition, every one of them when a
 * label is defined twice.
 */
import type { Location, Position } from 'vscode-languageserver';
import type { Essay } from '../model/types';
import { notesFor, targetAt } from './locate';

export function provideDeclaration(essay: Essay, uri: string, position: Position): Location[] {
  const target = targetAt(essay, position);
  if (!target || target.kind === 'entry') return [];
  return notesFor(essay, target.label).map((note) => ({ uri, range: note.range }));
}
