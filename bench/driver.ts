/**
 * Drives one language server over stdio the way an editor does and measures what a writer feels.
 *
 * - open → first `textDocument/publishDiagnostics` for the document;
 * - hover and go to definition on every footnote marker (evenly sampled beyond `maxMarkers`),
 *   one request at a time, each timed from send to response;
 * - keystroke → diagnostics: characters typed one at a time into a middle paragraph at a fast
 *   typist's pace (a seeded 60–100 ms apart, not waiting for the server), each keystroke timed to
 *   the first diagnostics that include it. When the server puts `version` on its diagnostics, that
 *   is the first publish whose version is at least the keystroke's (a server that skips stale
 *   versions is credited when the newer diagnostics arrive, which is what the writer sees). When it
 *   does not, it is the next publish after the keystroke, which flatters such a server when it
 *   still answers an earlier keystroke. Keystrokes still unanswered `settleTimeoutMs` after the
 *   last one are counted as censored at the time waited;
 * - hover while typing: a hover on a marker above the typing point 30 ms after each keystroke,
 *   timed like the others: what the writer gets when the server is busy with the edit;
 * - CPU time of the server process (all threads, from /proc/<pid>/stat) for the open and per
 *   keystroke, which the machine's other load hardly changes, unlike the latencies;
 * - memory: VmRSS of the server process sampled every 50 ms, and VmHWM (the kernel's peak) at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { seededRandom } from './generate';

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  /** False for a server that offers no hover or definition: those figures are reported as n/a. */
  navigation: boolean;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
  /** Samples that got no answer in time; their latency is a lower bound (the time waited). */
  censored: number;
  /** Requests answered with an empty result (null hover, no location): fast but not useful. */
  empty?: number;
}

export interface RunResult {
  server: string;
  file: string;
  bytes: number;
  markers: number;
  error: string | null;
  openMs: number | null;
  openDiagnostics: number | null;
  keystroke: (LatencySummary & { mode: 'version' | 'next-publish'; sync: 'incremental' | 'full' }) | null;
  hover: LatencySummary | null;
  definition: LatencySummary | null;
  /** Hover sent 30 ms after each keystroke, while the server works on the edit. */
  hoverWhileTyping: LatencySummary | null;
  peakMemoryMB: number | null;
  peakSampledRssMB: number | null;
  /** Diagnostics published between the first keystroke and the last (feedback during sustained typing). */
  publishesWhileTyping: number | null;
  /** CPU time the server process used (all threads) from didOpen to the first diagnostics. */
  openCpuMs: number | null;
  /** CPU time the server process used during the typing and its settling, divided by the keystrokes. */
  cpuPerKeystrokeMs: number | null;
  durationMs: number;
}

export interface DriverOptions {
  keystrokes: number;
  maxMarkers: number;
  openTimeoutMs: number;
  settleTimeoutMs: number;
  typingAt: { line: number; character: number };
  logFile?: string;
}

interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

interface Position {
  line: number;
  character: number;
}

const TYPED = 'Writers revise a sentence here one key at a time, and the checks follow. ';

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index];
}

export function summarise(samples: number[], censored = 0, empty?: number): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: samples.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : NaN,
    censored,
    ...(empty === undefined ? {} : { empty }),
  };
}

/** Every footnote marker (`[^label]` not followed by `:`) with the position of its label's first character. */
export function markerPositions(text: string): Position[] {
  const positions: Position[] = [];
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(/\[\^([^\]\s]+)\](?!:)/g)) {
    const offset = (match.index ?? 0) + 2;
    for (let i = scanned; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line += 1;
        lineStart = i + 1;
      }
    }
    scanned = offset;
    positions.push({ line, character: offset - lineStart });
  }
  return positions;
}

/** `count` items spread evenly over the list, first and last included. */
export function sampleEvenly<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  const picked: T[] = [];
  for (let i = 0; i < count; i++) picked.push(items[Math.round((i * (items.length - 1)) / (count - 1))]);
  return picked;
}

function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) throw new Error(`Line ${position.line} is past the end of the text`);
    offset = next + 1;
  }
  return offset + position.character;
}

/**
 * User + system CPU time of the process, all its threads, in ms (`/proc/<pid>/stat` fields 14 and
 * 15, in clock ticks of 10 ms). Unlike wall time, the load other programs put on the machine
 * hardly changes it.
 */
function cpuTimeMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function readStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

const now = (): number => performance.now();
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function isEmptyResult(result: unknown): boolean {
  return result === null || result === undefined || (Array.isArray(result) && result.length === 0);
}

async function timeRequests(connection: MessageConnection, method: string, uri: string, positions: Position[]): Promise<LatencySummary> {
  const samples: number[] = [];
  let empty = 0;
  for (const position of positions) {
    const started = now();
    const result: unknown = await connection.sendRequest(method, { textDocument: { uri }, position });
    samples.push(now() - started);
    if (isEmptyResult(result)) empty += 1;
  }
  return summarise(samples, 0, empty);
}

function stopServer(child: ChildProcess, connection: MessageConnection | null): Promise<void> {
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => {
      child.kill('SIGKILL');
    }, 3000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    if (child.exitCode !== null || child.signalCode !== null) {
      clearTimeout(killTimer);
      resolve();
      return;
    }
    if (connection === null) {
      child.kill('SIGTERM');
      return;
    }
    withTimeout(connection.sendRequest('shutdown'), 2000, 'shutdown')
      .then(() => connection.sendNotification('exit'))
      .catch(() => child.kill('SIGTERM'));
  });
}

/** A result with nothing measured yet (also what a run that could not start reports). */
export function emptyRun(server: string, file: string, bytes: number, markers: number): RunResult {
  return {
    server,
    file,
    bytes,
    markers,
    error: null,
    openMs: null,
    openDiagnostics: null,
    keystroke: null,
    hover: null,
    definition: null,
    hoverWhileTyping: null,
    peakMemoryMB: null,
    peakSampledRssMB: null,
    publishesWhileTyping: null,
    openCpuMs: null,
    cpuPerKeystrokeMs: null,
    durationMs: 0,
  };
}

