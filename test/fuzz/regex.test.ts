/**
 * Catastrophic backtracking: every exported function of the model and the features that runs a
 * regular expression over text a writer controls is fed 100 kB adversarial strings: long runs
 * of the characters and words the patterns repeat, ending in a mismatch. A linear pattern
 * handles each in milliseconds; a quadratic or exponential one takes seconds to forever.
 *
 * So that a blow-up fails in seconds instead of holding the suite for minutes, each input is
 * first run at 10 kB and 20 kB: when doubling the input more than triples the time (measured
 * twice, and over 60 ms), the growth is superlinear and the test fails with the 100 kB time it
 * predicts, without running it. Otherwise the 100 kB input runs and must finish under 2 s, or,
 * when the machine is busy with other work, in line with the 20 kB run (at most three times the
 * linear extrapolation), and under 10 s whatever the load: the point is to catch blow-ups.
 * Each function's slowest input and time are printed.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../server/src/model/analyse';
import { cleanHeading, isBibliographyHeading } from '../../server/src/model/bibliography/assemble';
import { findDates as findEntryDates, findYears } from '../../server/src/model/bibliography/dates';
import { acronymOf, documentIds } from '../../server/src/model/bibliography/documents';
import { parseEntry, parsePeople } from '../../server/src/model/bibliography/entry';
import { indexBibliography } from '../../server/src/model/bibliography/index';
import { findTitles, stripMarkup, titleWords } from '../../server/src/model/bibliography/spans';
import { findLocator } from '../../server/src/model/citations/locator';
import { resolveCitation } from '../../server/src/model/citations/resolve';
import { segmentNote } from '../../server/src/model/citations/segment';
import { analyseParagraph, splitSentences } from '../../server/src/model/claims/index';
import { findQuotes, wordCount } from '../../server/src/model/claims/quotes';
import { findBodyVerbs, findHistoriography, findSubjectVerbs } from '../../server/src/model/claims/rules/attribution';
import { findDates as findClaimDates, findDocuments } from '../../server/src/model/claims/rules/detail';
import { isOwnAnalysis, isOwnArgument, isOwnMethod } from '../../server/src/model/claims/rules/ownArgument';
import { findQuotations } from '../../server/src/model/claims/rules/quotation';
import { findStatistics } from '../../server/src/model/claims/rules/statistic';
import { findVagueAttributions } from '../../server/src/model/claims/rules/vague';
import { splitBlocks } from '../../server/src/model/blocks';
import { parseBlock } from '../../server/src/model/parseBlock';
import { foldName } from '../../server/src/model/text';
import { provideCompletion } from '../../server/src/features/completion';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols';
import { provideHover } from '../../server/src/features/hover';
import { provideRename } from '../../server/src/features/rename';
import { renderEntry } from '../../server/src/features/render';
import { provideCodeActions } from '../../server/src/features/codeActions';
import type { Essay } from '../../server/src/model/types';
import { describeClaim } from '../../server/src/model/claims/describe';
import { corpus, report } from './support';

const SIZE = Number(process.env.REGEX_FUZZ_SIZE) || 100_000;
const BOUND_MS = 2000;
/** Even linear work this slow on 100 kB would freeze the editor. */
const HARD_CAP_MS = 10_000;

/**
 * What the patterns repeat: whitespace, letters in both cases, initials, digits and ranges,
 * punctuation, quotes, brackets, markup, and the words the rules look for.
 */
