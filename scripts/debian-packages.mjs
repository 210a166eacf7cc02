// Debian packages the test runners need (Chromium for the VS Code tests, Neovim for the Neovim test),
// installed on first use the same way for every runner: with apt-get when run as root on a machine that
// has it, otherwise a failure that names the packages to install. A missing tool never skips a test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command} could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/**
 * Installs `packages` with apt-get (`apt-get update` first: the package lists may be empty or stale).
 * Throws, naming the command to run, when not root or when apt-get is missing.
 */
export function installDebianPackages(packages, log) {
  if (packages.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Missing system packages: ${packages.join(', ')}. Install them with ` +
        `\`sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\` (Debian/Ubuntu), then run again.`,
    );
  }
  log(`installing Debian packages: ${packages.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}
