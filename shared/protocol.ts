/**
 * The shapes the language server and the extension exchange beyond LSP, defined once: the server's
 * features return them and the client reads them. This module imports nothing, so that each side
 * may import it without reaching into the other (ARCHITECTURE.md, "shared/").
 *
 * `apparatus/previewNotes`: what the server tells the Markdown preview about one document, the
 * sources each note resolves to and the problems the editor shows for it, and the reference each
 * Pandoc key prints as (`server/src/features/previewNotes.ts` answers, `client/src/preview/` reads).
 */

export const previewNotesRequest = 'apparatus/previewNotes';

export interface PreviewNoteInfo {
  /** Each cited source, rendered for a reader ("Weathersby, “Soviet Aims in Korea”, *CWIHP* (1993), p. 74"). */
  sources: string[];
  /** The editor's problems with this note, as its diagnostics word them. */
  problems: string[];
}

export interface PreviewKeyInfo {
  /** What a note prints for the key ("Davis, *City of Quartz*"), Markdown emphasis allowed; null when unknown. */
  reference: string | null;
  /** Why the key cannot be printed (unknown key, misspelt key), as its diagnostic words it. */
  problem: string | null;
}

export interface PreviewNotes {
  /** Footnotes and endnotes by label ("12", "intro"). */
  notes: Record<string, PreviewNoteInfo>;
  /** Pandoc keys the document cites. */
  keys: Record<string, PreviewKeyInfo>;
}
