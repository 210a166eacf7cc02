/**
 * Model diagnostics turned into LSP diagnostics: severity from the settings, rules turned off,
 * related information in the document, tags, data for quick fixes, and rule pages.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { defaultSettings, parseSettings } from '../../../server/src/features/config';
import { countBySeverity, provideDiagnostics, ruleDocsIn } from '../../../server/src/features/diagnostics';
import { analyseEssay } from '../../../server/src/model/analyse';
import { lineRangeOf, rangeOf, sample, uri } from './support';

const defects = sample('defects.md');

function settingsWith(severity: Record<string, string>) {
  return parseSettings({ diagnostics: { severity } }, (message) => assert.fail(message));
}

describe('diagnostics', () => {
  it('converts every model diagnostic, in order, with code, source and default severity', () => {
    const result = provideDiagnostics(defects, uri, defaultSettings);
    assert.equal(result.length, defects.diagnostics.length);
    result.forEach((diagnostic, i) => {
      const model = defects.diagnostics[i];
      assert.equal(diagnostic.code, model.code);
      assert.equal(diagnostic.source, 'apparatus');
      assert.equal(diagnostic.message, model.message);
      assert.deepEqual(diagnostic.range, model.range);
    });
    const missing = result.find((d) => d.code === 'missing-note');
    assert.equal(missing?.severity, DiagnosticSeverity.Error);
    assert.deepEqual(missing?.range, rangeOf(defects.text, '[^7]'));
    assert.deepEqual(missing?.data, { label: '7' });
    assert.equal(result.find((d) => d.code === 'vague-attribution')?.severity, DiagnosticSeverity.Information);
  });

  it('greys out an unused note', () => {
    const unused = provideDiagnostics(defects, uri, defaultSettings).find((d) => d.code === 'unused-note');
    assert.deepEqual(unused?.tags, [DiagnosticTag.Unnecessary]);
    assert.deepEqual(unused?.range, lineRangeOf(defects.text, '[^21]: '));
    assert.equal(provideDiagnostics(defects, uri, defaultSettings).find((d) => d.code === 'missing-note')?.tags, undefined);
  });

  it('points related information at the other definition of a duplicate, in the same document', () => {
    const duplicate = provideDiagnostics(defects, uri, defaultSettings).find((d) => d.code === 'duplicate-note');
    assert.deepEqual(duplicate?.relatedInformation, [
      { location: { uri, range: lineRangeOf(defects.text, '[^10]: ') }, message: 'First definition' },
    ]);
  });

  it('lists each candidate of an ambiguous citation', () => {
    const ambiguous = provideDiagnostics(defects, uri, defaultSettings).find((d) => d.code === 'ambiguous-citation');
    assert.deepEqual(
      ambiguous?.relatedInformation?.map((related) => related.location.range),
      [lineRangeOf(defects.text, "Weathersby K., 'New Russian Documents"), lineRangeOf(defects.text, "Weathersby K., 'Soviet Aims")],
    );
  });

  it('passes the near-match spelling on for the quick fix', () => {
    const near = provideDiagnostics(defects, uri, defaultSettings).find((d) => d.code === 'near-match');
    assert.deepEqual(near?.data, { written: 'Goncharow', expected: 'Goncharov' });
    assert.deepEqual(near?.range, rangeOf(defects.text, 'Goncharow'));
  });

  it('applies the severity set for a rule and drops rules set to "off"', () => {
    const result = provideDiagnostics(defects, uri, settingsWith({ 'missing-note': 'hint', 'uncited-source': 'off', 'unsupported-claim/statistic': 'error' }));
    assert.equal(result.find((d) => d.code === 'missing-note')?.severity, DiagnosticSeverity.Hint);
    assert.equal(result.find((d) => d.code === 'uncited-source'), undefined);
    assert.equal(result.find((d) => d.code === 'unsupported-claim/statistic')?.severity, DiagnosticSeverity.Error);
    assert.equal(result.length, defects.diagnostics.length - defects.diagnostics.filter((d) => d.code === 'uncited-source').length);
  });

  it('links a rule to its page when there is one, and only then', () => {
    const pages = (code: string) => (code === 'missing-note' ? 'file:///docs/rules/missing-note.md' : undefined);
    const result = provideDiagnostics(defects, uri, defaultSettings, pages);
    assert.deepEqual(result.find((d) => d.code === 'missing-note')?.codeDescription, { href: 'file:///docs/rules/missing-note.md' });
    assert.equal(result.find((d) => d.code === 'unused-note')?.codeDescription, undefined);
  });

  it('finds rule pages in a folder, flat or nested, and nothing where there is no folder', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'apparatus-rules-'));
    try {
      writeFileSync(path.join(folder, 'missing-note.md'), '# missing-note\n');
      mkdirSync(path.join(folder, 'unsupported-claim'));
      writeFileSync(path.join(folder, 'unsupported-claim', 'quotation.md'), '# quotation\n');
      writeFileSync(path.join(folder, 'unsupported-claim-statistic.md'), '# statistic\n');
      const pages = ruleDocsIn(folder);
      assert.equal(pages('missing-note'), pathToFileURL(path.join(folder, 'missing-note.md')).href);
      assert.equal(pages('unsupported-claim/quotation'), pathToFileURL(path.join(folder, 'unsupported-claim', 'quotation.md')).href);
      assert.equal(pages('unsupported-claim/statistic'), pathToFileURL(path.join(folder, 'unsupported-claim-statistic.md')).href);
      assert.equal(pages('unused-note'), undefined);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    assert.equal(ruleDocsIn(path.join(tmpdir(), 'no-such-apparatus-folder'))('missing-note'), undefined);
  });

  it('reports a file too large to analyse', () => {
    const skipped = analyseEssay('x'.repeat(100), { maxFileSize: 10 });
    const result = provideDiagnostics(skipped, uri, defaultSettings);
    assert.deepEqual(result.map((d) => [d.code, d.severity]), [['file-too-large', DiagnosticSeverity.Warning]]);
  });

  it('counts errors, warnings and the rest', () => {
    const result = provideDiagnostics(defects, uri, defaultSettings);
    const counts = countBySeverity(result);
    assert.equal(counts.errors, result.filter((d) => d.severity === DiagnosticSeverity.Error).length);
    assert.equal(counts.errors + counts.warnings + counts.infos, result.length);
    assert.ok(counts.errors >= 2, 'missing-note and duplicate-note are errors');
  });
});
