// `npm run test:neovim`: runs the Neovim 0.7–0.10 configuration of docs/neovim.md, read from the page at
// test time and unchanged, as a user's init.lua in Debian's Neovim (0.7.2 on Debian 12), headless, on a
// copy of samples/korea-1950.md. test/protocol/neovim-check.lua then presses the documented keys and checks
// what the server answers; a second Neovim, without the server on its PATH, checks the one clear message.
// The page's two 0.11 blocks are compiled by the same Neovim, so a syntax error there fails too.
//
//   node scripts/neovim/run-neovim-test.mjs [--no-build]
//
// Neovim is installed on first use like Chromium for the VS Code tests (scripts/debian-packages.mjs):
// apt-get as root, otherwise the run fails and names the package. Nothing is ever skipped.
// Exit code: 0 when every check passed, 1 otherwise, 124 when the hard time limit passed.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installDebianPackages } from '../debian-packages.mjs';
import { onCleanup, runMain, spawnGroup } from '../vscode/processes.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const docPath = join(projectRoot, 'docs', 'neovim.md');
const checkScript = join(projectRoot, 'test', 'protocol', 'neovim-check.lua');
export const nvimPath = process.env.APPARATUS_NVIM ?? '/usr/bin/nvim';
const HARD_LIMIT_MS = Number(process.env.APPARATUS_NEOVIM_TIMEOUT_MS ?? 120_000);
// One Neovim run: a few seconds when it works; a check that waits for an answer gives up well before.
const RUN_LIMIT_MS = 60_000;
// The checks each mode must report, so that a check script that stops early cannot pass.
const EXPECTED = { full: 20, 'missing-server': 5 };

const { values: options } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });

function say(message) {
  process.stdout.write(`[test:neovim] ${message}\n`);
}

/** The Lua blocks of docs/neovim.md marked `<!-- neovim-config: NAME -->`, by name. */
export function configBlocks(markdown) {
  const blocks = new Map();
  const pattern = /<!-- neovim-config: ([^>]+?) -->\n```lua\n([\s\S]*?)\n```/g;
  for (const [, name, code] of markdown.matchAll(pattern)) {
    if (blocks.has(name)) throw new Error(`docs/neovim.md marks two blocks "${name}"`);
    blocks.set(name, code + '\n');
  }
  for (const name of ['0.7-0.10 init.lua', '0.11 init.lua', '0.11 lsp/apparatus.lua']) {
    if (!blocks.has(name)) throw new Error(`docs/neovim.md has no \`<!-- neovim-config: ${name} -->\` before a \`\`\`lua block`);
  }
  return blocks;
}

function ensureNeovim() {
  if (!existsSync(nvimPath)) {
    if (process.env.APPARATUS_NVIM) throw new Error(`APPARATUS_NVIM is ${nvimPath}, which does not exist`);
    installDebianPackages(['neovim'], say);
  }
  const result = spawnSync(nvimPath, ['--version'], { encoding: 'utf8' });
  const match = /^NVIM v(\d+)\.(\d+)\.(\d+)/.exec(result.stdout ?? '');
  if (!match) throw new Error(`${nvimPath} --version printed no version: ${result.error?.message ?? result.stdout}`);
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major !== 0 || minor < 7 || minor > 10) {
    throw new Error(`this test runs the configuration for Neovim 0.7 to 0.10; ${nvimPath} is ${match[0]}. ` +
      'Point APPARATUS_NVIM at a Neovim in that range, or unset it to use Debian\'s.');
  }
  return match[0];
}

/** PATH without any folder holding an apparatus-language-server. */
function pathWithoutServer() {
  return (process.env.PATH ?? '').split(delimiter).filter((dir) => dir && !existsSync(join(dir, 'apparatus-language-server'))).join(delimiter);
}

