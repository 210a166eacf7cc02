/**
 * The `apparatus/previewNotes` request: what VS Code's Markdown preview needs to print an essay's
 * notes as they will appear, with their problems visible. The preview's markdown-it plugin
 * (`client/src/preview/notesPlugin.ts`) finds the notes in the text itself; this answers, for each
 * footnote or endnote label, the sources its citations resolve to and the problems the editor shows
 * in it, and for each Pandoc key the reference its note prints or why it cannot be printed.
 *
 * Problems are the diagnostics the editor shows (after the user's severities: a rule set to `off`
 * marks nothing), hints left out, so the preview never marks what the Problems panel does not list.
 */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { LibraryEntry } from '../model/pandoc/library';
import { comparePositions } from '../model/text';
import type { Essay, Range } from '../model/types';
import { entryFor } from './locate';
import { renderEntry } from './render';
import type { PreviewKeyInfo, PreviewNoteInfo, PreviewNotes } from '../../../shared/protocol';

export function providePreviewNotes(essay: Essay, shown: Diagnostic[]): PreviewNotes {
  const problems = shown.filter((d) => d.severity !== DiagnosticSeverity.Hint);
  const notes: Record<string, PreviewNoteInfo> = {};
  for (const note of essay.notes) {
    if (Object.hasOwn(notes, note.label)) continue; // a duplicate label: the first definition is the note
    const sources: string[] = [];
    for (const citation of note.citations) {
      for (const key of citation.entries) {
        const entry = entryFor(essay, key);
        if (entry) sources.push(renderEntry(entry) + (citation.locator ? `, ${citation.locator.text}` : ''));
      }
    }
    notes[note.label] = { sources: unique(sources), problems: unique(problems.filter((d) => within(d.range, note.range)).map((d) => d.message)) };
  }

  const keys: Record<string, PreviewKeyInfo> = {};
  for (const use of essay.pandoc?.uses ?? []) {
    const problem = problems.find((d) => within(d.range, use.range))?.message ?? null;
    const known = keys[use.key];
    if (known && (known.problem !== null || problem === null)) continue;
    keys[use.key] = { reference: use.entry ? noteReference(use.entry) : null, problem };
  }
  return { notes, keys };
}

/**
 * What a note prints for a Pandoc key, before the locator: "Davis, *City of Quartz*", "White and
 * Cronon, “The Middle Ground Revisited”". A plain short form from the entry's fields; the one
 * place to swap for a CSL engine's rendering.
 */
export function noteReference(entry: LibraryEntry): string {
  const fields = entry.fields;
  const who = surnames(fields.author ?? fields.editor ?? '');
  const rawTitle = (fields['title-short'] ?? fields.shorttitle ?? fields.title ?? '').trim();
  // The short form of a title is the part before its subtitle.
  const shortTitle = rawTitle.replace(/\s*[:.?!]\s.*$/s, '').replace(/[{}]/g, '');
  const container = fields.journal ?? fields.journaltitle ?? fields.booktitle ?? fields['container-title'];
  const title = shortTitle ? (container ? `“${shortTitle}”` : `*${shortTitle.replace(/\*/g, '')}*`) : '';
  const parts = [who, title].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : entry.key;
}

/** "Davis", "White and Cronon", "Gaddis et al." from a BibTeX or CSL name list. */
function surnames(names: string): string {
  const list = names
    .split(/\s+and\s+/)
    .map((name) => name.replace(/[{}]/g, '').trim())
    .filter(Boolean)
    .map((name) => (name.includes(',') ? name.slice(0, name.indexOf(',')).trim() : (name.split(/\s+/).pop() ?? name)));
  if (list.length === 0) return '';
  if (list.length === 1) return list[0];
  if (list.length === 2) return `${list[0]} and ${list[1]}`;
  return `${list[0]} et al.`;
}

function within(inner: Range, outer: Range): boolean {
  return comparePositions(inner.start, outer.start) >= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
