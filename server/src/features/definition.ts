/**
 * Go to definition: from a marker or a note to the bibliography entries its citations resolve to
 * (all of them when there are several); when nothing resolved, to the note definition itself so
 * the writer lands where the citation needs fixing.
 */
import type { Location, Position } from 'vscode-languageserver';
import type { Essay, Note } from '../model/types';
import { entryFor, entryUri, noteFor, notesFor, resolvedKeys, targetAt } from './locate';
import { provideKeyDefinition } from './pandocKeys';

function entryLocations(essay: Essay, uri: string, keys: string[]): Location[] {
  const locations: Location[] = [];
  for (const key of keys) {
    const entry = entryFor(essay, key);
    // A chapter's sources may be in the bibliography file it shares.
    if (entry) locations.push({ uri: entryUri(essay, key, uri), range: entry.range });
  }
  return locations;
}

function noteLocations(uri: string, notes: Note[]): Location[] {
  return notes.map((note) => ({ uri, range: note.range }));
}

export function provideDefinition(essay: Essay, uri: string, position: Position): Location[] {
  // A Pandoc key goes to its entry's line in the .bib, CSL-JSON or CSL-YAML file.
  const key = provideKeyDefinition(essay, uri, position);
  if (key) return key;
  const target = targetAt(essay, position);
  if (!target || target.kind === 'entry') return [];
  // On a citation inside a note, that citation's sources; elsewhere, every source of the note.
  if (target.kind === 'note' && target.citation && target.citation.entries.length > 0) {
    return entryLocations(essay, uri, [...new Set(target.citation.entries)]);
  }
  const note = target.kind === 'note' ? target.note : noteFor(essay, target.label);
  if (!note) return [];
  const sources = entryLocations(essay, uri, resolvedKeys(note));
  if (sources.length > 0) return sources;
  return noteLocations(uri, notesFor(essay, note.label));
}
