// Process hygiene for the real-VS-Code runners: every child runs in its own process group and is killed
// with that group when the run ends — normally, on failure, on Ctrl-C, or when the run's hard time limit
// passes — so that no code-server, extension host, language server or Chromium outlives a run.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const cleanups = [];
let cleaningUp;

/** Registers a clean-up step; steps run last-registered first. */
export function onCleanup(step) {
  cleanups.push(step);
}

export function cleaningUpAlready() {
  return cleaningUp !== undefined;
}

export async function cleanupAll() {
  cleaningUp ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop();
      try {
        await step();
      } catch (error) {
        process.stderr.write(`clean-up step failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })();
  return cleaningUp;
}

/**
 * Runs `main` under a hard time limit. Whatever happens, clean-up runs before the process exits; the exit
 * code is what `main` returns (0 = pass), 1 when it throws, 124 on time-out, 130 on an interrupt.
 */
export function runMain(name, limitMs, main) {
  const finish = async (code, message) => {
    if (message) process.stderr.write(`${message}\n`);
    await cleanupAll();
    process.exit(code);
  };
  const timer = setTimeout(() => {
    void finish(124, `${name}: gave up after ${Math.round(limitMs / 1000)} s (hard time limit); all started processes were stopped.`);
  }, limitMs);
  timer.unref();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => void finish(130, `${name}: interrupted by ${signal}; all started processes were stopped.`));
  }
  main().then(
    (code) => finish(code),
    (error) => finish(1, `${name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
  );
}

/** Starts a command in its own process group; it is killed (with its descendants) at clean-up. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => { done = true; });
  const kill = async () => {
    if (child.pid === undefined) return;
    killGroup(child.pid, 'SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
    if (!stopped || !done) killGroup(child.pid, 'SIGKILL');
    // The leader may be gone while members of its group linger (the extension host, the language server).
    killGroup(child.pid, 'SIGKILL');
  };
  onCleanup(kill);
  return { child, exited, kill };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
