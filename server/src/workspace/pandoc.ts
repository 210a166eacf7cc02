/**
 * Running Pandoc with citeproc: the essay's Pandoc citations printed as Chicago notes. Pandoc is an
 * outside program; when it is missing the caller gets a message that says how to install it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export class PandocMissing extends Error {
  constructor() {
    super('Pandoc is not installed (or not on the PATH). Install it (Debian/Ubuntu: `sudo apt-get install pandoc`; other systems: https://pandoc.org/installing.html), version 2.11 or later, then run again.');
  }
}

export interface CiteprocRun {
  /** The essay as Markdown with every citation printed as its note text. */
  markdown: string;
  /** What Pandoc wrote on standard error (warnings such as "Citeproc: citation … not found"). */
  warnings: string[];
}

/** The Chicago notes style shipped with Apparatus: beside the bundle, or in the source tree. */
export function defaultStylePath(from: string = __dirname): string | null {
  for (const candidate of [path.join(from, 'csl'), path.join(from, '..', 'csl'), path.join(from, '..', '..', 'csl'), path.join(from, '..', '..', '..', 'csl')]) {
    const file = path.join(candidate, 'chicago-note-bibliography.csl');
    if (existsSync(file)) return file;
  }
  return null;
}

export function pandocVersion(): string | null {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split('\n')[0] ?? null;
}

/**
 * `pandoc --citeproc` over Markdown text with footnotes: Pandoc's own Markdown out, citations
 * rendered (`-citations`), the generated bibliography left out (the essay keeps its own).
 * `cwd` is where relative `bibliography:` paths in the front matter are resolved.
 */
function citeprocArguments(options: { bibliography?: string[]; csl: string }): string[] {
  const args = ['--from', 'markdown', '--to', 'markdown-citations', '--wrap=none', '--citeproc', '--csl', options.csl, '--metadata', 'suppress-bibliography=true'];
  for (const file of options.bibliography ?? []) args.push('--bibliography', file);
  return args;
}

export function runCiteproc(markdown: string, options: { bibliography?: string[]; csl: string; cwd?: string }): CiteprocRun {
  const result = spawnSync('pandoc', citeprocArguments(options), { input: markdown, encoding: 'utf8', cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new PandocMissing();
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`pandoc failed (exit ${result.status}): ${result.stderr.trim()}`);
  return { markdown: result.stdout, warnings: result.stderr.split('\n').filter((line) => line.trim() !== '') };
}

/** `runCiteproc` without blocking: the language server keeps answering while Pandoc runs. */
export function runCiteprocInBackground(markdown: string, options: { bibliography?: string[]; csl: string; cwd?: string }): Promise<CiteprocRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('pandoc', citeprocArguments(options), { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new PandocMissing() : error));
    child.on('close', (status) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (status !== 0) reject(new Error(`pandoc failed (exit ${status}): ${stderr.trim()}`));
      else resolve({ markdown: Buffer.concat(out).toString('utf8'), warnings: stderr.split('\n').filter((line) => line.trim() !== '') });
    });
    // Pandoc closing its input early (a crash) must not become an unhandled error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(markdown, 'utf8');
  });
}
