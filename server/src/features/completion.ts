/**
 * Completion.
 * - After `[^` (or `[` in an endnote essay): the next free number first, then the labels the essay already has (with the
 *   note's text as documentation). On a line that starts a definition, labels whose markers still
 *   lack a note come first.
 * - Inside a note: the bibliography's entries, each offered as the short form the essay already
 *   uses for it ("Goncharov", "Stueck (2002)"), else "Surname (year)", followed by ", p." so the
 *   writer goes on with the page.
 *
 * The line is passed in from the live document: completion is asked for right after a keystroke,
 * before the analysis has caught up with it, so the essay is only used for what it knows (labels,
 * notes, entries).
 */
import { trimEndOf } from '../model/text';
import {
  type CompletionItem,
  CompletionItemKind,
  MarkupKind,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { BibliographyEntry, Citation, Essay } from '../model/types';
import { nextFreeNumber } from './edits/labels';
import { essayIndex, noteAt } from './locate';
import { distinguishingDate, renderEntry, sectionName } from './render';

const labelPrefix = /\[\^([^\]\s[]*)$/;
/** `[12` in an endnote essay (not `[^`, not a link's `](`). */
const endnotePrefix = /(?:^|[^\]\\!])\[(\d*)$/;
const footnoteDefinitionStart = /^ {0,3}\[\^[^\]\s]+\]:/;
const endnoteDefinitionStart = /^ {0,3}\[\d+\]\s/;

function firstLine(text: string, limit = 80): string {
  const line = text.trim().split('\n')[0];
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

function numericOrder(a: string, b: string): number {
  const x = /^\d+$/.test(a) ? Number(a) : Number.POSITIVE_INFINITY;
  const y = /^\d+$/.test(b) ? Number(b) : Number.POSITIVE_INFINITY;
  return x - y || a.localeCompare(b);
}

/**
 * @param opening the length of what opens the marker before the label (`[^` or `[`)
 */
function labelItems(essay: Essay, line: string, position: Position, typed: string, typedStart: number, opening: number): CompletionItem[] {
  const index = essayIndex(essay);
  const range: Range = {
    start: { line: position.line, character: typedStart },
    end: { line: position.line, character: position.character },
  };
  // Close the bracket unless the writer already has one after the cursor.
  const closing = line.slice(position.character).startsWith(']') ? '' : ']';
  const startsDefinition = line.slice(0, typedStart - opening).trim() === '';
  const items: CompletionItem[] = [];

  const next = String(nextFreeNumber(essay));
  items.push({
    label: next,
    kind: CompletionItemKind.Value,
    detail: 'next free note number',
    sortText: startsDefinition ? '1' : '0',
    preselect: !startsDefinition,
    filterText: next,
    textEdit: { range, newText: next + closing },
  });

  // Labels as written, once each (GFM matches them case-insensitively, so the index is keyed in lower case).
  const labels = new Map<string, string>();
  for (const [key, notes] of index.notesByLabel) labels.set(key, notes[0].label);
  for (const [key, markers] of index.markersByLabel) if (!labels.has(key)) labels.set(key, markers[0].label);
  [...labels].sort((a, b) => numericOrder(a[1], b[1])).forEach(([key, label], i) => {
    if (label === next) return;
    const note = index.notesByLabel.get(key)?.[0];
    const lacksNote = !note;
    const item: CompletionItem = {
      label,
      kind: CompletionItemKind.Reference,
      detail: note ? firstLine(note.text) : 'marker without a note',
      sortText: `${startsDefinition && lacksNote ? '0' : '2'}${String(i).padStart(6, '0')}`,
      filterText: label,
      textEdit: { range, newText: label + closing },
    };
    if (note) item.documentation = { kind: MarkupKind.Markdown, value: note.text };
    items.push(item);
  });
  if (typed) return items.filter((item) => item.label.startsWith(typed) || item.label === next);
  return items;
}

/** A citation's text without its page locator: "Goncharov, p.135" → "Goncharov". */
function withoutLocator(citation: Citation): string {
  let text = citation.text.trim();
  if (citation.locator) {
    const at = text.lastIndexOf(citation.locator.text);
    if (at > 0) text = text.slice(0, at);
  }
  return trimEndOf(text, ',;:.').trim();
}

function leadSurname(entry: BibliographyEntry): string | null {
  return entry.authors[0]?.surname ?? entry.editors[0]?.surname ?? null;
}

/**
 * The short form the essay uses most for each entry (ties: the one written first), taken from
 * the entry's surname on: "telegram from Stalin to Mao, 1 October 1950, Mansourov, p. 114" is a
 * way of citing "Mansourov". Full references are not short forms and do not count.
 */
const shortFormsByEssay = new WeakMap<Essay, Map<string, string>>();

export function usedShortForms(essay: Essay): Map<string, string> {
  let forms = shortFormsByEssay.get(essay);
  if (!forms) {
    forms = collectShortForms(essay);
    shortFormsByEssay.set(essay, forms);
  }
  return forms;
}

function collectShortForms(essay: Essay): Map<string, string> {
  const index = essayIndex(essay);
  const counts = new Map<string, Map<string, number>>();
  for (const note of index.notesInOrder) {
    for (const citation of note.citations) {
      if (citation.kind !== 'short' || citation.entries.length !== 1) continue;
      const key = citation.entries[0];
      const entry = index.entriesByKey.get(key);
      const surname = entry ? leadSurname(entry) : null;
      if (!surname) continue;
      const written = withoutLocator(citation);
      const at = written.toLowerCase().indexOf(surname.toLowerCase());
      // The surname must start a word: "Stueck" in "Stueck (2002)", not inside another name.
      if (at < 0 || (at > 0 && /[\p{L}\p{M}]/u.test(written[at - 1]))) continue;
      const form = written.slice(at);
      // "Stueck (1986, 1995, 2002)" names several works: not a way to cite one of them.
      const years = form.match(/\b1\d{3}\b|\b20\d{2}\b/g) ?? [];
      if (years.some((year) => Number(year) !== entry!.year)) continue;
      let forms = counts.get(key);
      if (!forms) counts.set(key, (forms = new Map()));
      forms.set(form, (forms.get(form) ?? 0) + 1);
    }
  }
  const chosen = new Map<string, string>();
  for (const [key, forms] of counts) {
    let best = '';
    let bestCount = 0;
    for (const [form, count] of forms) {
      if (count > bestCount) {
        best = form;
        bestCount = count;
      }
    }
    chosen.set(key, best);
  }
  return chosen;
}

/**
 * "Surname (year)" for an entry the essay has not cited in short form yet, with the season or
 * title when the author has two works that year ("Weathersby (spring 1995)").
 */
export function fallbackShortForm(essay: Essay, entry: BibliographyEntry): string {
  const lead =
    leadSurname(entry) ??
    entry.corporateAuthor ??
    entry.title?.replace(/[*_'"‘’“”]/g, '').split(/\s+/).slice(0, 4).join(' ') ??
    entry.key;
  const date = distinguishingDate(essay, entry);
  return date ? `${lead} (${date})` : lead;
}

function entryItems(essay: Essay, line: string, position: Position): CompletionItem[] {
  const before = line.slice(0, position.character);
  const typed = /[\p{L}\p{M}'’-]*$/u.exec(before)?.[0] ?? '';
  const range: Range = {
    start: { line: position.line, character: position.character - typed.length },
    end: { line: position.line, character: position.character },
  };
  return sourceItems(essay).map((item) => ({ ...item, textEdit: { range, newText: `${item.label}, p.` } }));
}

const sourceItemsByEssay = new WeakMap<Essay, CompletionItem[]>();

/** One item per entry, without its edit range: built once per analysis, reused at every request. */
function sourceItems(essay: Essay): CompletionItem[] {
  let items = sourceItemsByEssay.get(essay);
  if (items) return items;
  const forms = usedShortForms(essay);
  items = essayIndex(essay).entriesInOrder.map((entry) => {
    const form = forms.get(entry.key) ?? fallbackShortForm(essay, entry);
    const section = sectionName(entry.section);
    return {
      label: form,
      kind: CompletionItemKind.Reference,
      detail: section ? `${section} source` : 'source',
      documentation: { kind: MarkupKind.Markdown, value: renderEntry(entry) },
      // Matching on the title too lets "Khru" find Talbott's *Khrushchev Remembers*.
      filterText: `${form} ${entry.title ?? ''}`.trim(),
      sortText: form.toLowerCase(),
    };
  });
  sourceItemsByEssay.set(essay, items);
  return items;
}

function insideNote(essay: Essay, line: string, position: Position): boolean {
  const before = line.slice(0, position.character);
  const start = footnoteDefinitionStart.exec(before) ?? (essay.form === 'endnote' ? endnoteDefinitionStart.exec(before) : null);
  if (start) return true;
  // A continuation line of a note, as of the latest analysis.
  const note = noteAt(essay, position);
  return note !== null && position.line > note.range.start.line;
}

/**
 * @param line the text of the cursor's line in the live document
 */
export function provideCompletion(essay: Essay, line: string, position: Position): CompletionItem[] {
  if (essay.skipped !== null || position.character > line.length) return [];
  const before = line.slice(0, position.character);
  const label = labelPrefix.exec(before);
  if (label) return labelItems(essay, line, position, label[1], position.character - label[1].length, 2);
  if (essay.form === 'endnote') {
    const endnote = endnotePrefix.exec(before);
    if (endnote) return labelItems(essay, line, position, endnote[1], position.character - endnote[1].length, 1);
  }
  if (insideNote(essay, line, position)) return entryItems(essay, line, position);
  return [];
}
