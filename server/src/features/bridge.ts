/**
 * The bridge between typed notes and Pandoc: export the essay's bibliography (the
 * `apparatus.exportBibliography` command), and convert its free-text citations to Pandoc keys (the
 * `apparatus.convertToPandocCitations` command for the whole essay, a code action per note).
 *
 * A conversion writes the exported .bib beside the essay (`korea-1950.md` → `korea-1950.bib`) and
 * names it in the front matter (`bibliography: korea-1950.bib`), so the keys resolve at once, in
 * Pandoc and in Apparatus. The model computes everything (`server/src/model/export/`); this file
 * turns it into LSP edits.
 */
import {
  CodeAction,
  CodeActionKind,
  CreateFile,
  type Range,
  TextDocumentEdit,
  TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Essay, Note } from '../model/types';
import { bibliographyOf, exportBibliography, type ExportFormat } from '../model/export/index';
import { convertToPandoc, type SkippedCitation } from '../model/export/pandocCitations';
import { comparePositions } from './edits/text';

export const BridgeCommands = {
  exportBibliography: 'apparatus.exportBibliography',
  convertToPandocCitations: 'apparatus.convertToPandocCitations',
  /** The reverse: each key in the footnotes replaced by the note Pandoc's citeproc prints (run by the workspace layer). */
  writeOutKeysAsNotes: 'apparatus.writeOutKeysAsNotes',
} as const;

export const PandocCitationsActionKind = `${CodeActionKind.RefactorRewrite}.apparatus.pandocCitations`;

export interface ExportAnswer {
  format: ExportFormat;
  text: string;
  entries: number;
  /** A file name to offer in the save dialog (`korea-1950.bib`). */
  suggestedName: string;
}

