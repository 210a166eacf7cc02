// `npm run test:electron`: the same extension test suite (test/extension) in desktop VS Code, downloaded and
// started by @vscode/test-electron — for a developer's machine that can reach VS Code's update server.
// Where that download is impossible (a closed network, as in CI here) it says so and exits with 2 without
// pretending anything ran; `npm run test:vscode` runs the same suite in code-server instead.
//
//   node scripts/vscode/run-electron-tests.mjs [--vscode-version stable|1.100.3] [--grep PATTERN]
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { projectRoot } from './setup.mjs';
import { buildExtensionTests } from './build-tests.mjs';
import { onCleanup, runMain } from './processes.mjs';

const { values: options } = parseArgs({
  options: {
    'vscode-version': { type: 'string', default: process.env.APPARATUS_VSCODE_VERSION ?? 'stable' },
    grep: { type: 'string' },
  },
});

async function main() {
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: options['vscode-version'], cachePath: join(projectRoot, '.vscode-test') });
  } catch (error) {
    process.stderr.write(
      `[test:electron] could not download VS Code ${options['vscode-version']} ` +
        `(${error instanceof Error ? error.message : String(error)}).\n` +
        '[test:electron] No test ran. This runner needs access to VS Code\'s update server; on a machine without it, ' +
        'run the same suite in code-server with `npm run test:vscode`.\n',
    );
    return 2;
  }

  const build = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const testsIndex = await buildExtensionTests();

  const sandbox = mkdtempSync(join(tmpdir(), 'apparatus-electron-tests-'));
  onCleanup(() => rmSync(sandbox, { recursive: true, force: true }));
  const workspace = join(sandbox, 'workspace');
  cpSync(join(projectRoot, 'samples'), workspace, { recursive: true });
  const extensionTestsEnv = options.grep ? { APPARATUS_TEST_GREP: options.grep } : {};
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: testsIndex,
    extensionTestsEnv,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(sandbox, 'user-data')],
  }).catch((error) => {
    process.stderr.write(`[test:electron] ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  });
  return code;
}

runMain('test:electron', 10 * 60_000, main);
