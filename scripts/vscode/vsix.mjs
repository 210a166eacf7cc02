// Finds or builds the packaged extension (.vsix, from `npm run package`) and lists what is inside it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { projectRoot } from './setup.mjs';

function manifest() {
  return JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
}

/** The .vsix `npm run package` writes: <name>-<version>.vsix, or else the newest .vsix in the project or dist/. */
export function findVsix() {
  const { name, version } = manifest();
  const expected = join(projectRoot, `${name}-${version}.vsix`);
  if (existsSync(expected)) return expected;
  const candidates = [projectRoot, join(projectRoot, 'dist')]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.vsix')).map((file) => join(dir, file)))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return candidates[0];
}

/** Runs `npm run package` and returns the .vsix it made. */
export function packageExtension() {
  const { scripts = {} } = manifest();
  if (!scripts.package) throw new Error('package.json has no "package" script to build the .vsix with');
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) {
    throw new Error(`npm run package failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  const vsix = findVsix();
  if (!vsix || statSync(vsix).mtimeMs < started - 1000) throw new Error(`npm run package succeeded but wrote no new .vsix:\n${result.stdout}`);
  return vsix;
}

/** Every entry of a zip file: its path and uncompressed size. */
export function listZip(path) {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error(`cannot open ${path}`));
      const entries = [];
      zip.on('entry', (entry) => {
        entries.push({ path: entry.fileName, size: entry.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