/** The file name at the end of a URI, decoded ("korea%201950.md" → "korea 1950.md"). */
function fileNameOf(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** `essay.md` → `essay.bib` (or `.json`), beside it. */
export function besideEssay(uri: string, extension: '.bib' | '.json'): { uri: string; name: string } {
  const name = fileNameOf(uri).replace(/\.[^.]*$/, '') + extension;
  const folder = uri.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  return { uri: folder + encodeURIComponent(name), name };
}

export function exportAnswer(essay: Essay, uri: string, format: ExportFormat): ExportAnswer {
  const exported = exportBibliography(bibliographyOf(essay), format);
  return { format, text: exported.text, entries: exported.records.length, suggestedName: besideEssay(uri, format === 'bibtex' ? '.bib' : '.json').name };
}

/** The names the front matter's `bibliography:` field gives, or null when it has none. */
function namedBibliographies(essay: Essay): string[] | null {
  if (!essay.frontMatter) return null;
  const lines = essay.text.split(/\r?\n|\r/).slice(essay.frontMatter.range.start.line + 1, essay.frontMatter.range.end.line);
  const at = lines.findIndex((line) => /^bibliography\s*:/.test(line));
  if (at < 0) return null;
  const inline = lines[at].replace(/^bibliography\s*:\s*/, '').trim();
  if (inline) return inline.replace(/^\[|\]$/g, '').split(',').map((name) => name.trim().replace(/^["']|["']$/g, ''));
  const names: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s+-\s*(.+)$/.exec(line);
    if (!item) break;
    names.push(item[1].trim().replace(/^["']|["']$/g, ''));
  }
  return names;
}

/** Adds `bibliography: NAME` to the front matter (making one if there is none); null when it is named already. */
export function frontMatterEdit(essay: Essay, name: string): TextEdit | null {
  const named = namedBibliographies(essay);
  if (named !== null) return null;
  const eol = /\r\n/.test(essay.text) ? '\r\n' : '\n';
  // Quoted when YAML would misread the name (a colon, a leading symbol, spaces at the ends).
  const value = /^[\w./-][\w ./-]*$/.test(name) && !/\s$/.test(name) ? name : JSON.stringify(name);
  if (!essay.frontMatter) return TextEdit.insert({ line: 0, character: 0 }, `---${eol}bibliography: ${value}${eol}---${eol}${eol}`);
  return TextEdit.insert({ line: essay.frontMatter.range.end.line, character: 0 }, `bibliography: ${value}${eol}`);
}

export interface ConversionAnswer {
  applied?: boolean;
  reason?: string;
  converted: number;
  skipped: SkippedCitation[];
  /** The .bib written beside the essay, or null when the front matter already names a bibliography. */
  bibliography: string | null;
  /** Set when the front matter names other bibliography files: the exported keys are not in them. */
  warning: string | null;
}

export interface ConversionPlan extends ConversionAnswer {
  edit: WorkspaceEdit;
  essayEdits: TextEdit[];
}

/**
 * The whole conversion as one workspace edit: the .bib created (or overwritten) beside the essay,
 * the front matter naming it, every resolved citation (of `notes` only, when given) replaced.
 * `version`: the open document's version, so the editor refuses the edit if the text moved on.
 */
export function pandocConversionPlan(essay: Essay, uri: string, options: { notes?: ReadonlySet<string>; version?: number | null; canCreateFiles: boolean }): ConversionPlan {
  const exported = exportBibliography(bibliographyOf(essay), 'bibtex');
  const conversion = convertToPandoc(essay, exported.keys, { notes: options.notes });
  const bib = besideEssay(uri, '.bib');
  const named = namedBibliographies(essay);
  const essayEdits: TextEdit[] = conversion.edits.map((edit) => TextEdit.replace(edit.range, edit.newText));
  // The first conversion sets the essay up; later ones (a note at a time) reuse the .bib it named.
  const writeBib = named === null && options.canCreateFiles && conversion.edits.length > 0;
  const nameEdit = writeBib ? frontMatterEdit(essay, bib.name) : null;
  if (nameEdit) essayEdits.unshift(nameEdit);
  const warning =
    named !== null && !named.includes(bib.name)
      ? `The front matter names ${named.join(', ')}: the keys are those of Apparatus: Export Bibliography (BibTeX); export it and add the file to \`bibliography:\`.`
      : !options.canCreateFiles && named === null
        ? `This editor cannot create files: export the bibliography (Apparatus: Export Bibliography) as ${bib.name} and add \`bibliography: ${bib.name}\` to the front matter.`
        : null;
  const changes: WorkspaceEdit['documentChanges'] = [];
  if (writeBib) {
    changes.push(CreateFile.create(bib.uri, { overwrite: true }));
    changes.push(TextDocumentEdit.create({ uri: bib.uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, exported.text)]));
  }
  const edit: WorkspaceEdit =
    changes.length > 0 || options.version !== undefined
      ? { documentChanges: [...changes, TextDocumentEdit.create({ uri, version: options.version ?? null }, essayEdits)] }
      : { changes: { [uri]: essayEdits } };
  return { edit, essayEdits, converted: conversion.converted.length, skipped: conversion.skipped, bibliography: writeBib ? bib.name : null, warning };
}

function noteAt(essay: Essay, range: Range): Note | null {
  return essay.notes.find((note) => comparePositions(range.start, note.range.start) >= 0 && comparePositions(range.start, note.range.end) <= 0) ?? null;
}

/** "Convert this note's citations to Pandoc keys", on a note with a citation that converts. */
export function pandocCitationsAction(essay: Essay, uri: string, range: Range, options: { version?: number | null; canCreateFiles: boolean }): CodeAction | null {
  if (essay.skipped || essay.form !== 'footnote') return null;
  const note = noteAt(essay, range);
  if (!note) return null;
  const plan = pandocConversionPlan(essay, uri, { notes: new Set([note.label]), ...options });
  if (plan.converted === 0) return null;
  const count = plan.converted === 1 ? 'its citation' : `its ${plan.converted} citations`;
  const also = plan.bibliography ? ` and write ${plan.bibliography}` : '';
  return { title: `Convert note ${note.label}: ${count} to Pandoc keys ([@key])${also}`, kind: PandocCitationsActionKind, edit: plan.edit };
}
