/**
 * The notes citeproc prints for an essay's Pandoc keys, for `apparatus check --format json`: each
 * key use gets the text of the citation it is in, as its note prints it (full note, short note or
 * Ibid., in the essay's `csl:` style or Chicago), rendered with the engine the editor's hover uses.
 */
import { CslPosition } from '../model/pandoc/noteOrder';
import type { Essay } from '../model/types';
import { CslEngines, renderEssayNotes } from '../workspace/cslEngine';
import type { KeyNote, KeyNotes } from './report';

const positionNames: Record<CslPosition, KeyNote['position']> = {
  [CslPosition.First]: 'first',
  [CslPosition.Subsequent]: 'subsequent',
  [CslPosition.Ibid]: 'ibid',
  [CslPosition.IbidWithLocator]: 'ibid-with-locator',
};

/**
 * Renders the key citations of every essay that cites a key with an entry. An essay whose notes
 * cannot be rendered (citeproc missing, a style that fails) is told on `err` and left without notes.
 */
export async function renderKeyNotes(essays: { essay: Essay; path: string }[], err: (line: string) => void): Promise<Map<Essay, KeyNotes>> {
  const out = new Map<Essay, KeyNotes>();
  let engines: CslEngines | null = null;
  for (const { essay, path } of essays) {
    if (!essay.pandoc?.uses.some((use) => use.entry)) continue;
    engines ??= new CslEngines();
    try {
      const notes: KeyNotes = new Map();
      // Paths on the command line are the user's own: a style outside any folder is read.
      for (const { cluster, rendered } of await renderEssayNotes(engines, essay, { documentPath: path, roots: null, allowOutside: true })) {
        if (!rendered) continue;
        for (const item of cluster.items) {
          notes.set(item.use, { noteNumber: rendered.noteNumber, position: positionNames[item.position], text: rendered.text, markdown: rendered.markdown, style: rendered.style });
        }
      }
      out.set(essay, notes);
    } catch (error) {
      err(`apparatus: the notes of ${path} cannot be rendered with CSL (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the JSON gives their keys without them.`);
    }
  }
  return out;
}
