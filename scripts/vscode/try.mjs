// `npm run try`: VS Code in the browser with the packaged extension installed and a copy of the samples
// folder open, on 127.0.0.1 — to try the extension without installing VS Code. Stops with Ctrl-C, which also
// removes the temporary folder.
//
//   node scripts/vscode/try.mjs [--port N] [--folder DIR] [--vsix FILE] [--no-package]
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_SERVER_VERSION, ensureTools, projectRoot } from './setup.mjs';
import { installExtension, makeSandbox, startCodeServer } from './code-server.mjs';
import { findVsix, packageExtension } from './vsix.mjs';
import { cleaningUpAlready, runMain } from './processes.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string' },
    vsix: { type: 'string' },
    'no-package': { type: 'boolean', default: false },
  },
});

async function main() {
  const tools = ensureTools();
  const vsix = options.vsix ?? (options['no-package'] ? findVsix() : packageExtension());
  if (!vsix) throw new Error('no .vsix found; run `npm run package` first or leave out --no-package');
  const sandbox = makeSandbox('apparatus-try');
  installExtension(sandbox, vsix);
  let folder;
  if (options.folder) folder = resolve(options.folder);
  else {
    // A copy, so that trying the edits never changes the repository's samples.
    folder = join(sandbox.root, 'samples');
    cpSync(join(projectRoot, 'samples'), folder, { recursive: true });
  }
  const server = await startCodeServer(sandbox, { port: options.port ? Number(options.port) : undefined });
  const address = `${server.origin}/?folder=${encodeURIComponent(folder)}`;
  process.stdout.write(
    `\nApparatus ${vsix.split('/').pop()} in VS Code ${tools.vscode.version} (code-server ${CODE_SERVER_VERSION}).\n` +
      `Open in a browser:\n\n  ${address}\n\n` +
      `Folder: ${folder}${options.folder ? '' : ' (a temporary copy of samples/)'}\nStop with Ctrl-C.\n`,
  );
  const { code, signal } = await server.exited;
  if (cleaningUpAlready()) return 0;
  process.stderr.write(`code-server stopped (${code ?? signal}); log: ${server.logPath}\n`);
  return 1;
}

// No time limit: it runs until stopped.
runMain('try', 2 ** 31 - 1, main);
