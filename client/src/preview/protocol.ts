/**
 * What the language server tells the preview about one document (`apparatus/previewNotes`): the
 * sources each note resolves to and the problems the editor shows for it, and the reference each
 * Pandoc key prints as. The server's `server/src/features/previewNotes.ts` returns this shape
 * (the client imports nothing from the server, so it is written twice; a unit test feeds the
 * server's answer to the plugin, which fails to compile if the two drift apart).
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
