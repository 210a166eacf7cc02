// `npm run test:vscode`: runs the extension test suite (test/extension) in real VS Code — code-server's
// workbench in headless Chromium, with the extension loaded in development mode from this folder and the
// samples folder (a temporary copy) open, exactly as @vscode/test-electron does on a desktop.
//
//   node scripts/vscode/run-vscode-tests.mjs [--grep PATTERN] [--no-build] [--extension DIR]
//
// Exit code: 0 when every test passed, 1 on any failure, 124 when the hard time limit passed.
import { cpSync, existsSync, readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { ensureTools, projectRoot } from './setup.mjs';
import { makeSandbox, startCodeServer } from './code-server.mjs';
import { launchBrowser, enableSmokeTestDriver } from './browser.mjs';
import { buildExtensionTests } from './build-tests.mjs';
import { delay, runMain, seconds } from './processes.mjs';

const HARD_LIMIT_MS = Number(process.env.APPARATUS_VSCODE_TIMEOUT_MS ?? 5 * 60_000);
// From the page's load to the suite's first line: activation of the test runner inside the extension host.
const START_LIMIT_MS = 90_000;

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    extension: { type: 'string', default: projectRoot },
  },
});

function say(message) {
  process.stdout.write(`[test:vscode] ${message}\n`);
}

/** Prints what the suite's reporter appended to `path` since the last call. */
function tailer(path) {
  let offset = 0;
  return () => {
    if (!existsSync(path)) return;
    const size = statSync(path).size;
    if (size <= offset) return;
    const fd = openSync(path, 'r');
    const buffer = Buffer.alloc(size - offset);
    readSync(fd, buffer, 0, buffer.length, offset);
    closeSync(fd);
    offset = size;
    process.stdout.write(buffer.toString('utf8'));
  };
}

export function remoteUri(origin, path) {
  return `vscode-remote://${new URL(origin).host}${path}`;
}

async function main() {
  const started = Date.now();
  const tools = ensureTools();
  say(`VS Code ${tools.vscode.version} (code-server), Chromium ${tools.chromiumPath}`);
  const extensionPath = resolve(options.extension);
  if (!options['no-build']) {
    const build = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const testsIndex = await buildExtensionTests();
  if (!existsSync(join(extensionPath, 'package.json'))) throw new Error(`no extension at ${extensionPath}`);

  const sandbox = makeSandbox('apparatus-vscode-tests');
  const workspace = join(sandbox.root, 'workspace');
  cpSync(join(projectRoot, 'samples'), workspace, { recursive: true });
  const logPath = join(sandbox.logs, 'mocha.log');
  const resultsPath = join(sandbox.logs, 'results.json');
  const env = { APPARATUS_TEST_LOG: logPath, APPARATUS_TEST_RESULTS: resultsPath };
  if (options.grep) env.APPARATUS_TEST_GREP = options.grep;

  const server = await startCodeServer(sandbox, { env });
  say(`code-server ready at ${server.origin} after ${seconds(started)}`);

  const { context } = await launchBrowser();
  const page = await context.newPage();
  let resolveExit;
  const exitCode = new Promise((resolve) => { resolveExit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code) => { resolveExit(Number(code)); });
  await page.addInitScript(enableSmokeTestDriver);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (process.env.APPARATUS_VERBOSE) page.on('console', (message) => say(`console.${message.type()}: ${message.text()}`));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server.origin, extensionPath)],
    ['extensionTestsPath', remoteUri(server.origin, testsIndex)],
  ];
  const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  const printNew = tailer(logPath);
  const loaded = Date.now();
  let code;
  while (code === undefined) {
    code = await Promise.race([exitCode, delay(500).then(() => undefined)]);
    printNew();
    // index.js creates the log as its first act: without it the workbench never called the suite.
    if (code === undefined && !existsSync(logPath) && Date.now() - loaded > START_LIMIT_MS) {
      say(`the workbench did not start the extension tests within ${START_LIMIT_MS / 1000} s of loading.`);
      for (const message of pageErrors.slice(0, 10)) say(`page error: ${message}`);
      say(`code-server log: ${server.logPath}; set APPARATUS_VERBOSE=1 for the page console, APPARATUS_KEEP_SANDBOX=1 to keep logs.`);
      return 1;
    }
  }
  printNew();
  let results;
  if (existsSync(resultsPath)) results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  if (!results) {
    say(`the suite did not run (workbench exit code ${code}). code-server log: ${server.logPath}`);
    for (const message of pageErrors.slice(0, 10)) say(`page error: ${message}`);
    say('Set APPARATUS_VERBOSE=1 to see the page console, APPARATUS_KEEP_SANDBOX=1 to keep the logs.');
    return 1;
  }
  say(`finished in ${seconds(started)} against VS Code ${tools.vscode.version}`);
  // The plain closing line that CI reads.
  process.stdout.write(`extension tests: ${results.passes} passed, ${results.failures} failed` +
    (results.pending ? `, ${results.pending} skipped` : '') + '\n');
  return code === 0 && results.failures === 0 && results.passes > 0 ? 0 : 1;
}

runMain('test:vscode', HARD_LIMIT_MS, main);
