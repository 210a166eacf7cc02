// Starts code-server (VS Code's workbench and Node extension host) on 127.0.0.1 with its own home, user
// data and extensions folders, so a run neither reads nor writes the user's VS Code or code-server state.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerBin } from './setup.mjs';
import { delay, freePort, onCleanup, spawnGroup } from './processes.mjs';

/** User settings that keep the workbench quiet and predictable under test. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.accessibilitySupport': 'off',
  'window.restoreWindows': 'none',
};

/** A fresh temporary folder holding home, user data, extensions and logs; removed at clean-up unless kept. */
export function makeSandbox(prefix) {
  const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const dirs = {
    root,
    home: join(root, 'home'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    logs: join(root, 'logs'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(quietSettings, null, 2));
  onCleanup(() => {
    if (process.env.APPARATUS_KEEP_SANDBOX) process.stderr.write(`sandbox kept: ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  });
  return dirs;
}

function sandboxEnv(sandbox, extra = {}) {
  return {
    ...process.env,
    HOME: sandbox.home,
    XDG_CONFIG_HOME: join(sandbox.home, '.config'),
    XDG_DATA_HOME: join(sandbox.home, '.local', 'share'),
    XDG_CACHE_HOME: join(sandbox.home, '.cache'),
    ...extra,
  };
}

function commonArgs(sandbox) {
  return ['--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions];
}

/** Installs a packaged extension (.vsix) into the sandbox's extensions folder. */
export function installExtension(sandbox, vsixPath) {
  const result = spawnSync(process.execPath, [codeServerBin, ...commonArgs(sandbox), '--force', '--install-extension', vsixPath], {
    env: sandboxEnv(sandbox),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || /failed|error/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return output;
}

/**
 * Starts code-server and waits until it answers /healthz. `env` is added to its environment, which reaches
 * the extension host and the language server it starts.
 */
export async function startCodeServer(sandbox, { env = {}, host = '127.0.0.1', port, readyTimeoutMs = 60_000 } = {}) {
  port ??= await freePort();
  const logPath = join(sandbox.logs, 'code-server.log');
  const log = createWriteStream(logPath);
  const configPath = join(sandbox.root, 'config.yaml');
  writeFileSync(configPath, 'auth: none\n');
  const args = [
    codeServerBin,
    '--config', configPath,
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...commonArgs(sandbox),
  ];
  const server = spawnGroup(process.execPath, args, { env: sandboxEnv(sandbox, env), stdio: ['ignore', 'pipe', 'pipe'] });
  server.child.stdout.pipe(log);
  server.child.stderr.pipe(log);
  const origin = `http://${host}:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  let exited = false;
  void server.exited.then(() => { exited = true; });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited before it was ready; see ${logPath}`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return { origin, port, logPath, stop: server.kill, exited: server.exited };
    } catch {
      // Not listening yet.
    }
    await delay(250);
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${readyTimeoutMs / 1000} s; see ${logPath}`);
}
