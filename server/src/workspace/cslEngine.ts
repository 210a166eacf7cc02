/**
 * The CSL engine (citeproc-js) that renders Pandoc citations as their notes will print them.
 *
 * Built lazily and never on the analysis path: nothing here runs until the first hover on a key,
 * which waits for the build (a few hundred milliseconds for Chicago); later hovers reuse the
 * engine. One engine per style file and version, so an edited style is compiled again. The
 * works an essay cites are registered with the engine only when they change (a new key, a
 * rewritten .bib), and each hover renders one citation with the position `noteOrder` computed
 * (first, subsequent, Ibid.), in a few milliseconds.
 *
 * `citeproc` is loaded with a dynamic import, so a server that never renders a note never
 * evaluates it. Its warnings go to the log, never to standard output (the protocol's channel).
 */
import type { Essay } from '../model/types';
import type { LibraryEntry } from '../model/pandoc/library';
import { formatPageRanges, toCslItem, type CslItem } from '../model/pandoc/cslData';
import { noteOrder, type CitationCluster } from '../model/pandoc/noteOrder';
import { asPrintedInNote, htmlToMarkdown, htmlToText, type CitationRenderer, type RenderedCitation } from '../model/pandoc/cslOutput';
import { bundledStyleFolder, defaultStyleFile, localeFile, locateStyle, readStyle, styleFailed, type StyleFile } from './cslStyles';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of citeproc-js's API used here. */
interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeCitationCluster(items: Record<string, unknown>[]): string;
  makeBibliography(): false | [{ entry_ids: string[][] }, string[]];
  setOutputFormat(format: string): void;
}
interface Citeproc {
  Engine: new (sys: { retrieveLocale(lang: string): string | false; retrieveItem(id: string): CslItem | undefined }, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
  debug: (message: string) => void;
}

let citeprocModule: Promise<Citeproc> | null = null;

async function loadCiteproc(log: (message: string) => void): Promise<Citeproc> {
  citeprocModule ??= import('citeproc').then((loaded: { default?: unknown }) => {
    const csl = (loaded.default ?? loaded) as Citeproc;
    // Its default prints warnings on standard output, which is the protocol's channel under --stdio.
    csl.debug = (message: string) => log(`citeproc: ${message}`);
    return csl;
  });
  return citeprocModule;
}

/** One compiled style with the works of the essay last rendered registered in it. */
export class StyleEngine {
  private entries = new Map<string, LibraryEntry>();
  private bibliography: Map<string, string> | null = null;
  /** Whether the style was seen to print a citation (once per engine: a style does not change). */
  checked = false;

  constructor(
    private readonly engine: CiteprocEngine,
    /** The style's title ("Chicago Manual of Style 17th edition (full note)"). */
    readonly title: string,
    /** The items the engine retrieves by id: filled by `sync`. */
    private readonly items: Map<string, CslItem>,
    /** The style's `page-range-format`, applied to page locators here (citeproc-js applies it to the entry's pages only). */
    private readonly pageRangeFormat: string | null = null,
  ) {}

  /** Registers the works the essay cites, when they are not those already registered. */
  sync(essay: Essay): void {
    const cited = new Map<string, LibraryEntry>();
    for (const use of essay.pandoc?.uses ?? []) if (use.entry && !cited.has(use.key)) cited.set(use.key, use.entry);
    let same = cited.size === this.entries.size;
    if (same) for (const [key, entry] of cited) if (this.entries.get(key) !== entry) same = false;
    if (same) return;
    this.items.clear();
    for (const [key, entry] of cited) this.items.set(key, toCslItem(entry));
    this.entries = cited;
    this.bibliography = null;
    try {
      this.engine.updateItems([...this.items.keys()]);
    } catch {
      // One item the engine cannot take: find it, leave it out (its key shows the plain entry).
      const accepted: string[] = [];
      for (const key of this.items.keys()) {
        try {
          this.engine.updateItems([...accepted, key]);
          accepted.push(key);
        } catch {
          this.items.delete(key);
        }
      }
      this.engine.updateItems(accepted);
    }
  }

