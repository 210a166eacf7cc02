// `npm run test:package`: builds the .vsix with `npm run package` (or takes APPARATUS_VSIX) and checks what a
// user would install: the bundles, grammar, icon and documents are there; sources, tests, source maps and
// node_modules are not; the download stays small.
import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { projectRoot } from './setup.mjs';
import { listZip, packageExtension } from './vsix.mjs';

const MAX_BYTES = 1.5 * 1024 * 1024;
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
let vsix;
let files;

before(async () => {
  vsix = process.env.APPARATUS_VSIX ?? packageExtension();
  // Extension files sit under extension/ in the archive, beside the package's own manifest files.
  files = (await listZip(vsix)).filter((entry) => !entry.path.endsWith('/')).map((entry) => entry.path);
  process.stdout.write(`# ${vsix}: ${files.length} files, ${statSync(vsix).size} bytes\n`);
  for (const file of files) process.stdout.write(`#   ${file}\n`);
});

const has = (path) => files.includes(`extension/${path.replace(/^\.\//, '')}`);

test('the extension and language server bundles are in the package', () => {
  const main = manifest.main.replace(/^\.\//, '');
  assert.ok(has(main), `${main} (package.json "main")`);
  assert.ok(has('dist/server.js'), 'dist/server.js');
});

test('the grammars and the icon named by package.json are in the package', () => {
  const grammars = manifest.contributes?.grammars ?? [];
  assert.ok(grammars.length > 0, 'package.json contributes at least one grammar');
  for (const grammar of grammars) assert.ok(has(grammar.path), grammar.path);
  assert.ok(manifest.icon, 'package.json names an icon');
  assert.ok(has(manifest.icon), manifest.icon);
});

test('the CSL styles and locale the server renders notes with are in the package, with their attribution', () => {
  for (const file of ['csl/chicago-fullnote-bibliography.csl', 'csl/chicago-note-bibliography.csl', 'csl/locales-en-US.xml', 'csl/README.md']) assert.ok(has(file), file);
});

test('the preview stylesheets named by package.json are in the package', () => {
  const styles = manifest.contributes?.['markdown.previewStyles'] ?? [];
  assert.ok(styles.length > 0, 'package.json contributes a preview stylesheet');
  for (const style of styles) assert.ok(has(style), style);
});

test('README, CHANGELOG and LICENSE are in the package', () => {
  // vsce may change the case of these names (readme.md, LICENSE.txt).
  const hasDocument = (pattern) => files.some((file) => pattern.test(file));
  assert.ok(hasDocument(/^extension\/readme\.md$/i), 'README.md');
  assert.ok(hasDocument(/^extension\/changelog\.md$/i), 'CHANGELOG.md');
  assert.ok(hasDocument(/^extension\/license(\.md|\.txt)?$/i), 'LICENSE');
});

test('no TypeScript sources, tests, source maps or node_modules are in the package', () => {
  const unwanted = files.filter((file) =>
    /\.ts$/.test(file) || /\.map$/.test(file) || /(^|\/)node_modules\//.test(file) ||
    /^extension\/(test|client\/src|server\/src|bench|scripts|\.tools|\.ci|\.vscode-test)\//.test(file) ||
    /^extension\/dist\/test\//.test(file));
  assert.deepEqual(unwanted, []);
});

test(`the package is smaller than ${MAX_BYTES / 1024 / 1024} MB`, () => {
  const size = statSync(vsix).size;
  assert.ok(size < MAX_BYTES, `${vsix} is ${size} bytes`);
});
