/**
 * The extension manifest against the code it describes: the settings it declares are the ones the
 * server reads, with the same defaults; every command it lists is registered by the client or
 * declared by the server; the grammar and icon it names exist and are what they claim to be.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSettings, defaultSeverities } from '../../../server/src/features/config';
import { globToRegExp } from '../../../server/src/workspace/glob';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const properties: Record<string, { default: unknown; description?: string; markdownDescription?: string; properties?: Record<string, { default: unknown; enum: string[]; description: string }> }> =
  manifest.contributes.configuration.properties;

/** Commands the language server declares (executeCommandProvider); the language client registers them. */
const SERVER_COMMANDS = ['apparatus.renumberNotes', 'apparatus.convertEndnotesToFootnotes', 'apparatus.showSources', 'apparatus.exportBibliography', 'apparatus.convertToPandocCitations', 'apparatus.writeOutKeysAsNotes'];

describe('package.json: settings', () => {
  it('declares a severity for exactly the rules the server knows, with the same defaults', () => {
    const severity = properties['apparatus.diagnostics.severity'].properties ?? {};
    assert.deepEqual(Object.keys(severity).sort(), Object.keys(defaultSeverities).sort());
    for (const [code, declared] of Object.entries(severity)) {
      assert.equal(declared.default, defaultSeverities[code], code);
      assert.deepEqual(declared.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
      assert.ok(declared.description.length > 20, `${code} is described`);
    }
  });

  it('declares the other settings with the server defaults, each described', () => {
    const expected: Record<string, unknown> = {
      'apparatus.claims.enabled': defaultSettings.claims.enabled,
      'apparatus.claims.paragraphMarkerCoversPrecedingSentences': defaultSettings.claims.paragraphMarkerCoversPrecedingSentences,
      'apparatus.claims.quotationsNeedOwnNote': defaultSettings.claims.quotationsNeedOwnNote,
      'apparatus.claims.allowlist': defaultSettings.claims.allowlist,
      'apparatus.claims.maxPerThousandWords': defaultSettings.claims.maxPerThousandWords,
      'apparatus.maxFileSize': defaultSettings.maxFileSize,
      'apparatus.bibliography': defaultSettings.bibliography,
      'apparatus.bibliographyOutsideWorkspace': defaultSettings.bibliographyOutsideWorkspace,
      'apparatus.trace.server': defaultSettings.trace.server,
      'apparatus.files': defaultSettings.files,
      'apparatus.diagnostics.severity': {},
    };
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(expected).sort());
    for (const [name, value] of Object.entries(expected)) {
      assert.deepEqual(properties[name].default, value, name);
      assert.ok((properties[name].description ?? properties[name].markdownDescription ?? '').length > 20, `${name} is described`);
    }
  });
});

describe('package.json: commands', () => {
  const client = ['extension.ts', 'checkWorkspace.ts'].map((file) => readFileSync(path.join(root, 'client/src', file), 'utf8')).join('\n');
  const registered = [...client.matchAll(/registerCommand\('([^']+)'/g)].map((match) => match[1]);

  it('lists every command the client registers or the server declares, and no other', () => {
    const listed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
    assert.deepEqual(listed, [...registered, ...SERVER_COMMANDS].sort());
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Apparatus');
      assert.ok(command.title.length > 5);
    }
  });

  it('shows the document commands in the palette only in Markdown editors', () => {
    const palette = new Map<string, string>(manifest.contributes.menus.commandPalette.map((entry: { command: string; when: string }) => [entry.command, entry.when]));
    for (const command of SERVER_COMMANDS) assert.equal(palette.get(command), 'editorLangId == markdown', command);
  });

  it('activates on Markdown, and on a workspace of a Pandoc project (.bib, Quarto, R Markdown), and declares that it runs no workspace code', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    const workspaceGlobs = (manifest.activationEvents as string[]).filter((event) => event.startsWith('workspaceContains:')).map((event) => globToRegExp(event.slice('workspaceContains:'.length)));
    for (const file of ['master.bib', 'thesis/chapters/ch1.qmd', 'book/index.Rmd', 'notes/intro.rmd']) {
      assert.ok(workspaceGlobs.some((glob) => glob.test(file)), `no activation for a workspace holding ${file}`);
    }
    // Not on any JSON or YAML file: those are libraries only when an essay names them.
    for (const file of ['package.json', '.github/workflows/ci.yml', 'essay.md']) assert.ok(!workspaceGlobs.some((glob) => glob.test(file)), file);
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(manifest.main, './dist/extension.js');
  });
});

describe('package.json: assets', () => {
  it('injects the grammar it ships into Markdown', () => {
    const [grammar] = manifest.contributes.grammars;
    const file = JSON.parse(readFileSync(path.join(root, grammar.path), 'utf8'));
    assert.equal(file.scopeName, grammar.scopeName);
    assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
    assert.match(file.injectionSelector, /^L:text\.html\.markdown /);
  });

  it('names a 128×128 PNG icon', () => {
    const icon = path.join(root, manifest.icon);
    assert.ok(existsSync(icon), manifest.icon);
    const png = readFileSync(icon);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128, 'width');
    assert.equal(png.readUInt32BE(20), 128, 'height');
  });
});
