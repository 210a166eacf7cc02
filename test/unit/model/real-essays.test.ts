/**
 * Resolution on published essays (test/fixtures/real): the development split must not fall below
 * the figures reached so far. The figures themselves come from `npm run eval:resolution`, run here
 * as it is run by hand, so the test and the evaluation cannot disagree.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './helpers';

interface Totals {
  notes: number;
  exact: number;
  uncited: { tp: number; fp: number; fn: number };
  unresolved: { tp: number; fp: number; fn: number };
  diagnosticsPerThousandWords: number;
}

describe('resolution on published essays (development split)', function () {
  this.timeout(120_000);
  let totals: Record<string, Totals>;

  before(() => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'eval-resolution.ts'), '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
    assert.equal(run.status, 0, run.stderr);
    totals = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as Record<string, Totals>;
  });

  it('resolves every note of our fixture essays exactly', () => {
    assert.equal(totals.fixtures.exact, totals.fixtures.notes);
  });

  it('resolves at least 83% of the development notes exactly (46% before the work on real essays)', () => {
    // 97.0% of the first 670 notes; then six essays of a later volume of the journal (154 notes, keyed
    // in a new round) came in at 63.6% unseen by the rules, and the split at 92.1% of 824 once general
    // rules for what they showed were added; then an Egyptology chapter of 125 author-date notes came in
    // at 60.0%, and the split stood at 88.6% of 949; two more essays came in at 82.7% of 52 notes, and
    // general rules for classical and art-historical pinpoints and the rest bring it to 91.0% of 1,001.
    // Then four papers of an ancient-world volume (263 author-date notes: Demotic manuscripts by column
    // and line, sigla, glosses) came in at 53.2% unseen by the rules (60.8% after), and the split stands
    // at 85.0% of 1,315. Then two more chapters of the Egyptology volume and four papers of two other
    // ancient-world volumes (289 notes) came in at 73.0% unseen by the rules; 85.2% of 1,604 after.
    // Then two essays of a conservation history (36 notes, most of them archives and interviews) came
    // in at 33.3%, two chapters of a book's shared bibliography at 21 of 24, and two more chapters of a
    // government history of *FRUS* (194 notes of decimal files and series cited by year) at 47.4%: the
    // twelve new essays 61.9% at first sight, 69.6% after; the earlier 1,315 notes 87.5% (85.0% before).
    // A last Egyptology chapter, keyed at the end and scored once with the final rules: 93.9% of 49.
    // Then a third *FRUS* chapter (55 notes) came in at 54.5% (60.0% with the first rules for its
    // sisters, written before it was read) and a fourth Egyptology chapter (254 author-date notes) at
    // 78.0%: 84.5% of 2,216 after the rules they and the earlier essays showed. Then an *ISAW Papers*
    // essay (83 notes) came in at 68.7%: 85.3% of 2,299 after. Three more (128 notes: a Quire chapter
    // whose entries stand under their labels, two ISAW papers) came in at 52.3%: 84.5% of 2,427 after.
    // Then four of new kinds (a State Department report converted from TEI, a lesson in Spanish, the
    // first FRUS chapter, a French Silver catalogue entry written with wiki links against a Quire
    // book's short and full fields: 133 notes) came in at 39.1%: 83.5% of 2,583 after. Then a
    // conservation chapter in the same manuscript form (41 notes) came in at 12.2% (26.8% with this
    // stop's earlier rules): 83.4% of 2,624 after.
    // 91.9% of 670 notes: six essays keyed later (103 notes) came in at 85%, unseen by the rules.
    // 94.6% once notes that cite nothing, personal communications and the kind of a citation were read
    // as keyed; 95.5% once notes citing several works and their locators were read in full (each alone).
    // (Ten essays keyed in rounds 22–26 came in at 55.9% of their 687 notes; with them 82.0% of 3,311.
    // Two British Art Studies essays of rounds 27–28 came in at 67.2% of 201; with them 83.5% of 3,512.)
    const dev = totals['real-dev'];
    assert.ok(dev.notes >= 3512, `${dev.notes} notes keyed`);
    assert.ok(dev.exact / dev.notes >= 0.83, `${dev.exact}/${dev.notes}`);
  });

  it('keeps "never cited" precision at 0.93 or more and the diagnostics of the split under 4 per 1,000 words', () => {
    const { uncited, diagnosticsPerThousandWords } = totals['real-dev'];
    // 0.976 before the ancient-world papers, 0.968 with them; 0.938 since "uncited" means cited by
    // nothing, the running text included (keys of the seventh round): the works a text cites by a name
    // slipped in its notes, or loosely by title, are the false warnings left.
    assert.ok(uncited.tp / (uncited.tp + uncited.fp) >= 0.93, JSON.stringify(uncited));
    assert.ok(diagnosticsPerThousandWords <= 4, String(diagnosticsPerThousandWords));
  });

  it('keeps "matches no entry" precision at 0.88 or more (rules of evidence, model/evidence.ts)', () => {
    // 0.91 before the ancient-world papers; one of them (114 notes of Demotic manuscripts and
    // transliterations in italics) came in with 23 false warnings, 10 after its rules: 0.80 with them.
    // The seventh round's six papers came in with 13 false warnings, 8 after its rules: 0.733; with the
    // conservation essays and the FRUS chapters, 0.710; 0.688 with the eleventh round. Then 0.901 once
    // no warning named a word opening a sentence, a quotation, a word of another language, a name or a
    // gloss quoted inside a sentence, an ancient text read in a translation, or a year a printing off.
    // The twenty-second round's museum essay (Tanagra figurines, a Selected Bibliography) came in
    // with 62 warnings, 21 false (ancient texts by author or title alone): 0.782; 0.906 after.
    const { unresolved } = totals['real-dev'];
    assert.ok(unresolved.tp / (unresolved.tp + unresolved.fp) >= 0.88, JSON.stringify(unresolved));
  });

  it('still finds the real defects: "never cited" recall 0.94 or more, every defect planted in the fixtures', () => {
    const { uncited } = totals['real-dev'];
    assert.ok(uncited.tp / (uncited.tp + uncited.fn) >= 0.94, JSON.stringify(uncited));
    for (const rule of ['uncited', 'unresolved'] as const) assert.equal(totals.fixtures[rule].fn, 0, `${rule} missed in the fixtures`);
  });

  it('resolves at least 79% of the notes of essays without a bibliography against their full references', () => {
    // None before (an essay without a bibliography resolved nothing). First sight, round by round:
    // 68.4% of 98 notes, then 91.8% of 97, 70.9% of 55 and 86.3% of 95 (90.4% of those 345 after);
    // then 18.7% of the 267 notes of a 1985 government history's installments (manuscript records,
    // Ibid. chains, op. cit.); 78.8% of all 612 then; 78.6% of 775; two art-history articles (98
    // notes: manuscripts by shelfmark, works of art, catalogues) came in at 53.1%; 79.8% of 873 then. One more (51 notes), keyed at the end of a stop,
    // came in at 54.9%: 78.5% of 924. A Getty notice (33 notes, a sketchbook "hereafter cited as")
    // came in at 60.6%: 79.4% of 957. A museum chapter whose notes give each work as an author–date
    // list writes it ("Williams, J. (1837). A narrative …, p. 113") came in at 12.3% (7 of 57): 76.0%
    // of 1,014; 79.6% after the rules it prompted (43 of 57). Three museum essays (76 notes, page
    // ranges typeset with the minus sign) came in at 60.5%: 80.5% of 1,090 after.
    const notesOnly = totals['notes-dev'];
    assert.ok(notesOnly.notes >= 1090, `${notesOnly.notes} notes keyed`);
    assert.ok(notesOnly.exact / notesOnly.notes >= 0.79, `${notesOnly.exact}/${notesOnly.notes}`);
    // No false "matches no entry" until an article keyed at the end of a stop (two: a work given in
    // full only after "quoted in", whose short forms follow); precision 0.85 or more since.
    const { unresolved } = notesOnly;
    assert.ok(unresolved.tp / Math.max(1, unresolved.tp + unresolved.fp) >= 0.85, JSON.stringify(unresolved));
  });
});

