/**
 * Exporting an essay's typed bibliography for Zotero and Pandoc: every entry as a CSL-JSON item or
 * a BibTeX entry with a stable, readable, unique key (`keys.ts`). Pure: text in, text out.
 */
import type { Bibliography, BibliographyEntry, Essay } from '../types';
import { parseEntry } from '../bibliography/entry';
import { exportKeys } from './keys';
import { recordOf, type ExportRecord } from './record';
import { toCslJson } from './csl';
import { toBibtex } from './bibtex';

export type ExportFormat = 'csl-json' | 'bibtex';

export interface BibliographyExport {
  format: ExportFormat;
  text: string;
  records: ExportRecord[];
  /** Export key by the model's entry key. */
  keys: Map<string, string>;
}

/** The bibliography the essay's notes resolve against: its own, or the chapter's shared one. */
export function bibliographyOf(essay: Essay): Bibliography {
  return essay.bibliography.entries.length === 0 && essay.sharedBibliography ? essay.sharedBibliography.bibliography : essay.bibliography;
}

// Markdown writers escape the underscores of a repeated-author rule ("\_\_\_\_\_. *Title*"), which the
// entry reader takes for italics; the export reads such an entry as the "———." it stands for.
const escapedRule = /^\s*(?:\\_){3,}\s*[.,]?/;

/** The entries as the export writes them: a repeated-author rule gets the previous entry's people. */
export function exportableEntries(entries: readonly BibliographyEntry[]): BibliographyEntry[] {
  const result: BibliographyEntry[] = [];
  for (const entry of entries) {
    const previous = result[result.length - 1];
    if (!previous || !escapedRule.test(entry.text)) {
      result.push(entry);
      continue;
    }
    const { repeatsPreviousAuthor: _repeats, ...facts } = parseEntry(entry.text.replace(escapedRule, '———.'));
    result.push({
      ...facts,
      key: entry.key,
      text: entry.text,
      range: entry.range,
      section: entry.section,
      authors: previous.authors,
      editors: previous.editors,
      etAl: previous.etAl,
      corporateAuthor: previous.corporateAuthor,
    });
  }
  return result;
}

export function exportRecords(bibliography: Bibliography): ExportRecord[] {
  const entries = exportableEntries(bibliography.entries);
  const keys = exportKeys(entries);
  return entries.map((entry) => recordOf(entry, keys.get(entry.key)!));
}

export function exportBibliography(bibliography: Bibliography, format: ExportFormat): BibliographyExport {
  const records = exportRecords(bibliography);
  const keys = new Map(records.map((record) => [record.entryKey, record.id]));
  const text = format === 'csl-json' ? toCslJson(records) : toBibtex(records);
  return { format, text, records, keys };
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return value === 'csl-json' || value === 'bibtex';
}
