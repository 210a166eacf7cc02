// Makes sure Pandoc is installed, for the tests that use it as the oracle of the citation scanner.
// Pandoc comes from Debian's archive (Debian 12 has 2.17), installed as scripts/vscode/setup.mjs
// installs Chromium: with apt-get when running as root, else a clear error with the command to run.
// A test that needs Pandoc fails when it cannot be installed; it never skips silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function pandocVersion() {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split('\n')[0];
}

export function ensurePandoc() {
  const version = pandocVersion();
  if (version) return version;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error('Pandoc is needed by the citation scanner tests. Install it with `sudo apt-get update && sudo apt-get install -y pandoc` (Debian/Ubuntu), then run again.');
  }
  process.stderr.write('[pandoc-setup] installing Debian package: pandoc\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', 'pandoc']]) {
    const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.error || result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${result.error?.message ?? result.status})`);
  }
  const installed = pandocVersion();
  if (!installed) throw new Error('apt-get installed pandoc, but `pandoc --version` still fails');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${ensurePandoc()}\n`);
}