export async function measureServer(spec: ServerSpec, file: string, options: DriverOptions): Promise<RunResult> {
  const started = now();
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const result: RunResult = emptyRun(spec.name, file, Buffer.byteLength(text), 0);


  const child = spawn(spec.command, spec.args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: dirname(file),
    env: { ...process.env, ...spec.env },
  });
  if (options.logFile) child.stderr?.pipe(createWriteStream(options.logFile));
  else child.stderr?.resume();
  const pid = child.pid;
  if (pid === undefined || child.stdout === null || child.stdin === null) {
    result.error = `could not start ${spec.command}`;
    return result;
  }
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `server exited (${signal ?? `code ${code}`})`;
  });

  let peakRssKiB = 0;
  const sampler = setInterval(() => {
    const rss = readStatusKiB(pid, 'VmRSS');
    if (rss !== null) peakRssKiB = Math.max(peakRssKiB, rss);
  }, 50);

  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: { at: number; params: PublishedDiagnostics }[] = [];
  const waiters: (() => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
    if (params.uri !== uri) return;
    published.push({ at: now(), params });
    for (const wake of waiters.splice(0)) wake();
  });
  connection.onNotification(() => undefined);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest(() => null);
  connection.listen();

  /** Resolves when a publish arrives (or after `ms`). */
  const nextPublish = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  try {
    const root = pathToFileURL(dirname(file)).href;
    const initialized = (await withTimeout(
      connection.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'apparatus-bench', version: '1' },
        rootUri: root,
        workspaceFolders: [{ uri: root, name: 'bench' }],
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            definition: { linkSupport: true },
            publishDiagnostics: { versionSupport: true, relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
          },
          window: { workDoneProgress: false },
        },
      }),
      30_000,
      'initialize',
    )) as { capabilities: { textDocumentSync?: number | { change?: number } } };
    const syncCapability = initialized.capabilities.textDocumentSync;
    const syncKind = typeof syncCapability === 'number' ? syncCapability : (syncCapability?.change ?? 1);
    await connection.sendNotification('initialized', {});

    // Open → first diagnostics.
    let version = 1;
    const cpuBeforeOpen = cpuTimeMs(pid);
    const openedAt = now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    while (published.length === 0 && now() - openedAt < options.openTimeoutMs && exited === null) await nextPublish(100);
    if (published.length === 0) throw new Error(exited ?? `no diagnostics within ${options.openTimeoutMs} ms of opening`);
    result.openMs = published[0].at - openedAt;
    const cpuAfterOpen = cpuTimeMs(pid);
    if (cpuBeforeOpen !== null && cpuAfterOpen !== null) result.openCpuMs = cpuAfterOpen - cpuBeforeOpen;
    result.openDiagnostics = published[0].params.diagnostics.length;
    // Let any follow-up publish for the open land before timing requests.
    while (now() - published[published.length - 1].at < 300) await nextPublish(300);

    // Hover and definition on every marker (evenly sampled beyond the cap).
    const markers = markerPositions(text);
    result.markers = markers.length;
    if (spec.navigation) {
      const sampled = sampleEvenly(markers, options.maxMarkers);
      result.hover = await timeRequests(connection, 'textDocument/hover', uri, sampled);
      result.definition = await timeRequests(connection, 'textDocument/definition', uri, sampled);
    }

    // Keystrokes at a fast typist's pace.
    const random = seededRandom(60100);
    let current = text;
    let at = offsetAt(current, options.typingAt);
    const position = { ...options.typingAt };
    const sentAt = new Map<number, number>();
    const publishedBefore = published.length;
    const cpuBeforeTyping = cpuTimeMs(pid);
    // A marker above the typing point, which typing does not move, hovered while the edit is worked on.
    const hoverAt = [...markers].reverse().find((marker) => marker.line < options.typingAt.line) ?? markers[0];
    const typingHovers: Promise<number>[] = [];
    for (let key = 0; key < options.keystrokes && exited === null; key++) {
      const char = TYPED[key % TYPED.length];
      version += 1;
      current = current.slice(0, at) + char + current.slice(at);
      const change =
        syncKind === 2
          ? { range: { start: { ...position }, end: { ...position } }, text: char }
          : { text: current };
      sentAt.set(version, now());
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      at += 1;
      position.character += 1;
      const pause = 60 + random() * 40;
      if (spec.navigation && hoverAt) {
        await sleep(30);
        const hoverSent = now();
        typingHovers.push(
          (connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt }) as Promise<unknown>).then(
            () => now() - hoverSent,
            () => now() - hoverSent,
          ),
        );
        await sleep(pause - 30);
      } else await sleep(pause);
    }
    const lastVersion = version;
    const lastSent = now();
    result.publishesWhileTyping = published.length - publishedBefore;
    const reportsVersions = (): boolean => published.slice(publishedBefore).some((p) => typeof p.params.version === 'number');
    const answered = (): boolean =>
      published.slice(publishedBefore).some((p) => (p.params.version ?? -1) >= lastVersion) ||
      (!reportsVersions() && published.slice(publishedBefore).some((p) => p.at > lastSent));
    while (!answered() && now() - lastSent < options.settleTimeoutMs && exited === null) await nextPublish(100);
    const waitedUntil = now();
    const cpuAfterTyping = cpuTimeMs(pid);
    if (cpuBeforeTyping !== null && cpuAfterTyping !== null) result.cpuPerKeystrokeMs = (cpuAfterTyping - cpuBeforeTyping) / Math.max(1, sentAt.size);

    const samples: number[] = [];
    let censored = 0;
    const after = published.slice(publishedBefore);
    const byVersion = reportsVersions();
    for (const [keyVersion, sent] of sentAt) {
      const hit = byVersion
        ? after.find((p) => typeof p.params.version === 'number' && p.params.version >= keyVersion)
        : after.find((p) => p.at > sent);
      if (hit) samples.push(hit.at - sent);
      else {
        censored += 1;
        samples.push(waitedUntil - sent);
      }
    }
    if (typingHovers.length > 0) result.hoverWhileTyping = summarise(await Promise.all(typingHovers));
    result.keystroke = {
      ...summarise(samples, censored),
      mode: byVersion ? 'version' : 'next-publish',
      sync: syncKind === 2 ? 'incremental' : 'full',
    };
    if (exited !== null) result.error = exited;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    clearInterval(sampler);
    const hwm = readStatusKiB(pid, 'VmHWM');
    const rss = readStatusKiB(pid, 'VmRSS');
    if (rss !== null) peakRssKiB = Math.max(peakRssKiB, rss);
    result.peakMemoryMB = hwm === null ? null : hwm / 1024;
    result.peakSampledRssMB = peakRssKiB === 0 ? null : peakRssKiB / 1024;
    await stopServer(child, exited === null ? connection : null);
    connection.dispose();
    result.durationMs = now() - started;
  }
  return result;
}
