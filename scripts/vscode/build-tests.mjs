// Compiles the extension test suite (test/extension/*.ts) to dist/test/extension/, one CommonJS file per
// entry: index.js (what VS Code's extensionTestsPath points at) and one file per *.test.ts. `vscode` is
// provided by the extension host and mocha is loaded from the project's node_modules.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './setup.mjs';

export const testsSourceDir = join(projectRoot, 'test', 'extension');
export const testsOutDir = join(projectRoot, 'dist', 'test', 'extension');

export async function buildExtensionTests() {
  const entries = readdirSync(testsSourceDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(testsSourceDir, name));
  if (!entries.some((entry) => entry.endsWith('index.ts'))) throw new Error(`${testsSourceDir}/index.ts is missing`);
  rmSync(testsOutDir, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: testsOutDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(testsOutDir, 'index.js');
}

if (process.argv[1] && process.argv[1].endsWith('build-tests.mjs')) {
  await buildExtensionTests();
}
