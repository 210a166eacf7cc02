/**
 * The essays of an editor's workspace, open or not: which bibliography file each chapter shares,
 * that bibliography's analysis, and the closed chapters read from disk (kept current by the
 * server's file watching, `changedOnDisk`). The server asks it for a chapter's shared
 * bibliography before analysing the chapter, and for the chapters that share a bibliography when
 * it reports that bibliography (never cited, code lenses, references).
 *
 * Files are named by URI, as the protocol names them; `toPath`/`toUri` convert.
 */
import * as nodePath from 'node:path';
import { analyseEssay, AnalysisCache, type AnalysisOptions } from '../model/analyse';
import type { Diagnostic, Essay, SharedBibliography } from '../model/types';
import { findBibliographyFile, isBibliographyFile } from './bibliographyFinder';
import { type FileSystem, markdownFilesUnder } from './files';
import { isEssay, withSharedCitations } from './essays';

export interface WorkspaceHost {
  files: FileSystem;
  /** The workspace folders, as paths. */
  roots(): string[];
  /** The text of a document open in the editor, by URI. */
  openText(uri: string): string | undefined;
  /** The last analysis of an open document (null when there is none yet). */
  openEssay(uri: string): Essay | null;
  options(): AnalysisOptions;
  /** `apparatus.bibliography` and `apparatus.files`. */
  settings(): { bibliography: string; files: string[] };
  toPath(uri: string): string | null;
  toUri(path: string): string;
}

interface KnownBibliography {
  text: string;
  cache: AnalysisCache;
  essay: Essay;
  shared: SharedBibliography;
}

export class EssayWorkspace {
  /** The bibliography file each chapter shares (by URI; null: none), until a file changes. */
  private readonly bibliographyOfChapter = new Map<string, { named: string; file: string | null }>();
  private readonly bibliographies = new Map<string, KnownBibliography>();
  /** Closed chapters read from disk: their text and analysis. */
  private readonly onDisk = new Map<string, { text: string; essay: Essay | null; bibliography: string | null }>();
  private markdownFiles: string[] | null = null;

  constructor(private readonly host: WorkspaceHost) {}

  private root(path: string): string {
    const roots = this.host.roots().filter((root) => path.startsWith(root));
    return roots.sort((a, b) => b.length - a.length)[0] ?? path.slice(0, Math.max(0, path.lastIndexOf('/')));
  }

  private text(uri: string): string | null {
    const open = this.host.openText(uri);
    if (open !== undefined) return open;
    const path = this.host.toPath(uri);
    return path === null ? null : this.host.files.read(path);
  }

  /** The relative path of a file in its workspace folder, with `/`. */
  relativePath(uri: string): string | null {
    const path = this.host.toPath(uri);
    if (path === null) return null;
    const root = this.root(path);
    return path.slice(root.length).replace(/^[\\/]+/, '').split('\\').join('/');
  }

  /** The URI of the bibliography file a chapter shares, or null. */
  bibliographyFileOf(uri: string, text: string): string | null {
    const path = this.host.toPath(uri);
    if (path === null) return null;
    // What the chapter names is part of the answer: an edit to its front matter looks again.
    const named = /^---[\s\S]*?^bibliography:.*$/m.exec(text.slice(0, 2000))?.[0] ?? '';
    const known = this.bibliographyOfChapter.get(uri);
    if (known && known.named === named) return known.file;
    let file: string | null = null;
    if (!isBibliographyFile(path, text)) {
      const found = findBibliographyFile(path, text, this.host.files, { root: this.root(path), setting: this.host.settings().bibliography });
      file = found === null ? null : this.host.toUri(found);
    }
    this.bibliographyOfChapter.set(uri, { named, file });
    return file;
  }

  /** Whether the `apparatus.bibliography` setting names this file (see `SharedBibliography.named`). */
  private namedBySetting(uri: string): true | undefined {
    const file = this.host.toPath(uri);
    const setting = this.host.settings().bibliography;
    if (file === null || !setting) return undefined;
    return nodePath.resolve(this.root(file), setting) === nodePath.resolve(file) ? true : undefined;
  }

  /** Whether some chapter shares this file as its bibliography (it is then read as all bibliography). */
  isSharedBibliography(uri: string): boolean {
    if (this.bibliographies.has(uri)) return true;
    for (const known of this.bibliographyOfChapter.values()) if (known.file === uri) return true;
    // Opened before any of its chapters: known by its name or its text.
    const path = this.host.toPath(uri);
    const text = path === null ? null : this.text(uri);
    return path !== null && text !== null && isBibliographyFile(path, text);
  }

  /** The bibliography a chapter shares, analysed from its current text (open or on disk). */
  sharedBibliographyFor(uri: string, text: string): SharedBibliography | null {
    const file = this.bibliographyFileOf(uri, text);
    return file === null ? null : this.bibliography(file)?.shared ?? null;
  }