const atoms = [
  ' ', '\t', '\n', ' \n', 'a', 'A', 'Aa', 'Aa ', 'A.', 'A. ', 'A.A', 'é', 'Ж', '1', '12', '1-', '1, ', '1–', '1950', '1950 ', '(1950', '(1950) ',
  '.', '. ', ',', ', ', ':', ': ', ';', '*', '**', '_', '*a', '_a ', '"', '"a', "'", "'a ", '“', '‘', '(', '()', ')', '[', ']', '[^', '[^1]', '[1]',
  '-', '--', '—', '#', '# ', '>', '`', '<', '<!--', '|', '/', '\\', '=', '&',
  'p.', 'p. ', 'pp.', 'pp. 1-', 'p.1, ', 'ibid ', 'Ibid. ', 'in ', 'by ', 'see ', 'said ', 'argued ', 'historians ', 'some ', 'the ', 'and ', ', and ',
  'et al. ', 'e.g. ', 'ed. ', 'eds. ', 'trans. ', 'vol. ', 'Vol. 1 ', 'No. ', 'NSC ', 'NSC 68 ', 'FRUS ', 'Report ', 'Memorandum ', 'Mr. ', 'I ', 'we ',
  'June ', '25 June ', 'June 25, ', 'spring ', 'per cent ', '% ', '$', 'http://', 'http://a.b/', 'www.', 'Smith, ', 'Smith, J. ', 'Smith J.W., ',
  'Goncharov ', "Stalin's ", 'Stalin’s ', 'fond ', 'f. 1 ', 'MS. ', 'RG 59 ',
  'have ', 'a letter ', 'a public ', 'from ', 'claims ', 'Indian claims ', 'topic "', '" topic ', 'figure 1 ', 'the data ', '279-C ', 'My ',
  // (An author–date list's authors with two spaces between them: 2^n readings once, in review.)
  'Smith, A.  ', 'see Plato, ', 'Polybius 6.1', '*Iliad* 1.1, ',
];
/** How an adversarial string ends: nothing, or a character no pattern wants there. */
const endings = ['', '!', '\u0001', 'x', '1', ')'];

function adversarial(atom: string, index: number, size: number): string {
  const body = atom.repeat(Math.ceil(size / atom.length)).slice(0, size);
  return body + endings[index % endings.length];
}

interface Target {
  name: string;
  run: (text: string) => unknown;
}

const bibliographyIndex = indexBibliography(analyseEssay(corpus[0].text).bibliography.entries);
const small = analyseEssay('Body.[^1]\n\n[^1]: Goncharov, p.1.\n\n## Bibliography\n\nGoncharov, Sergei. *Uncertain Partners* (Stanford: Stanford University Press, 1993).');
const paragraph = (text: string) => ({ text, markers: [], excluded: [] });

const targets: Target[] = [
  { name: 'splitBlocks', run: splitBlocks },
  { name: 'findTitles', run: findTitles },
  { name: 'stripMarkup', run: stripMarkup },
  { name: 'titleWords', run: titleWords },
  { name: 'findLocator', run: findLocator },
  { name: 'segmentNote', run: segmentNote },
  { name: 'segmentNote + resolveCitation', run: (text) => segmentNote(text).slice(0, 20).map((draft) => resolveCitation(draft, bibliographyIndex)) },
  { name: 'parseEntry', run: parseEntry },
  { name: 'parsePeople', run: parsePeople },
  { name: 'findDates (bibliography)', run: findEntryDates },
  { name: 'findYears', run: findYears },
  { name: 'documentIds', run: documentIds },
  { name: 'acronymOf', run: acronymOf },
  { name: 'cleanHeading', run: cleanHeading },
  { name: 'isBibliographyHeading', run: isBibliographyHeading },
  { name: 'foldName', run: foldName },
  { name: 'findQuotes', run: findQuotes },
  { name: 'wordCount', run: wordCount },
  { name: 'splitSentences', run: (text) => splitSentences(text, findQuotes(text)) },
  { name: 'findQuotations', run: (text) => findQuotations(text, findQuotes(text)) },
  { name: 'findStatistics', run: (text) => findStatistics(text, findClaimDates(text)) },
  { name: 'findDates (claims)', run: findClaimDates },
  { name: 'findDocuments', run: findDocuments },
  { name: 'findSubjectVerbs', run: findSubjectVerbs },
  { name: 'findBodyVerbs', run: findBodyVerbs },
  { name: 'findHistoriography', run: findHistoriography },
  { name: 'findVagueAttributions', run: findVagueAttributions },
  { name: 'isOwnArgument', run: isOwnArgument },
  { name: 'isOwnMethod', run: isOwnMethod },
  { name: 'isOwnAnalysis', run: isOwnAnalysis },
  { name: 'analyseParagraph', run: (text) => analyseParagraph(paragraph(text)) },
  { name: 'completion on a long line', run: (text) => provideCompletion(small, text, { line: 2, character: text.length }) },
  { name: 'rename to a long name', run: (text) => { try { return provideRename(small, 'file:///x.md', { line: 0, character: 6 }, text); } catch { return null; } } },
];

