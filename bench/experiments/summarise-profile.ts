/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by function and by source file,
 * and total (inclusive) time of the functions that matter, so a profile can be read without DevTools.
 *
 * Usage: tsx bench/experiments/summarise-profile.ts PROFILE [top=25] [filter=server/src]
 */
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The checkout this script runs from: profile paths are shown relative to it. */
const REPO = resolve(__dirname, '../..') + sep;

/** A frame's file relative to the checkout; a dependency as `nm/…` wherever node_modules really lives. */
function shortUrl(url: string): string {
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const dependency = file.indexOf(`${sep}node_modules${sep}`);
  if (dependency !== -1) return `nm/${file.slice(dependency + `${sep}node_modules${sep}`.length)}`;
  return file.startsWith(REPO) ? file.slice(REPO.length) : file;
}

function main(): void {
  const [file, topArg, filterArg] = process.argv.slice(2);
  if (!file) throw new Error('Usage: summarise-profile.ts PROFILE [top] [filter]');
  const top = Number(topArg ?? 25);
  const filter = filterArg ?? 'server/src';
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

  const key = (frame: CallFrame): string => `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of selfTime) {
    const node = byId.get(id)!;
    selfByFunction.set(key(node.callFrame), (selfByFunction.get(key(node.callFrame)) ?? 0) + ms);
    const fileKey = shortUrl(node.callFrame.url) || `(${node.callFrame.functionName})`;
    selfByFile.set(fileKey, (selfByFile.get(fileKey) ?? 0) + ms);
    // Credit every distinct project function on the stack once.
    const seen = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor)!.callFrame;
      if (!frame.url.includes(filter)) continue;
      const k = key(frame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }

  const print = (title: string, map: Map<string, number>): void => {
    console.log(`\n${title}`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
    }
  };
  console.log(`total sampled ${total.toFixed(0)} ms`);
  print('self time by function', selfByFunction);
  print('self time by file', selfByFile);
  print(`total time of functions under ${filter}`, inclusive);
}

main();
