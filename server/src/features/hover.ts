/**
 * Hover: on a marker or a note, the note's text and the sources it resolves to; on an Ibid. (or
 * any citation) inside a note, where that citation leads; on a bibliography entry, the notes that
 * cite it.
 */
import { trimEndOf } from '../model/text';
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver';
import type { BibliographyEntry, Citation, Essay, Note, Range } from '../model/types';
import { noteFor, notesFor, targetAt } from './locate';
import { provideKeyHover } from './pandocKeys';
import { whyOmitted } from '../model/citations/omitted';
import type { CitationRenderer } from '../model/pandoc/cslOutput';
import {
  citingNotes,
  describeCitation,
  labelSyntax,
  renderEntry,
  sectionName,
  shortName,
  type SourceDescription,
} from './render';

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function sourceLine(source: SourceDescription): string {
  let line = source.rendered;
  if (source.locator) line += ` — **${source.locator}**`;
  if (source.section) line += ` · ${source.section}`;
  return line;
}

/**
 * What the note says it takes from the source, before naming it: "Khrushchev in" (a person
 * quoted in the source) reads "quoting Khrushchev"; a document ("telegram from Stalin to Mao,
 * 1 October 1950,") is shown as written.
 */
function mediationText(phrase: string): string {
  const trimmed = trimEndOf(phrase.trim(), ',;:');
  const quoted = /^(.*\S)\s+in$/.exec(trimmed);
  return quoted ? `quoting ${quoted[1]}` : trimmed;
}

/** The lines describing one citation: its sources, its Ibid. chain, or why it did not resolve. */
function citationLines(essay: Essay, citation: Citation): string[] {
  const described = describeCitation(essay, citation);
  const lines: string[] = [];
  const through = described.mediatedBy ? ` (${mediationText(described.mediatedBy)})` : '';
  if (described.chain) lines.push(`- ${described.chain}`);
  if (described.sources.length > 0) {
    // Under an Ibid. chain the sources are indented: they are where the chain ends.
    const indent = described.chain ? '  ' : '';
    for (const source of described.sources) lines.push(`${indent}- ${sourceLine(source)}${through}`);
  }
  if (citation.nearMatch) {
    const indent = described.chain ? '    ' : '  ';
    lines.push(`${indent}- *Written “${citation.nearMatch.written}” here; the bibliography has “${citation.nearMatch.expected}”.*`);
  }
  // A work the bibliography rightly leaves out (an ancient text, a papyrus, an unlisted newspaper) gets
  // no warning: the hover says what it is rather than asking for an entry.
  const omitted = described.unresolved && citation.candidates.length === 0 ? whyOmitted(citation.text, essay.sharedBibliography?.bibliography ?? essay.bibliography) : null;
  if (omitted) {
    const indent = described.chain ? '  ' : '';
    lines.push(`${indent}- “${citation.text.trim()}”: ${omitted}, which a bibliography need not list.`);
  } else if (described.unresolved) {
    const indent = described.chain ? '  ' : '';
    lines.push(`${indent}- “${citation.text.trim()}”: ${described.unresolved}`);
  } else if (described.sources.length === 0 && !described.chain) {
    lines.push(`- “${citation.text.trim()}”: not found in the bibliography`);
  }
  return lines;
}

function citedCitations(note: Note): Citation[] {
  return note.citations.filter((citation) => citation.kind !== 'none');
}

function noteMarkdown(essay: Essay, note: Note): string {
  const parts = [`**${labelSyntax(note.label, note.form)}** ${note.text.trim()}`];
  const citations = citedCitations(note);
  if (citations.length === 0) {
    parts.push(note.discursive ? '*A discursive note: it cites no source.*' : '*No citation found in this note.*');
  } else {
    parts.push(citations.flatMap((citation) => citationLines(essay, citation)).join('\n'));
  }
  return parts.join('\n\n---\n\n');
}

function citationMarkdown(essay: Essay, note: Note, citation: Citation): string {
  const heading = `**${labelSyntax(note.label, note.form)}** “${citation.text.trim()}”`;
  return [heading, citationLines(essay, citation).join('\n')].join('\n\n');
}

function entryMarkdown(essay: Essay, entry: BibliographyEntry): string {
  const section = sectionName(entry.section);
  const heading = `**${shortName(essay, entry)}**${section ? ` · ${section}` : ''}`;
  const citing = citingNotes(essay, entry.key);
  let cited: string;
  if (citing.length === 0) {
    cited = '*Not cited in any note.*';
  } else {
    const form = essay.form ?? 'footnote';
    const lines = citing.map(
      (note) => `- ${labelSyntax(note.label, form)}${note.locators.length > 0 ? ` ${note.locators.join(', ')}` : ''}`,
    );
    cited = `Cited in ${citing.length} note${citing.length === 1 ? '' : 's'}:\n\n${lines.join('\n')}`;
  }
  return [heading, renderEntry(entry), cited].join('\n\n');
}

export function provideHover(essay: Essay, position: Position, renderCitation?: CitationRenderer): Hover | null {
  // A Pandoc key (`[@key, p. 33]`), in the text or inside a note: its note as the CSL style prints it.
  const key = provideKeyHover(essay, position, renderCitation);
  if (key) return key;
  const target = targetAt(essay, position);
  if (!target) return null;
  switch (target.kind) {
    case 'marker': {
      const note = noteFor(essay, target.label);
      if (!note) {
        return markdown(
          `**${labelSyntax(target.label, target.marker.form)}** has no note: nothing defines this label.`,
          target.marker.range,
        );
      }
      const definitions = notesFor(essay, target.label).length;
      const repeated = definitions > 1 ? `\n\n---\n\n*Note ${target.label} is defined ${definitions} times; the first definition is shown.*` : '';
      return markdown(noteMarkdown(essay, note) + repeated, target.marker.range);
    }
    case 'note':
      if (target.citation && target.citation.kind !== 'none') {
        return markdown(citationMarkdown(essay, target.note, target.citation), target.citation.range);
      }
      return markdown(noteMarkdown(essay, target.note), target.note.labelRange);
    case 'entry':
      return markdown(entryMarkdown(essay, target.entry), target.entry.range);
  }
}