  private bibliography(uri: string): KnownBibliography | null {
    const text = this.text(uri);
    if (text === null) return null;
    let known = this.bibliographies.get(uri);
    if (known && known.text === text) return known;
    const cache = known?.cache ?? new AnalysisCache();
    const essay = analyseEssay(text, { ...this.host.options(), bibliographyFile: true, sharedBibliography: null }, cache);
    // The same object while the entries are the same: the chapters' resolutions stay memoised.
    const shared = known && sameEntries(known.shared, essay) && known.shared.named === this.namedBySetting(uri) ? known.shared : { origin: uri, bibliography: essay.bibliography, ...(this.namedBySetting(uri) ? { named: true } : {}) };
    known = { text, cache, essay, shared };
    this.bibliographies.set(uri, known);
    return known;
  }

  /** Every Markdown file of the workspace folders, as URIs (listed once, until a file is created or deleted). */
  allFiles(): string[] {
    this.markdownFiles ??= this.host.roots().flatMap((root) => markdownFilesUnder(root, this.host.files));
    return this.markdownFiles.map((path) => this.host.toUri(path));
  }

  /**
   * The chapters that share the bibliography file `uri`, open (their last analysis) or closed
   * (read from disk and analysed once per text), `uri` itself excluded.
   */
  chaptersSharing(uri: string, isOpen: (uri: string) => boolean): { uri: string; essay: Essay }[] {
    const out: { uri: string; essay: Essay }[] = [];
    // The bibliography's own folder too, when it is outside the workspace folders.
    const bibliographyPath = this.host.toPath(uri);
    const folder = bibliographyPath === null ? null : bibliographyPath.slice(0, Math.max(bibliographyPath.lastIndexOf('/'), bibliographyPath.lastIndexOf('\\')));
    const beside = folder === null ? [] : this.host.files.list(folder).filter((entry) => !entry.folder && /\.(?:md|markdown)$/i.test(entry.name)).map((entry) => this.host.toUri(`${folder}/${entry.name}`));
    for (const file of new Set([...this.allFiles(), ...beside, ...this.openChapters()])) {
      if (file === uri) continue;
      if (isOpen(file)) {
        const essay = this.host.openEssay(file);
        if (essay?.sharedBibliography?.origin === uri) out.push({ uri: file, essay });
        continue;
      }
      const essay = this.closedChapter(file, uri);
      if (essay) out.push({ uri: file, essay });
    }
    return out;
  }

  private openChapters(): string[] {
    return [...this.bibliographyOfChapter.keys()];
  }

  /** A closed file's analysis if it shares `bibliography`, read from disk once per change. */
  private closedChapter(uri: string, bibliography: string): Essay | null {
    let known = this.onDisk.get(uri);
    if (!known) {
      const path = this.host.toPath(uri);
      const text = path === null ? null : this.host.files.read(path);
      if (text === null) return null;
      known = { text, essay: null, bibliography: this.bibliographyFileOf(uri, text) };
      this.onDisk.set(uri, known);
    }
    if (known.bibliography !== bibliography) return null;
    const shared = this.bibliography(bibliography)?.shared ?? null;
    if (!known.essay || known.essay.sharedBibliography !== shared) {
      known.essay = analyseEssay(known.text, { ...this.host.options(), sharedBibliography: shared });
    }
    return known.essay;
  }

  /** What a file reports: nothing when it is not an essay; "never cited" judged over the chapters for a shared bibliography. */
  reported(uri: string, essay: Essay, chapters: () => { uri: string; essay: Essay }[]): Diagnostic[] {
    if (!isEssay(essay, this.relativePath(uri), this.host.settings().files)) return [];
    if (essay.bibliography.entries.length > 0 && this.isSharedBibliography(uri)) return withSharedCitations(essay, chapters().map((chapter) => chapter.essay));
    return essay.diagnostics;
  }

  /**
   * A file changed, was created or deleted on disk: what was read of it is dropped. Returns the
   * URIs of the bibliography files whose chapters' view may have changed.
   */
  changedOnDisk(uri: string, created: boolean): string[] {
    const affected = new Set<string>();
    const before = this.onDisk.get(uri)?.bibliography ?? this.bibliographyOfChapter.get(uri)?.file ?? null;
    if (before) affected.add(before);
    this.onDisk.delete(uri);
    if (this.bibliographies.has(uri)) affected.add(uri);
    if (created || this.text(uri) === null) {
      // A new or deleted file may be a bibliography, or change which one is found.
      this.markdownFiles = null;
      this.bibliographyOfChapter.clear();
      for (const known of this.onDisk.values()) known.bibliography = null;
      this.onDisk.clear();
    }
    return [...affected];
  }

  /** The settings or analysis options changed: everything is worked out again. */
  reset(): void {
    this.bibliographyOfChapter.clear();
    this.bibliographies.clear();
    this.onDisk.clear();
    this.markdownFiles = null;
  }

  /** The open chapters (by URI) that share the bibliography file `uri`. */
  chaptersOf(uri: string): string[] {
    return [...this.bibliographyOfChapter].filter(([, known]) => known.file === uri).map(([chapter]) => chapter);
  }
}

function sameEntries(shared: SharedBibliography, essay: Essay): boolean {
  const a = shared.bibliography.entries;
  const b = essay.bibliography.entries;
  return a.length === b.length && a.every((entry, i) => entry.text === b[i].text && entry.range.start.line === b[i].range.start.line && entry.range.start.character === b[i].range.start.character && entry.range.end.line === b[i].range.end.line);
}
