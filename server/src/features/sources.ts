/**
 * The `apparatus.showSources` command: the note at the cursor (on its marker or in its
 * definition), its text, and the sources it resolves to, as data the client shows in a quick pick.
 */
import type { Position } from 'vscode-languageserver';
import type { Essay } from '../model/types';
import { noteFor, targetAt } from './locate';
import { noteSources, type SourceDescription } from './render';

export interface NoteSources {
  label: string;
  text: string;
  sources: SourceDescription[];
}

export function provideSources(essay: Essay, position: Position): NoteSources | null {
  const target = targetAt(essay, position);
  if (!target || target.kind === 'entry') return null;
  const note = target.kind === 'note' ? target.note : noteFor(essay, target.label);
  if (!note) return { label: target.label, text: '', sources: [] };
  return { label: note.label, text: note.text, sources: noteSources(essay, note) };
}
