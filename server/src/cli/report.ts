/** What the command line prints: compiler-style text, or JSON with 1-based lines and columns. */
import type { Diagnostic, Essay } from '../model/types';
import { entryLabel } from '../model/bibliography/index';
import { withheldClaimCount } from '../model/claimsBridge';
import type { KeyUse } from '../model/pandoc/index';

/** What citeproc prints for a key's citation: the note's number, the work's position, and the text. */
export interface KeyNote {
  noteNumber: number;
  /** CSL's position of this work there: the full note, a later short one, or Ibid. */
  position: 'first' | 'subsequent' | 'ibid' | 'ibid-with-locator';
  /** The whole citation the key is in, as its note prints it, in plain text and in Markdown. */
  text: string;
  markdown: string;
  style: string;
}

/** The rendered note of each key use of an essay (absent when the CSL engine is not available). */
export type KeyNotes = Map<KeyUse, KeyNote>;

export interface FileReport {
  path: string;
  essay: Essay;
}

const one = (n: number): number => n + 1;

export function toJson(reports: FileReport[], keyNotes: Map<Essay, KeyNotes> = new Map()): unknown {
  return {
    files: reports.map(({ path, essay }) => {
      const notesOfKeys = keyNotes.get(essay);
      const citedBy = new Map<string, string[]>();
      for (const note of essay.notes) {
        for (const key of new Set(note.citations.flatMap((citation) => citation.entries))) {
          citedBy.set(key, [...(citedBy.get(key) ?? []), note.label]);
        }
      }
      return {
        path,
        notes: essay.notes.map((note) => ({
          label: note.label,
          line: one(note.range.start.line),
          column: one(note.range.start.character),
          text: note.text,
          markers: essay.markers
            .filter((marker) => marker.label === note.label)
            .map((marker) => ({ line: one(marker.range.start.line), column: one(marker.range.start.character) })),
          citations: note.citations.map((citation) => ({
            text: citation.text,
            kind: citation.kind,
            locator: citation.locator?.text ?? null,
            entries: citation.entries,
            unresolved: citation.unresolved,
          })),
        })),
        // Pandoc keys: where each is cited, the entry it resolves to, and what the note prints.
        keys: (essay.pandoc?.uses ?? []).map((use) => ({
          key: use.key,
          line: one(use.keyRange.start.line),
          column: one(use.keyRange.start.character),
          prefix: use.prefix,
          suffix: use.suffix,
          entry: use.entry ? { file: use.library, line: one(use.entry.line) } : null,
          note: notesOfKeys?.get(use) ?? null,
        })),
        bibliography: essay.bibliography.entries.map((entry) => ({
          key: entry.key,
          line: one(entry.range.start.line),
          column: one(entry.range.start.character),
          text: entry.text,
          section: entry.section,
          citedBy: citedBy.get(entry.key) ?? [],
        })),
        diagnostics: essay.diagnostics.map((diagnostic) => ({
          line: one(diagnostic.range.start.line),
          column: one(diagnostic.range.start.character),
          endLine: one(diagnostic.range.end.line),
          endColumn: one(diagnostic.range.end.character),
          severity: diagnostic.severity,
          code: diagnostic.code,
          message: diagnostic.message,
        })),
      };
    }),
  };
}

export function diagnosticLine(path: string, diagnostic: Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${path}:${one(line)}:${one(character)}  ${diagnostic.severity}  ${diagnostic.code}  ${diagnostic.message}`;
}

/** The notes as a reader resolves them: what a hover would show, one line per citation. */
export function notesTable(essay: Essay): string[] {
  const entries = new Map(essay.bibliography.entries.map((entry) => [entry.key, entry]));
  const lines: string[] = [];
  for (const note of essay.notes) {
    const marker = note.inline ? `note ${note.label.slice(1)} ^[…]` : note.form === 'footnote' ? `[^${note.label}]` : `[${note.label}]`;
    const parts = note.citations.map((citation) => {
      if (citation.kind === 'none') return null;
      const sources = citation.entries.map((key) => {
        const entry = entries.get(key);
        return entry ? `${entryLabel(entry)}${entry.title ? `, ${entry.title}` : ''}` : key;
      });
      const via = citation.ibidChain.length ? `Ibid. → note ${citation.ibidChain.join(' → note ')} → ` : '';
      const where = citation.locator ? `, ${citation.locator.text}` : '';
      if (sources.length === 0) return `✗ ${citation.unresolved ?? `${citation.text}: unresolved`}`;
      return `${via}${sources.join(' + ')}${where}`;
    });
    const shown = parts.filter((part): part is string => part !== null);
    lines.push(`  ${marker.padEnd(6)} ${shown.length ? shown.join('; ') : '(discursive note: cites nothing)'}`);
  }
  return lines;
}

export function summary(reports: FileReport[]): { text: string; errors: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const { essay } of reports) {
    for (const diagnostic of essay.diagnostics) {
      if (diagnostic.severity === 'error') errors++;
      else if (diagnostic.severity === 'warning') warnings++;
      else if (diagnostic.severity === 'information') infos++;
    }
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const notes = reports.reduce((sum, report) => sum + report.essay.notes.length, 0);
  // The claim budget's withheld findings are said, so that a writer knows more are there to see.
  const withheld = reports.reduce((sum, report) => sum + withheldClaimCount(report.essay.claims), 0);
  const more = withheld > 0 ? `; ${plural(withheld, 'more possible unsupported claim')} not shown (the claim budget: --max-claims-per-1000 0 shows all)` : '';
  return {
    text: `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'note')} of information in ${plural(reports.length, 'file')} (${plural(notes, 'footnote')} checked)${more}`,
    errors,
  };
}
