/**
 * A lens over each bibliography entry: "cited in N notes" (clicking it shows the citations in the
 * references peek), or "not cited".
 *
 * The command is VS Code's `editor.action.showReferences` with `[uri, position, locations]` as
 * plain LSP JSON. VS Code's command wants `Uri`/`Position`/`Location` objects, so the extension
 * converts these arguments in its code-lens middleware; other editors (Zed, Sublime LSP) accept
 * the JSON as it is.
 */
import type { CodeLens, Location } from 'vscode-languageserver';
import type { Essay } from '../model/types';
import { citationsOf, essayIndex } from './locate';
import type { OtherEssay } from './references';

export const showReferencesCommand = 'editor.action.showReferences';

/** `elsewhere`: the chapters that share this file's bibliography; their notes count too. */
export function provideCodeLenses(essay: Essay, uri: string, elsewhere: readonly OtherEssay[] = []): CodeLens[] {
  if (essay.skipped !== null) return [];
  const lenses: CodeLens[] = [];
  for (const entry of essayIndex(essay).entriesInOrder) {
    const places = citationsOf(essay, entry.key);
    const others = elsewhere.map((other) => ({ uri: other.uri, places: citationsOf(other.essay, entry.key) }));
    const notes = new Set(places.map(({ note }) => note.label)).size + others.reduce((sum, other) => sum + new Set(other.places.map(({ note }) => note.label)).size, 0);
    if (notes === 0) {
      // An empty command id makes the lens a plain label.
      lenses.push({ range: entry.range, command: { title: 'not cited', command: '' } });
      continue;
    }
    const locations: Location[] = [
      ...places.map(({ citation }) => ({ uri, range: citation.range })),
      ...others.flatMap((other) => other.places.map(({ citation }) => ({ uri: other.uri, range: citation.range }))),
    ];
    lenses.push({
      range: entry.range,
      command: {
        title: `cited in ${notes} note${notes === 1 ? '' : 's'}`,
        command: showReferencesCommand,
        arguments: [uri, entry.range.start, locations],
      },
    });
  }
  return lenses;
}
