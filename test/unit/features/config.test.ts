/**
 * Reading the apparatus.* settings: defaults for what is missing, defaults plus a log line for
 * what is wrong, and the severity a diagnostic ends up with.
 */
import { strict as assert } from 'node:assert';
import { defaultSettings, effectiveSeverity, parseSettings, sharedBibliographySetting, toAnalysisOptions } from '../../../server/src/features/config';

function read(raw: unknown): { settings: ReturnType<typeof parseSettings>; logs: string[] } {
  const logs: string[] = [];
  const settings = parseSettings(raw, (message) => logs.push(message));
  return { settings, logs };
}

describe('config: parseSettings', () => {
  it('gives the defaults, silently, when nothing is set', () => {
    for (const raw of [undefined, null, {}]) {
      const { settings, logs } = read(raw);
      assert.deepEqual(settings, defaultSettings);
      assert.deepEqual(logs, []);
    }
  });

  it('reads every valid setting', () => {
    const { settings, logs } = read({
      diagnostics: { severity: { 'unused-note': 'off', 'missing-note': 'Warning', 'unsupported-claim/quotation': 'hint' } },
      claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: true, quotationsNeedOwnNote: false, allowlist: ['I argue'], maxPerThousandWords: 6 },
      maxFileSize: 1000,
      trace: { server: 'verbose' },
      bibliography: ['back/bibliography.md', 'refs/master.bib', 'zotero.json'],
      bibliographyOutsideWorkspace: true,
      files: ['chapters/*.md', '!README.md'],
    });
    assert.deepEqual(logs, []);
    assert.deepEqual(settings, {
      diagnostics: { severity: { 'unused-note': 'off', 'missing-note': 'warning', 'unsupported-claim/quotation': 'hint' } },
      claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: true, quotationsNeedOwnNote: false, allowlist: ['I argue'], maxPerThousandWords: 6 },
      maxFileSize: 1000,
      trace: { server: 'verbose' },
      bibliography: ['back/bibliography.md', 'refs/master.bib', 'zotero.json'],
      bibliographyOutsideWorkspace: true,
      files: ['chapters/*.md', '!README.md'],
    });
    assert.equal(toAnalysisOptions(settings).claims.maxPerThousandWords, 6);
  });

  it('falls back to the default for each bad value and says why', () => {
    const { settings, logs } = read({
      diagnostics: { severity: { 'unused-note': 'loud', 'missing-note': 3 } },
      claims: { enabled: 'yes', allowlist: 'I argue', maxPerThousandWords: -1 },
      maxFileSize: -5,
      trace: { server: 'everything' },
    });
    assert.deepEqual(settings, defaultSettings);
    assert.equal(logs.length, 7);
    assert.match(logs.join('\n'), /claims\.maxPerThousandWords should be a number of findings per 1,000 words \(0 for no limit\), not -1; using 4/);
    assert.match(logs[0], /severity\["unused-note"\] should be one of error, warning, information, hint, off, not "loud"/);
    assert.match(logs.join('\n'), /claims\.enabled should be true or false, not "yes"; using true/);
    assert.match(logs.join('\n'), /maxFileSize should be a positive number of characters, not -5; using 4000000/);
  });

  it('takes the first Markdown file of apparatus.bibliography as the bibliography chapters share', () => {
    assert.equal(sharedBibliographySetting(read({ bibliography: ['refs/master.bib', 'back/bibliography.md'] }).settings), 'back/bibliography.md');
    assert.equal(sharedBibliographySetting(read({ bibliography: 'refs/master.bib' }).settings), '');
  });

  it('reads apparatus.bibliography as one file or a list, and says why a bad value is dropped', () => {
    assert.deepEqual(read({ bibliography: 'master.bib' }).settings.bibliography, ['master.bib']);
    assert.deepEqual(read({ bibliography: '' }).settings.bibliography, []);
    const bad = read({ bibliography: 7, bibliographyOutsideWorkspace: 'yes' });
    assert.deepEqual([bad.settings.bibliography, bad.settings.bibliographyOutsideWorkspace], [[], false]);
    assert.match(bad.logs.join('\n'), /apparatus\.bibliography should be a list of bibliography files, not 7/);
    assert.match(bad.logs.join('\n'), /apparatus\.bibliographyOutsideWorkspace should be true or false, not "yes"/);
    const mixed = read({ bibliography: ['a.bib', 3] });
    assert.deepEqual(mixed.settings.bibliography, ['a.bib']);
    assert.match(mixed.logs[0], /entries that are not file names were ignored/);
  });

  it('keeps a severity for a rule it does not know, with a warning', () => {
    const { settings, logs } = read({ diagnostics: { severity: { 'no-such-rule': 'error' } } });
    assert.equal(settings.diagnostics.severity['no-such-rule'], 'error');
    assert.match(logs[0], /unknown rule "no-such-rule"/);
  });

  it('drops allowlist entries that are not phrases', () => {
    const { settings, logs } = read({ claims: { allowlist: ['in my view', 4, '', 'I argue'] } });
    assert.deepEqual(settings.claims.allowlist, ['in my view', 'I argue']);
    assert.equal(logs.length, 1);
  });

  it('survives settings that are not an object at all', () => {
    const { settings, logs } = read('apparatus');
    assert.deepEqual(settings, defaultSettings);
    assert.match(logs[0], /should be an object/);
  });

  it('does not share the defaults object with callers', () => {
    const { settings } = read(undefined);
    settings.claims.allowlist.push('changed');
    assert.deepEqual(defaultSettings.claims.allowlist, []);
  });
});

describe('config: effectiveSeverity and analysis options', () => {
  it('uses the setting for a code when there is one, else the model severity', () => {
    const { settings } = read({ diagnostics: { severity: { 'note-order': 'off' } } });
    assert.equal(effectiveSeverity(settings, 'note-order', 'warning'), 'off');
    assert.equal(effectiveSeverity(settings, 'missing-note', 'error'), 'error');
  });

  it('passes the claim settings and the size limit to the model', () => {
    const { settings } = read({ claims: { enabled: false, allowlist: ['I argue'] }, maxFileSize: 500 });
    assert.deepEqual(toAnalysisOptions(settings), {
      maxFileSize: 500,
      claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: ['I argue'], maxPerThousandWords: 4 },
      shortFormBeforeFull: 'withoutBibliography',
    });
  });

  it('asks for short forms before the full reference everywhere when the writer sets that rule', () => {
    assert.equal(toAnalysisOptions(read({ diagnostics: { severity: { 'short-form-before-full': 'warning' } } }).settings).shortFormBeforeFull, 'always');
    assert.equal(toAnalysisOptions(read({ diagnostics: { severity: { 'short-form-before-full': 'off' } } }).settings).shortFormBeforeFull, 'withoutBibliography');
  });
});
