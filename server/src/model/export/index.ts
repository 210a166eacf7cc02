/**
 * Exporting an essay's typed bibliography for Zotero and Pandoc: every entry as a CSL-JSON item or
 * a BibTeX entry with a stable, readable, unique key (`keys.ts`). Pure: text in, text out.
 */
import type { Bibliography, Essay } from '../types';
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

export function exportRecords(bibliography: Bibliography): ExportRecord[] {
  const keys = exportKeys(bibliography.entries);
  return bibliography.entries.map((entry) => recordOf(entry, keys.get(entry.key)!));
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