function makeSandbox(blocks) {
  const root = mkdtempSync(join(tmpdir(), 'apparatus-neovim-'));
  onCleanup(() => rmSync(root, { recursive: true, force: true }));
  const dir = (...parts) => {
    const path = join(root, ...parts);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const env = {
    HOME: dir('home'),
    XDG_CONFIG_HOME: dir('config'),
    XDG_DATA_HOME: dir('data'),
    XDG_STATE_HOME: dir('state'),
    XDG_CACHE_HOME: dir('cache'),
  };
  // The user's init.lua: the documented block as it stands in the page.
  writeFileSync(join(dir('config', 'nvim'), 'init.lua'), blocks.get('0.7-0.10 init.lua'));
  // The server as `npm link` would put it on the PATH, running this checkout's build with this Node.
  const bin = dir('bin');
  const server = join(bin, 'apparatus-language-server');
  writeFileSync(server, `#!/bin/sh\nexec '${process.execPath}' '${join(projectRoot, 'dist', 'server.js')}' "$@"\n`);
  chmodSync(server, 0o755);
  const workspace = dir('workspace');
  cpSync(join(projectRoot, 'samples', 'korea-1950.md'), join(workspace, 'korea-1950.md'));
  cpSync(join(projectRoot, 'samples', 'korea-1950-endnotes.md'), join(workspace, 'korea-1950-endnotes.md'));
  writeFileSync(join(workspace, 'out-of-order.md'), 'Second.[^2] First.[^1]\n\n[^2]: Talbott, p.3.\n[^1]: Talbott, p.4.\n');
  const compile = dir('compile');
  writeFileSync(join(compile, '0.11-init.lua'), blocks.get('0.11 init.lua'));
  writeFileSync(join(compile, '0.11-lsp-apparatus.lua'), blocks.get('0.11 lsp/apparatus.lua'));
  return { root, env, bin, workspace, compile };
}

/** Runs Neovim headless on the check script in `mode`; returns its reported checks and output. */
async function runNeovim(sandbox, mode, path) {
  const resultFile = join(sandbox.root, `${mode}.jsonl`);
  const { child, exited, kill } = spawnGroup(nvimPath, ['--headless', '-n', '-c', `luafile ${checkScript}`], {
    cwd: sandbox.workspace,
    env: {
      ...process.env,
      ...sandbox.env,
      PATH: path,
      APPARATUS_CHECK_MODE: mode,
      APPARATUS_CHECK_RESULT: resultFile,
      APPARATUS_CHECK_COMPILE: sandbox.compile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  let timer;
  const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), RUN_LIMIT_MS); });
  const outcome = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') await kill();
  const checks = existsSync(resultFile)
    ? readFileSync(resultFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
    : [];
  return { checks, output, outcome };
}

function report(mode, { checks, output, outcome }) {
  for (const check of checks) say(`${check.ok ? 'ok  ' : 'FAIL'}  ${mode}: ${check.name}${check.detail ? ` (${check.detail})` : ''}`);
  const problems = [];
  if (outcome === 'timeout') problems.push(`Neovim did not exit within ${RUN_LIMIT_MS / 1000} s and was stopped`);
  else if (outcome.code !== 0) problems.push(`Neovim exited with ${outcome.code ?? outcome.signal}`);
  if (checks.length < EXPECTED[mode]) problems.push(`${checks.length} checks reported, ${EXPECTED[mode]} expected`);
  if (/stack traceback|E5108|Error executing/.test(output)) problems.push('Neovim printed a Lua error');
  for (const problem of problems) say(`FAIL  ${mode}: ${problem}`);
  if (problems.length > 0 || checks.some((check) => !check.ok)) {
    if (output.trim()) say(`Neovim's output (${mode}):\n${output.trimEnd()}`);
  }
  return { passed: checks.filter((check) => check.ok).length, failed: checks.filter((check) => !check.ok).length + problems.length };
}

async function main() {
  const started = Date.now();
  let version;
  try {
    version = ensureNeovim();
  } catch (error) {
    // Not a skip: without Neovim the test fails, and says what to install.
    say(`FAIL  ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  say(`${version} at ${nvimPath}`);
  if (!options['no-build']) {
    const build = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  if (!existsSync(join(projectRoot, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run npm run build');
  const sandbox = makeSandbox(configBlocks(readFileSync(docPath, 'utf8')));
  const basePath = pathWithoutServer();
  let passed = 0;
  let failed = 0;
  for (const [mode, path] of [['full', sandbox.bin + delimiter + basePath], ['missing-server', basePath]]) {
    const counts = report(mode, await runNeovim(sandbox, mode, path));
    passed += counts.passed;
    failed += counts.failed;
  }
  say(`neovim tests: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runMain('test:neovim', HARD_LIMIT_MS, main);
}