  /** The cluster as the style renders it (HTML), or null when none of its keys has an entry. */
  renderCluster(cluster: CitationCluster): string | null {
    const items = cluster.items
      .filter((item) => this.items.has(item.key))
      .map((item) => ({
        id: item.key,
        position: item.position,
        'first-reference-note-number': item.firstNote,
        'near-note': item.nearNote,
        ...(item.locator ? { locator: (item.label ?? 'page') === 'page' ? formatPageRanges(item.locator, this.pageRangeFormat) : item.locator, label: item.label ?? 'page' } : {}),
        ...(item.prefix ? { prefix: `${item.prefix} ` } : {}),
        ...(item.suffix.trim() ? { suffix: item.suffix.startsWith(' ') || item.suffix.startsWith(',') ? item.suffix : ` ${item.suffix}` } : {}),
        ...(item.mode === 'suppress-author' ? { 'suppress-author': true } : {}),
      }));
    if (items.length === 0) return null;
    try {
      return this.engine.makeCitationCluster(items);
    } catch {
      return null; // the hover shows the entry in plain form instead
    }
  }

  /** The bibliography entry of a registered work (HTML), made once per set of works. */
  bibliographyEntry(key: string): string | null {
    if (!this.bibliography) {
      this.bibliography = new Map();
      try {
        const made = this.engine.makeBibliography();
        if (made) made[0].entry_ids.forEach((ids, i) => this.bibliography!.set(ids[0], made[1][i]));
      } catch {
        // a style without a bibliography, or an item it cannot print: no entry below the note
      }
    }
    return this.bibliography.get(key) ?? null;
  }
}

export interface EngineOptions {
  /** The folder of the shipped styles and locale (default: `csl/` beside the bundle). */
  bundled?: string;
  log?: (message: string) => void;
}

export interface StyleRequest {
  /** The essay's path (its `csl:` is relative to it), or null for an unsaved document. */
  documentPath: string | null;
  roots: string[] | null;
  allowOutside: boolean;
}

/** The engines of a server (or a CLI run): one per style file and version, built on first use. */
export class CslEngines {
  private readonly engines = new Map<string, Promise<StyleEngine>>();
  private bundledFolder: string | undefined;
  private readonly log: (message: string) => void;
  private locale: string | null = null;

  constructor(options: EngineOptions = {}) {
    this.bundledFolder = options.bundled;
    this.log = options.log ?? (() => undefined);
  }

  /** The shipped styles' folder, looked for on first use (not when the server starts). */
  private get bundled(): string {
    this.bundledFolder ??= bundledStyleFolder();
    return this.bundledFolder;
  }

  /** The style file an essay renders with, and why it is not the one it names (null when it is). */
  styleFor(essay: Essay, request: StyleRequest): { file: StyleFile; fallback: string | null } {
    const name = essay.pandoc?.style?.name ?? null;
    let fallback: string | null = null;
    if (name) {
      const located = locateStyle(name, request.documentPath, request.roots, request.allowOutside, this.bundled);
      if (located.path) {
        const { file, problem } = readStyle(located.path);
        if (file) return { file, fallback: null };
        fallback = `The style "${name}" ${problem}.`;
      } else fallback = `The style "${name}" ${located.problem}.`;
    }
    const { file, problem } = readStyle(join(this.bundled, defaultStyleFile));
    if (!file) throw new Error(`The shipped Chicago style ${problem} (${join(this.bundled, defaultStyleFile)}): the installation is incomplete.`);
    return { file, fallback };
  }

  /** The engine of a style, compiled on first use (the caller waits once); a style that fails falls back to Chicago. */
  async engineFor(file: StyleFile): Promise<StyleEngine> {
    const id = `${file.path}\u0000${file.version}`;
    let engine = this.engines.get(id);
    if (!engine) {
      engine = this.build(file);
      this.engines.set(id, engine);
      // A failed build is not kept: the style is reported, and the next hover uses Chicago.
      engine.catch(() => this.engines.delete(id));
    }
    return engine;
  }

