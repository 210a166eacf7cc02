/**
 * Converting free-text citations to Pandoc citations: every edit applied to the text, the result
 * checked note by note; what is left as written is listed; the round trip through
 * `pandoc --citeproc` with the exported bibliography prints notes that cite the same works and pages.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseEssay, defaultAnalysisOptions } from '../../../server/src/model/analyse';
import { exportBibliography } from '../../../server/src/model/export/index';
import { applyReplacements, convertToPandoc, pandocLocator } from '../../../server/src/model/export/pandocCitations';
import { compareRoundTrip } from '../../../server/src/model/export/roundTrip';
import { runCiteproc } from '../../../server/src/workspace/pandoc';
// @ts-expect-error: a plain ES module without types
import { ensurePandoc } from '../../../scripts/pandoc-setup.mjs';

const root = join(__dirname, '..', '..', '..');
const options = { claims: { ...defaultAnalysisOptions.claims, enabled: false } };
const sampleText = readFileSync(join(root, 'samples', 'korea-1950.md'), 'utf8');

function converted(text: string) {
  const essay = analyseEssay(text, options);
  const exported = exportBibliography(essay.bibliography, 'bibtex');
  const conversion = convertToPandoc(essay, exported.keys);
  const applied = TextDocument.applyEdits(TextDocument.create('file:///essay.md', 'markdown', 1, text), conversion.edits);
  return { essay, exported, conversion, applied, after: analyseEssay(applied, options) };
}

function noteText(essay: ReturnType<typeof analyseEssay>, label: string): string {
  const note = essay.notes.find((candidate) => candidate.label === label);
  assert.ok(note, `no note ${label}`);
  return note.text;
}

const bibliography = [
  '## Bibliography',
  '',
  'Bailey, Julius H. *Down in the Valley: An Introduction to African American Religious History*. Minneapolis: Fortress Press, 2016.',
  '',
  'Dossey, Leslie. *Peasant and Empire in Christian North Africa*. Berkeley: University of California Press, 2010.',
].join('\n');

describe('convert to Pandoc citations', () => {
  it('converts the sample’s resolved citations, keeping the words around them', () => {
    const { applied, after, conversion } = converted(sampleText);
    assert.equal(applied, applyReplacements(sampleText, conversion.edits));
    assert.equal(noteText(after, '1'), '[@maylessons1973, p. 74]');
    assert.equal(noteText(after, '2'), '[e.g. @reesage1967]');
    assert.equal(noteText(after, '9'), '[interview with Kapitsa M.S. in @goncharovuncertain1993, p. 138]');
    assert.equal(noteText(after, '7'), '[Politburo directive to Soviet Ambassador, translated by @weathersbykorea1995, p. 7]; AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 75-77');
    assert.equal(noteText(after, '12'), '[Khrushchev in @talbottkhrushchev1971, pp. 333-34]');
    // Ibid. becomes the work it resolves to, with the page it repeats.
    assert.equal(noteText(after, '23'), '[@mansourovstalin1995, p. 114]');
    assert.equal(noteText(after, '25'), '[@mansourovstalin1995, p. 116]');
    assert.equal(noteText(after, '37'), '[@nsc68_1950]');
  });

  it('changes nothing but the citations: undoing each replacement gives the original back', () => {
    const { essay, conversion, applied } = converted(sampleText);
    const document = TextDocument.create('file:///essay.md', 'markdown', 1, applied);
    // Where each replacement landed in the new text, and what it replaced.
    let shift = 0;
    const undo = [...conversion.edits]
      .sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start))
      .map((edit) => {
        const original = TextDocument.create('x', 'markdown', 1, essay.text);
        const start = original.offsetAt(edit.range.start) + shift;
        const oldText = original.getText(edit.range);
        shift += edit.newText.length - oldText.length;
        return { range: { start: document.positionAt(start), end: document.positionAt(start + edit.newText.length) }, newText: oldText };
      });
    assert.equal(TextDocument.applyEdits(document, undo), sampleText);
  });

  it('lists what it leaves as written, with the reason', () => {
    const { after, conversion } = converted(sampleText);
    assert.equal(noteText(after, '4'), 'e.g. Stueck (1986, 1995, 2002)');
    const note4 = conversion.skipped.filter((skipped) => skipped.note === '4').map((skipped) => skipped.reason);
    assert.equal(note4.length, 3);
    assert.match(note4[1], /none from 1995/);
    assert.match(note4[0], /several years after one name/);
  });

  it("converts one author's several years as one citation of several keys, or leaves all of them when one year is missing", () => {
    const works = [
      '## Bibliography',
      '',
      'Hartog, Hendrik. *Public Property and Private Power*. Chapel Hill: University of North Carolina Press, 1983.',
      '',
      'Hartog, Hendrik. *Man and Wife in America: A History*. Cambridge: Harvard University Press, 2000.',
    ].join('\n');
    const text = `Body.[^1] More.[^2] Last.[^3]\n\n[^1]: e.g. Hartog (1983, 2000).\n[^2]: As Hartog 1983, 2000 shows, the city owned its streets.\n[^3]: See Hartog (1983, 1991).\n\n${works}\n`;
    const { after, conversion, applied } = converted(text);
    assert.equal(noteText(after, '1'), '[e.g. @hartogpublic1983; @hartogman2000].');
    assert.equal(noteText(after, '2'), 'As @hartogpublic1983; @hartogman2000 shows, the city owned its streets.');
    assert.equal(noteText(after, '3'), 'See Hartog (1983, 1991).');
    const note3 = conversion.skipped.filter((skipped) => skipped.note === '3');
    assert.equal(note3.length, 2);
    assert.match(note3[0].reason, /converted together with the others once each is one listed work \(not yet: 1991\)/);
    assert.match(note3[1].reason, /none from 1991/);
    // Both keys resolve in the converted text, and nothing outside the notes moved.
    assert.equal(applied.split('\n\n[^1]')[0], text.split('\n\n[^1]')[0]);
  });

  it('converts "1988a and b" (a year\'s second work written as its letter alone) with the years around it', () => {
    const works = [
      '## Bibliography',
      '',
      'Mattingly, D. J. 1988a. "Oil for Export?" *Journal of Roman Archaeology* 1: 33–56.',
      '',
      'Mattingly, D. J. 1988b. "The Olive Boom." *Libyan Studies* 19: 21–41.',
      '',
      'Mattingly, D. J. 1995. *Tripolitania*. London: Batsford.',
    ].join('\n');
    const text = `Body.[^1]\n\n[^1]: See Mattingly 1988a and b and 1995.\n\n${works}\n`;
    const { after, conversion } = converted(text);
    assert.deepEqual(conversion.skipped, []);
    assert.match(noteText(after, '1'), /^\[See @mattingly\w*1988a?; @mattingly\w*1988b?; @mattingly\w*1995\]\.$/);
  });

  it('writes a citation later in a note as author-in-text, so that Pandoc prints no parentheses', () => {
    const text = `Body.[^1]\n\n[^1]: See Bailey, *Down in the Valley*, 12 and Dossey, *Peasant and Empire*.\n\n${bibliography}\n`;
    const { after } = converted(text);
    assert.equal(noteText(after, '1'), 'See @baileydown2016 [12] and @dosseypeasant2010.');
  });

  it('leaves a citation whose span runs into the writer’s prose as written', () => {
    const text = `Body.[^1] More.[^2]\n\n[^1]: Dossey, *Peasant and Empire*, 80.\n\n[^2]: Dossey stresses that “the incidence of coins declined significantly in the early imperial period” (p.85).\n\n${bibliography}\n`;
    const { after, conversion } = converted(text);
    assert.equal(noteText(after, '1'), '[@dosseypeasant2010, 80].');
    assert.equal(noteText(after, '2'), 'Dossey stresses that “the incidence of coins declined significantly in the early imperial period” (p.85).');
    assert.ok(conversion.skipped.some((skipped) => skipped.note === '2' && /own words/.test(skipped.reason)));
  });

  it('converts nothing in an essay of pasted endnotes, and says to convert them to footnotes first', () => {
    const text = readFileSync(join(root, 'samples', 'korea-1950-endnotes.md'), 'utf8');
    const { conversion } = converted(text);
    assert.equal(conversion.edits.length, 0);
    assert.ok(conversion.skipped.length > 0);
    assert.ok(conversion.skipped.every((skipped) => /endnotes to footnotes/.test(skipped.reason)));
  });

  it('reports no typed entry as never cited once its citations are keys', () => {
    const before = converted(sampleText).essay.diagnostics.filter((d) => d.code === 'uncited-source').length;
    const after = converted(sampleText).after.diagnostics.filter((d) => d.code === 'uncited-source').length;
    assert.equal(after, before);
  });

  it('writes locators as Pandoc reads them', () => {
    assert.equal(pandocLocator('p.74'), 'p. 74');
    assert.equal(pandocLocator('pp.333-34'), 'pp. 333-34');
    assert.equal(pandocLocator('pp. 369-71'), 'pp. 369-71');
    assert.equal(pandocLocator('40 n. 1'), '40 n. 1');
  });

  describe('the round trip through pandoc --citeproc', function () {
    let work = '';
    before(function () {
      this.timeout(300_000);
      (ensurePandoc as () => string)();
      work = mkdtempSync(join(tmpdir(), 'apparatus-roundtrip-'));
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    it('prints every note of the sample citing the same works and pages (Chicago notes, the style in csl/)', function () {
      this.timeout(60_000);
      const { essay, exported, applied, conversion } = converted(sampleText);
      writeFileSync(join(work, 'korea.bib'), exported.text);
      const printed = runCiteproc(applied, { bibliography: [join(work, 'korea.bib')], csl: join(root, 'csl', 'chicago-note-bibliography.csl') });
      const printedNotes = analyseEssay(printed.markdown, options).notes.map((note) => note.text);
      assert.equal(printedNotes.length, essay.notes.length);
      // The printed notes are Chicago notes, not keys.
      assert.equal(printedNotes[0], 'May, *Lessons of the Past*, 74.');
      assert.ok(!printedNotes.some((note) => /@[a-z]/.test(note)), 'a key was left unprinted');
      const comparisons = compareRoundTrip(essay, printedNotes, options);
      const changed = comparisons.filter((comparison) => !comparison.same);
      assert.deepEqual(changed.map((c) => `${c.label}: ${c.printedText}`), []);
      assert.ok(conversion.converted.length >= 38);
    });

    it('notices when a printed note cites another work or page', () => {
      const essay = analyseEssay(sampleText, options);
      const printed = essay.notes.map((note) => note.text);
      printed[0] = 'May, *Lessons of the Past*, 75.';
      printed[7] = 'Cumings, *The Origins of the Korean War*, 72.';
      const changed = compareRoundTrip(essay, printed, options).filter((comparison) => !comparison.same).map((c) => c.label);
      assert.deepEqual(changed, ['1', '8']);
    });
  });
});
