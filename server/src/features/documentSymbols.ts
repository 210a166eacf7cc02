/**
 * The outline: the essay's headings as a tree, with each note under the heading it sits in and
 * each bibliography entry under its section ("Primary sources") and the bibliography heading,
 * whether those are Markdown headings or plain lines like "BIBLIOGRAPHY:".
 */
import { trimEndOf, trimStartOf } from '../model/text';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { Essay, Range } from '../model/types';
import { comparePositions, essayIndex } from './locate';
import { labelSyntax, shortName } from './render';

interface Container {
  symbol: DocumentSymbol;
  depth: number;
  /** The bibliography's heading or one of its sections: notes after the bibliography leave it. */
  bibliography: boolean;
}

function oneLine(text: string, limit = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

function sameLine(a: Range, b: Range): boolean {
  return a.start.line === b.start.line;
}

function cleanTitle(text: string): string {
  return trimEndOf(trimStartOf(text, '#'), '#:.').trim() || text.trim();
}

function extend(symbol: DocumentSymbol, range: Range): void {
  if (comparePositions(range.end, symbol.range.end) > 0) symbol.range = { start: symbol.range.start, end: range.end };
}

export function provideDocumentSymbols(essay: Essay): DocumentSymbol[] {
  if (essay.skipped !== null) return [];
  const index = essayIndex(essay);
  const bibliography = essay.bibliography;

  // Headers and leaves in one list, sorted by position; headers carry a depth.
  type Item = { depth: number | null; symbol: DocumentSymbol; bibliography?: boolean; note?: boolean };
  const items: Item[] = [];
  let bibliographyDepth = 1;
  for (const heading of essay.headings) {
    const isBibliography = bibliography.heading !== null && sameLine(heading.range, bibliography.heading.range);
    if (isBibliography) bibliographyDepth = heading.depth;
    const inBibliography = isBibliography || bibliography.sections.some((section) => sameLine(heading.range, section.range));
    items.push({
      depth: heading.depth,
      bibliography: inBibliography,
      symbol: { name: cleanTitle(heading.text), kind: SymbolKind.String, range: heading.range, selectionRange: heading.range, children: [] },
    });
  }
  if (bibliography.heading && !essay.headings.some((heading) => sameLine(heading.range, bibliography.heading!.range))) {
    const range = bibliography.heading.range;
    items.push({ depth: bibliographyDepth, bibliography: true, symbol: { name: cleanTitle(bibliography.heading.text), kind: SymbolKind.String, range, selectionRange: range, children: [] } });
  }
  for (const section of bibliography.sections) {
    if (essay.headings.some((heading) => sameLine(heading.range, section.range))) continue;
    items.push({
      depth: bibliographyDepth + 1,
      bibliography: true,
      symbol: { name: cleanTitle(section.title), kind: SymbolKind.Namespace, range: section.range, selectionRange: section.range, children: [] },
    });
  }
  for (const note of index.notesInOrder) {
    items.push({
      depth: null,
      note: true,
      symbol: { name: labelSyntax(note.label, note.form), detail: oneLine(note.text), kind: SymbolKind.Field, range: note.range, selectionRange: note.labelRange },
    });
  }
  // Sources given in full in the notes are already in the outline, as their notes.
  for (const entry of bibliography.fromNotes ? [] : index.entriesInOrder) {
    items.push({
      depth: null,
      symbol: { name: shortName(essay, entry), detail: oneLine(entry.text), kind: SymbolKind.Object, range: entry.range, selectionRange: entry.range },
    });
  }
  items.sort((a, b) => comparePositions(a.symbol.range.start, b.symbol.range.start) || (a.depth === null ? 1 : 0) - (b.depth === null ? 1 : 0));

  const roots: DocumentSymbol[] = [];
  const stack: Container[] = [];
  const addTo = (symbol: DocumentSymbol): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
  };
  const bibliographyEnd = bibliography.range?.end ?? null;
  for (const item of items) {
    if (item.depth === null) {
      // Notes written after the bibliography belong to the essay, not to its last section.
      if (item.note && bibliographyEnd && comparePositions(item.symbol.range.start, bibliographyEnd) > 0) {
        while (stack.length > 0 && stack[stack.length - 1].bibliography) stack.pop();
      }
      addTo(item.symbol);
    } else {
      while (stack.length > 0 && stack[stack.length - 1].depth >= item.depth) stack.pop();
      addTo(item.symbol);
      stack.push({ symbol: item.symbol, depth: item.depth, bibliography: item.bibliography === true });
    }
    // A heading's range runs to the end of the last thing under it, so the editor's breadcrumbs
    // know which section the cursor is in.
    for (const container of stack) extend(container.symbol, item.symbol.range);
  }
  return groupLooseNotes(roots);
}

/** Runs of notes left at the top level go under one "Notes" entry rather than crowding the outline. */
function groupLooseNotes(roots: DocumentSymbol[]): DocumentSymbol[] {
  const grouped: DocumentSymbol[] = [];
  let group: DocumentSymbol | null = null;
  for (const symbol of roots) {
    if (symbol.kind !== SymbolKind.Field) {
      group = null;
      grouped.push(symbol);
      continue;
    }
    if (!group) {
      group = { name: 'Notes', kind: SymbolKind.Namespace, range: symbol.range, selectionRange: symbol.selectionRange, children: [] };
      grouped.push(group);
    }
    group.children!.push(symbol);
    extend(group, symbol.range);
  }
  return grouped;
}
