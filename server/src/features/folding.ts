/**
 * Folding: each note that runs over several lines, each run of notes (the notes block), the
 * bibliography, and each of its sections.
 */
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { Essay, Range } from '../model/types';
import { essayIndex, lineText } from './locate';

/** The last line a range really covers (a range ending at character 0 stops on the line before). */
function lastLine(range: Range): number {
  return range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
}

function region(startLine: number, endLine: number): FoldingRange | null {
  return endLine > startLine ? { startLine, endLine, kind: FoldingRangeKind.Region } : null;
}

function onlyBlankLinesBetween(essay: Essay, afterLine: number, beforeLine: number): boolean {
  for (let line = afterLine + 1; line < beforeLine; line++) {
    if (lineText(essay, line).trim() !== '') return false;
  }
  return true;
}

export function provideFoldingRanges(essay: Essay): FoldingRange[] {
  if (essay.skipped !== null) return [];
  const ranges: (FoldingRange | null)[] = [];
  const notes = essayIndex(essay).notesInOrder;

  for (const note of notes) ranges.push(region(note.range.start.line, lastLine(note.range)));

  // Notes separated by nothing but blank lines form one block.
  let blockStart = -1;
  let blockEnd = -1;
  for (const note of notes) {
    const start = note.range.start.line;
    if (blockStart >= 0 && onlyBlankLinesBetween(essay, blockEnd, start)) {
      blockEnd = Math.max(blockEnd, lastLine(note.range));
      continue;
    }
    if (blockStart >= 0) ranges.push(region(blockStart, blockEnd));
    blockStart = start;
    blockEnd = lastLine(note.range);
  }
  if (blockStart >= 0) ranges.push(region(blockStart, blockEnd));

  const bibliography = essay.bibliography;
  if (bibliography.range) {
    const end = lastLine(bibliography.range);
    ranges.push(region(bibliography.range.start.line, end));
    const sections = [...bibliography.sections].sort((a, b) => a.range.start.line - b.range.start.line);
    sections.forEach((section, i) => {
      const next = sections[i + 1];
      // A section runs to its last entry before the next section starts.
      const inside = bibliography.entries.filter(
        (entry) => entry.range.start.line > section.range.start.line && (!next || entry.range.start.line < next.range.start.line),
      );
      const sectionEnd = inside.reduce((last, entry) => Math.max(last, lastLine(entry.range)), lastLine(section.range));
      ranges.push(region(section.range.start.line, sectionEnd));
    });
  }
  // A block and its first note start on one line and editors keep one range per start line: put
  // the outer one first so the block is the one that folds.
  const seen = new Set<string>();
  return ranges
    .filter((range): range is FoldingRange => {
      if (!range) return false;
      const key = `${range.startLine}:${range.endLine}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