/** The small essay with one field replaced by adversarial text: reaches the features' own patterns. */
function injected(text: string): Essay {
  const essay = structuredClone(small);
  essay.headings = [{ text, depth: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } } }];
  const entry = essay.bibliography.entries[0];
  Object.assign(entry, { text, title: text, container: text, pages: { text, from: 1, to: 2 }, season: text, issue: text });
  const note = essay.notes[0];
  note.text = text;
  for (const citation of note.citations) Object.assign(citation, { text, locator: { text, from: '1', to: null }, mediatedBy: text });
  return essay;
}

const features: Target[] = [
  { name: 'outline of a heading', run: (text) => provideDocumentSymbols(injected(text)) },
  { name: 'hover on the marker', run: (text) => provideHover(injected(text), { line: 0, character: 6 }) },
  { name: 'hover on the note', run: (text) => provideHover(injected(text), { line: 2, character: 8 }) },
  { name: 'renderEntry', run: (text) => renderEntry(injected(text).bibliography.entries[0]) },
  { name: 'completion in the note', run: (text) => provideCompletion(injected(text), '[^1]: Goncharov, p.1. Go', { line: 2, character: 24 }) },
  { name: 'code actions in the note', run: (text) => provideCodeActions(injected(text), 'file:///x.md', { textDocument: { uri: 'file:///x.md' }, range: { start: { line: 2, character: 6 }, end: { line: 2, character: 21 } }, context: { diagnostics: [] } }) },
  { name: 'describeClaim', run: (text) => describeClaim({ sentence: text, start: 0, end: text.length, reasons: ['quotation', 'statistic', 'specific-detail', 'reported-speech-or-thought', 'historiography'], evidence: (['quotation', 'statistic', 'specific-detail', 'reported-speech-or-thought', 'historiography', 'vague-attribution'] as const).map((reason) => ({ reason, text, start: 0, end: text.length })), supportedBy: [], suppressed: false }) },
];

/** Whole-pipeline targets, slower per call: run on fewer atoms, inside a word ("a…b") so nothing is trimmed away. */
const pipelineTargets: Target[] = [
  { name: 'parseBlock (one paragraph)', run: parseBlock },
  { name: 'a heading, analysed', run: (text) => provideDocumentSymbols(analyseEssay(`# a${text.replace(/\n/g, ' ')}b\n\nBody.`)) },
  { name: 'a note, analysed', run: (text) => analyseEssay(`Body.[^1]\n\n[^1]: Goncharov, ${text.replace(/\n/g, ' ')}, p.1.\n\n## Bibliography\n\nGoncharov, Sergei. *Uncertain Partners* (Stanford: Stanford University Press, 1993).`) },
  { name: 'a bibliography entry, analysed', run: (text) => analyseEssay(`Body.[^1]\n\n[^1]: Smith, p.1.\n\n## Bibliography\n\nSmith, John. ${text.replace(/\n/g, ' ')} (London: Press, 1990).`) },
];
const pipelineAtoms = [' ', 'A', 'Ж', 'Aa ', 'A. ', '1-', '(1950', '_a ', '"a', '[', '#', ' .', 'p. ', 'Smith, J. ', 'et al. ', 'http://a.b/', ', and ', ':'];

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

interface Measured {
  worst: number;
  atom: string;
  total: number;
}