  private async build(file: StyleFile): Promise<StyleEngine> {
    const citeproc = await loadCiteproc(this.log);
    this.locale ??= readFileSync(join(this.bundled, localeFile), 'utf8');
    const locale = this.locale;
    const items = new Map<string, CslItem>();
    const started = performance.now();
    try {
      const engine = new citeproc.Engine(
        {
          // Only en-US ships; citeproc falls back to it for a style in another language.
          retrieveLocale: (lang: string) => (lang === 'en-US' ? locale : false),
          retrieveItem: (id: string) => items.get(id),
        },
        file.xml,
        'en-US',
      );
      engine.setOutputFormat('html');
      const title = /<title>([^<]*)<\/title>/.exec(file.xml)?.[1] ?? file.path;
      this.log(`CSL style "${title}" compiled in ${(performance.now() - started).toFixed(0)} ms.`);
      const pageRangeFormat = /<style\b[^>]*\bpage-range-format="([^"]+)"/.exec(file.xml)?.[1] ?? null;
      return new StyleEngine(engine, title, items, pageRangeFormat);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      styleFailed(file.path, file.version, message);
      this.log(`CSL style ${file.path} could not be compiled: ${message}`);
      throw new Error(message);
    }
  }

  /**
   * A renderer for the essay's citations: builds (or reuses) the engine of its style, registers
   * the works it cites, and renders any citation at its place in note order.
   */
  async rendererFor(essay: Essay, request: StyleRequest): Promise<CitationRenderer> {
    const { file, fallback } = this.styleFor(essay, request);
    const name = essay.pandoc?.style?.name ?? file.path;
    let failure: string | null = null;
    try {
      const engine = await this.engineFor(file);
      engine.sync(essay);
      // A style can compile and still print nothing usable (a macro it names is missing): tried once.
      const probe = engine.checked ? undefined : noteOrder(essay).clusters.find((cluster) => cluster.items.some((item) => item.use.entry));
      const printed = probe ? engine.renderCluster(probe) : null;
      if (probe && printed !== null && !printed.includes('[CSL STYLE ERROR')) engine.checked = true;
      if (!printed?.includes('[CSL STYLE ERROR')) return (cluster) => renderWith(engine, cluster, fallback);
      failure = /\[CSL STYLE ERROR: ([^\]]*)\]/.exec(printed)?.[1] ?? 'it prints a style error';
      styleFailed(file.path, file.version, failure);
    } catch (error) {
      failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    if (file.path === join(this.bundled, defaultStyleFile)) throw new Error(`The shipped Chicago style cannot be used (${failure}).`);
    const chicago = this.styleFor({ ...essay, pandoc: essay.pandoc ? { ...essay.pandoc, style: null } : essay.pandoc }, request).file;
    const engine = await this.engineFor(chicago);
    engine.sync(essay);
    return (cluster) => renderWith(engine, cluster, `The style "${name}" cannot be compiled (${failure}).`);
  }
}

function renderWith(engine: StyleEngine, cluster: CitationCluster, fallback: string | null): RenderedCitation | null {
  const html = engine.renderCluster(cluster);
  if (html === null) return null;
  const printed = asPrintedInNote(cluster, html);
  const bibliography = new Map<string, string>();
  for (const item of cluster.items) {
    const entry = engine.bibliographyEntry(item.key);
    if (entry) bibliography.set(item.key, htmlToMarkdown(entry));
  }
  return { noteNumber: cluster.noteNumber, markdown: htmlToMarkdown(printed), text: htmlToText(printed), bibliography, style: engine.title, fallback };
}

/** Renders every citation of an essay in note order (for the CLI, tests and the benchmark). */
export async function renderEssayNotes(engines: CslEngines, essay: Essay, request: StyleRequest): Promise<{ cluster: CitationCluster; rendered: RenderedCitation | null }[]> {
  const render = await engines.rendererFor(essay, request);
  return noteOrder(essay).clusters.map((cluster) => ({ cluster, rendered: render(cluster) }));
}
