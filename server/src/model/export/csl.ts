/** Exported records as CSL-JSON, the format Zotero, Pandoc and citeproc read natively. */
import type { ExportName, ExportRecord } from './record';

export interface CslItem {
  id: string;
  type: string;
  author?: ExportName[];
  editor?: ExportName[];
  issued?: { 'date-parts': number[][] };
  title?: string;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  'publisher-place'?: string;
  genre?: string;
  URL?: string;
  DOI?: string;
}

export function toCslItem(record: ExportRecord): CslItem {
  const item: CslItem = { id: record.id, type: record.type };
  if (record.author.length > 0) item.author = record.author;
  if (record.editor.length > 0) item.editor = record.editor;
  if (record.issued) item.issued = { 'date-parts': [record.issued] };
  if (record.title) item.title = record.title;
  if (record.containerTitle) item['container-title'] = record.containerTitle;
  if (record.volume) item.volume = record.volume;
  if (record.issue) item.issue = record.issue;
  if (record.page) item.page = record.page;
  if (record.publisher) item.publisher = record.publisher;
  if (record.publisherPlace) item['publisher-place'] = record.publisherPlace;
  if (record.genre) item.genre = record.genre;
  if (record.url) item.URL = record.url;
  if (record.doi) item.DOI = record.doi;
  return item;
}

/** A CSL-JSON array, two-space indented, one item per work in bibliography order. */
export function toCslJson(records: readonly ExportRecord[]): string {
  return `${JSON.stringify(records.map(toCslItem), null, 2)}\n`;
}