/** Runs `target` on every atom at 10 kB and 20 kB (growth check), then at SIZE. */
function measure(target: Target, atomList: string[]): Measured {
  const result: Measured = { worst: 0, atom: '', total: 0 };
  atomList.forEach((atom, i) => {
    let at10 = timed(() => target.run(adversarial(atom, i, 10_000)));
    let at20 = timed(() => target.run(adversarial(atom, i, 20_000)));
    // A collection or a busy core can triple a few tens of milliseconds: measure again (the
    // fastest of up to four runs each) before judging. Quadratic work stays quadratic in every run.
    for (let again = 0; again < 3 && at20 > 3 * at10; again++) {
      at10 = Math.min(at10, timed(() => target.run(adversarial(atom, i, 10_000))));
      at20 = Math.min(at20, timed(() => target.run(adversarial(atom, i, 20_000))));
    }
    // A 10 kB run that the JIT or a quiet moment made unusually fast can still put a linear target
    // over ×3: confirm from 20 to 40 kB, where quadratic work is ×4 again and linear work ×2.
    // The 40 kB figure is the faster of two runs: one collection during it must not make linear work look quadratic.
    const at40 = () => Math.min(timed(() => target.run(adversarial(atom, i, 40_000))), timed(() => target.run(adversarial(atom, i, 40_000))));
    const confirmed = at20 > 60 && at20 > 3 * at10 && at40() > 3 * at20;
    if (confirmed) {
      const predicted = at20 * (SIZE / 20_000) ** 2;
      assert.fail(`${target.name} grows superlinearly on ${JSON.stringify(atom)} repeated: ${at10.toFixed(0)} ms at 10 kB, ${at20.toFixed(0)} ms at 20 kB, about ${(predicted / 1000).toFixed(0)} s predicted at ${SIZE / 1000} kB (not run)`);
    }
    const ms = timed(() => target.run(adversarial(atom, i, SIZE)));
    result.total += ms;
    if (ms > result.worst) Object.assign(result, { worst: ms, atom });
    // Over the bound, the run must also be out of line with the 20 kB one: on a machine busy with
    // other work every run is slow alike, and linear work at five times the size takes about five
    // times as long. A blow-up is far beyond both; the hard cap catches a pathologically slow linear one.
    const linear = at20 * (SIZE / 20_000);
    const blownUp = ms > HARD_CAP_MS || (ms > BOUND_MS && ms > 3 * linear);
    assert.ok(!blownUp, `${target.name} took ${ms.toFixed(0)} ms on ${JSON.stringify(atom)} repeated to ${SIZE / 1000} kB (bound ${BOUND_MS} ms, or ${(3 * linear).toFixed(0)} ms from the 20 kB run; ${at10.toFixed(0)} ms at 10 kB, ${at20.toFixed(0)} ms at 20 kB)`);
  });
  return result;
}

/**
 * Targets this test finds quadratic and that are not fixed yet: their tests sit in a KNOWN BUGS
 * block and fail until the pattern is fixed; then the name comes out of this list. Found and
 * fixed so far (see docs/robustness.md): documentIds (so parseEntry, resolveCitation, every
 * entry), cleanHeading (so every heading), segmentNote on runs of semicolons, and the
 * trailing-trim patterns of the outline, renderEntry, hover, completion and describeClaim.
 */
const knownQuadratic = new Set<string>([]);

const groups: [string, Target[], string[]][] = [
  ['model', targets, atoms],
  ['feature', features, atoms],
  ['pipeline', pipelineTargets, pipelineAtoms],
];

function defineTests(known: boolean): void {
  for (const [group, list, atomList] of groups) {
    for (const target of list.filter((t) => knownQuadratic.has(t.name) === known)) {
      it(`${group} ${target.name}: ${atomList.length} adversarial strings, each under ${BOUND_MS} ms`, () => {
        const { worst, atom, total } = measure(target, atomList);
        report(`${target.name}: slowest ${worst.toFixed(0)} ms on ${JSON.stringify(atom)} repeated; all ${atomList.length} in ${total.toFixed(0)} ms`);
      });
    }
  }
}

describe(`regular expressions: no catastrophic backtracking on ${SIZE / 1000} kB adversarial strings`, function () {
  this.timeout(600_000);
  defineTests(false);
});

if (knownQuadratic.size > 0) {
  describe('KNOWN BUGS (issue 7): quadratic regular expressions, failing until fixed', function () {
    this.timeout(600_000);
    defineTests(true);
  });
}
