// Installs, on first use, the tools that run the extension in real VS Code on a machine without desktop
// VS Code: Debian's Chromium (driven by playwright-core) and code-server (VS Code's workbench with a Node
// extension host, from the npm registry) in the project-local folder .tools/code-server.
// Everything comes from Debian's archive or the npm registry; a second run finds everything in place and
// returns in well under a second. Run directly (`node scripts/vscode/setup.mjs`) or imported by the runners.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, cpSync, mkdtempSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installDebianPackages } from '../debian-packages.mjs';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// code-server 4.90–4.100.x run on Node 20 (later releases need Node 22 or 24).
export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep as pinned by that release's lib/vscode/npm-shrinkwrap.json, and the ripgrep build its
// postinstall would download from GitHub (unreachable here) unless the archive already sits in its cache.
const VSCODE_RIPGREP_VERSION = '1.15.11';
const RIPGREP_PREBUILT_VERSION = 'v13.0.0-10';

export const toolsDir = join(projectRoot, '.tools');
export const codeServerPrefix = join(toolsDir, 'code-server');
const codeServerPackageDir = join(codeServerPrefix, 'node_modules', 'code-server');
export const codeServerBin = join(codeServerPackageDir, 'out', 'node', 'entry.js');
const installedStamp = join(codeServerPrefix, `installed-${CODE_SERVER_VERSION}`);
export const chromiumPath = process.env.APPARATUS_CHROMIUM ?? '/usr/bin/chromium';

/** Debian packages needed, each with the file whose presence shows it is installed. */
function missingDebianPackages({ needBuildTools }) {
  const wanted = [{ pkg: 'chromium', file: chromiumPath }];
  if (needBuildTools) {
    // code-server's `kerberos` native module includes <gssapi/gssapi.h>.
    wanted.push({ pkg: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h' });
    // Packed under the asset name @vscode/ripgrep expects, so its postinstall downloads nothing.
    wanted.push({ pkg: 'ripgrep', file: '/usr/bin/rg' });
  }
  return wanted.filter(({ file }) => !existsSync(file)).map(({ pkg }) => pkg);
}

function log(message) {
  process.stderr.write(`[vscode-setup] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command} could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function ripgrepTarget() {
  switch (arch()) {
    case 'x64': return 'x86_64-unknown-linux-musl';
    case 'arm64': return 'aarch64-unknown-linux-musl';
    default: throw new Error(`code-server set-up supports Linux x64 and arm64, not ${arch()}`);
  }
}

/** Puts Debian's rg, packed as the prebuilt archive, where @vscode/ripgrep's postinstall looks first. */
function seedRipgrepCache(tmp) {
  const cacheDir = join(tmp, `vscode-ripgrep-cache-${VSCODE_RIPGREP_VERSION}`);
  const asset = join(cacheDir, `ripgrep-${RIPGREP_PREBUILT_VERSION}-${ripgrepTarget()}.tar.gz`);
  if (existsSync(asset)) return;
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(tmp, 'rg-'));
  cpSync('/usr/bin/rg', join(staging, 'rg'));
  run('tar', ['czf', asset, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

function installedCodeServerVersion() {
  if (!existsSync(installedStamp) || !existsSync(codeServerBin)) return undefined;
  return JSON.parse(readFileSync(join(codeServerPackageDir, 'package.json'), 'utf8')).version;
}

function installCodeServer() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}.`);
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerPrefix} (about 2 minutes, ~310 MB)`);
  const started = Date.now();
  rmSync(codeServerPrefix, { recursive: true, force: true });
  mkdirSync(codeServerPrefix, { recursive: true });
  // A private temporary folder: the ripgrep cache lives there, and nothing is left in the system's /tmp.
  const tmp = join(toolsDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  seedRipgrepCache(tmp);
  writeFileSync(join(codeServerPrefix, 'package.json'), JSON.stringify({ private: true, description: 'code-server for the real-VS-Code tests' }, null, 2));
  const env = {
    ...process.env,
    TMPDIR: tmp,
    // node-pty's install runs `npx node-gyp`, which must not stop to ask.
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const install = () => run('npm', ['install', '--prefix', codeServerPrefix, '--unsafe-perm', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    env,
    cwd: codeServerPrefix,
  });
  try {
    install();
  } catch (error) {
    // Seen once on a loaded machine: a native module's build (node-gyp) lost its build folder midway.
    // A second, clean attempt is cheap next to failing the whole run.
    log(`first attempt failed (${error instanceof Error ? error.message : String(error)}); trying once more from scratch`);
    rmSync(join(codeServerPrefix, 'node_modules'), { recursive: true, force: true });
    install();
  }
  if (!existsSync(codeServerBin)) throw new Error(`code-server installed, but ${codeServerBin} is missing`);
  writeFileSync(installedStamp, new Date().toISOString() + '\n');
  log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The VS Code release the installed code-server bundles (its lib/vscode/product.json). */
export function bundledVSCodeVersion() {
  const product = JSON.parse(readFileSync(join(codeServerPackageDir, 'lib', 'vscode', 'product.json'), 'utf8'));
  return { version: product.version, commit: product.commit };
}

/** Makes sure Chromium and code-server are present; installs what is missing. */
export function ensureTools() {
  const codeServerReady = installedCodeServerVersion() === CODE_SERVER_VERSION;
  installDebianPackages(missingDebianPackages({ needBuildTools: !codeServerReady }), log);
  if (!codeServerReady) installCodeServer();
  return { codeServerBin, chromiumPath, vscode: bundledVSCodeVersion() };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const tools = ensureTools();
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: code-server ${CODE_SERVER_VERSION} ` +
      `(VS Code ${tools.vscode.version}), Chromium at ${tools.chromiumPath}`);
  } catch (error) {
    log(`set-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
