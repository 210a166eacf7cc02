/**
 * Pandoc's `--citeproc` as the oracle for the CSL rendering of notes: the text each citation
 * prints, in document order, from `pandoc -t json`, and the same from Apparatus's engine, with
 * a comparison that ignores white space and typography (curly or straight quotes, dash widths).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyseEssay } from '../../../server/src/model/analyse';
import { libraryLoader } from '../../../server/src/workspace/libraries';
import { CslEngines, renderEssayNotes } from '../../../server/src/workspace/cslEngine';
import { plainFences } from './oracle';

export interface PrintedCitation {
  keys: string[];
  noteNumber: number;
  text: string;
}

type Node = { t?: string; c?: unknown };

/** Plain text of Pandoc inlines (quotes as Pandoc prints them). */
function inlineText(node: unknown): string {
  if (Array.isArray(node)) return node.map(inlineText).join('');
  if (!node || typeof node !== 'object') return '';
  const { t, c } = node as Node;
  switch (t) {
    case 'Str':
      return c as string;
    case 'Space':
    case 'SoftBreak':
    case 'LineBreak':
      return ' ';
    case 'Quoted': {
      const [kind, content] = c as [{ t: string }, unknown];
      return kind.t === 'DoubleQuote' ? `“${inlineText(content)}”` : `‘${inlineText(content)}’`;
    }
    case 'Link':
    case 'Span':
    case 'Image':
      return inlineText((c as unknown[])[1]);
    case 'Code':
    case 'Math':
      return (c as [unknown, string])[1];
    case 'Cite':
      return inlineText((c as unknown[])[1]);
    default:
      return Array.isArray(c) ? inlineText(c) : '';
  }
}

/** The citations `pandoc --citeproc` prints for a document, in document order (notes at their markers). */
export function pandocPrinted(text: string, args: string[], cwd: string): PrintedCitation[] {
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json', '--citeproc', ...args], { input: plainFences(text), encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  const found: PrintedCitation[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const { t, c } = node as Node;
    if (t === 'Cite' && Array.isArray(c)) {
      const citations = c[0] as { citationId: string; citationNoteNum: number }[];
      found.push({ keys: citations.map((citation) => citation.citationId), noteNumber: citations[0]?.citationNoteNum ?? 0, text: inlineText(c[1]) });
      return;
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk((JSON.parse(result.stdout) as { blocks: unknown }).blocks);
  return found;
}

/** The same citations as Apparatus renders them (null where none of the keys has an entry). */
export async function apparatusPrinted(path: string, engines: CslEngines, extra: string[] = [], root = dirname(path)): Promise<(PrintedCitation | null)[]> {
  const text = readFileSync(path, 'utf8');
  const essay = analyseEssay(text, { libraries: libraryLoader(path, { extra, roots: [root], allowOutside: false }) });
  const notes = await renderEssayNotes(engines, essay, { documentPath: path, roots: null, allowOutside: true });
  return notes.map(({ cluster, rendered }) => (rendered ? { keys: cluster.items.map((item) => item.key), noteNumber: cluster.noteNumber, text: rendered.text } : null));
}

/** White space, quotes and dashes as one form, so only the words and their order count. */
export function normalised(text: string): string {
  return text
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’‚']/g, "'")
    .replace(/[–—‐-]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
