import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, CodeActionParams, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { ApparatusCodeActionKind, provideCodeActions } from '../../../server/src/features/codeActions';
import { renumberNotesEdits } from '../../../server/src/features/renumber';
import type { Diagnostic, Essay, Position, Range } from '../../../server/src/model/types';
import { checkCitationFixes } from './citationFixes';
import { analyse, applyWorkspaceEdit, labelsInOrder, oneTo, sample, URI } from './helpers';

const root = path.resolve(__dirname, '../../..');

function params(range: Range, options: { only?: string[]; diagnostics?: LspDiagnostic[] } = {}): CodeActionParams {
  return { textDocument: { uri: URI }, range, context: { diagnostics: options.diagnostics ?? [], only: options.only } };
}

function actionsAt(text: string, range: Range, only?: string[]): CodeAction[] {
  return provideCodeActions(analyse(text), URI, params(range, { only }));
}

function caret(position: Position): Range {
  return { start: position, end: position };
}

/** The model diagnostic with this code (and, when given, on the line containing `lineContains`). */
function diagnosticOf(essay: Essay, code: string, lineContains?: string): Diagnostic {
  const lines = essay.text.split('\n');
  const found = essay.diagnostics.find((d) => d.code === code && (!lineContains || lines[d.range.start.line].includes(lineContains)));
  assert.ok(found, `the model reports ${code}${lineContains ? ` on "${lineContains}"` : ''}`);
  return found;
}

function only(actions: CodeAction[], title: RegExp): CodeAction {
  const matching = actions.filter((action) => title.test(action.title));
  assert.equal(matching.length, 1, `one action titled ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
  return matching[0];
}

/** Apply the action titled `title` offered for the model's `code` diagnostic; return the new text. */
function fix(text: string, code: string, title: RegExp, lineContains?: string): string {
  const diagnostic = diagnosticOf(analyse(text), code, lineContains);
  const action = only(actionsAt(text, diagnostic.range).filter((a) => a.kind === 'quickfix'), title);
  return applyWorkspaceEdit(text, action.edit);
}

function endOfLineContaining(text: string, needle: string): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, `no line contains ${needle}`);
  return { line, character: lines[line].length };
}

const defects = sample('defects.md');
const korea = sample('korea-1950.md');

describe('code action: add the missing note', () => {
  it('adds a stub for note 7 after the last definition of the defects sample', () => {
    const after = fix(defects, 'missing-note', /^Add a definition for note 7$/);
    assert.ok(defects.endsWith('[^21]: Kennan, p.490\n'));
    assert.equal(after, `${defects.slice(0, -1)}\n\n[^7]: \n`);
    assert.ok(!analyse(after).diagnostics.some((d) => d.code === 'missing-note'), 'marker 7 now has its note');
  });

  it('keeps a blank line before and after the stub when text follows the last note', () => {
    const before = 'A[^1] and B[^2].\n\n[^1]: One.\n## After the notes\n';
    assert.equal(fix(before, 'missing-note', /note 2/), 'A[^1] and B[^2].\n\n[^1]: One.\n\n[^2]: \n\n## After the notes\n');
  });

  it('writes the stub in endnote form for an essay in endnote form', () => {
    const before = 'One[1] and two[2].\n\n[1] Goncharov, p.135\n';
    assert.equal(fix(before, 'missing-note', /note 2/), 'One[1] and two[2].\n\n[1] Goncharov, p.135\n\n[2] \n');
  });

  it('adds the stub at the end of an essay without notes, separated by a blank line', () => {
    assert.equal(fix('Text[^1].\n', 'missing-note', /note 1/), 'Text[^1].\n\n[^1]: \n');
    assert.equal(fix('Text[^1].', 'missing-note', /note 1/), 'Text[^1].\n\n[^1]: ');
    assert.equal(fix('Text[^1].\n\n', 'missing-note', /note 1/), 'Text[^1].\n\n[^1]: \n');
  });
});

describe('code action: remove an unused note', () => {
  it('removes note 21 of the defects sample and the blank line before it', () => {
    const after = fix(defects, 'unused-note', /^Remove unused note 21$/);
    assert.equal(after, defects.replace('\n\n[^21]: Kennan, p.490\n', '\n'));
    assert.ok(!analyse(after).diagnostics.some((d) => d.code === 'unused-note'));
  });

  it('removes a note with its continuation lines and the blank line after it, nothing else', () => {
    const before = 'A[^1] and B[^3].\n\n[^1]: One.\n\n[^2]: Two,\n    continued.\n\n[^3]: Three.\n';
    assert.equal(fix(before, 'unused-note', /note 2/), 'A[^1] and B[^3].\n\n[^1]: One.\n\n[^3]: Three.\n');
  });
});

describe('code action: repeated definition', () => {
  it('removes the second of two identical definitions of note 10 in the defects sample', () => {
    const after = fix(defects, 'duplicate-note', /^Remove the repeated definition of note 10$/);
    const repeated = '[^10]: Stueck W.W., *The Korean War: An International History* (Princeton, NJ: Princeton University Press, 1995), p.91\n\n';
    const first = defects.indexOf(repeated);
    assert.equal(after, defects.slice(0, first + repeated.length) + defects.slice(first + 2 * repeated.length));
    assert.ok(!analyse(after).diagnostics.some((d) => d.code === 'duplicate-note'));
  });

  it('offers nothing when the two definitions say different things', () => {
    const before = 'A[^1].\n\n[^1]: One text.\n\n[^1]: Another text.\n';
    const diagnostic = diagnosticOf(analyse(before), 'duplicate-note');
    assert.deepEqual(actionsAt(before, diagnostic.range).filter((a) => /repeated/.test(a.title)), []);
  });
});

describe('code action: full reference at the first citation', () => {
  it("writes out Kennan's full reference, with the note's page, in the defects sample", () => {
    const after = fix(defects, 'short-form-before-full', /^Write the full reference here \(first citation of Kennan \(1967\)\)$/);
    assert.equal(after, defects.replace('[^4]: Kennan, p.488', '[^4]: Kennan G.F., *Memoirs 1925-1950* (Boston: Little, Brown, 1967), p.488'));
    const note = analyse(after).notes.find((n) => n.label === '4');
    assert.equal(note?.citations[0].kind, 'full');
    assert.deepEqual(note?.citations[0].entries, ['kennan1967']);
    assert.ok(!analyse(after).diagnostics.some((d) => d.code === 'short-form-before-full'));
  });

  it("replaces an article's page range with the note's locator (the reference essay's Weathersby)", () => {
    const after = fix(korea, 'short-form-before-full', /first citation of Weathersby/, '[^13]: Weathersby');
    assert.equal(after, korea.replace('[^13]: Weathersby (winter 1995), p.32', "[^13]: Weathersby K., 'New Russian Documents on the Korean War' *CWIHP* (winter 1995), p.32"));
    assert.deepEqual(analyse(after).notes.find((n) => n.label === '13')?.citations[0].entries, ['weathersby1995b']);
  });

  it('offers nothing where the flagged range is not one whole short citation', () => {
    const diagnostic = diagnosticOf(analyse(korea), 'short-form-before-full', '[^4]: e.g. Stueck');
    assert.ok(!actionsAt(korea, diagnostic.range).some((a) => /full reference/.test(a.title)));
  });
});

describe('code action: say which work an ambiguous citation means', () => {
  it('offers each Weathersby for "Weathersby, p.32", and the choice resolves', () => {
    const diagnostic = diagnosticOf(analyse(defects), 'ambiguous-citation', '[^11]: Weathersby, p.32');
    const titles = actionsAt(defects, diagnostic.range).filter((a) => a.kind === 'quickfix').map((a) => a.title);
    assert.deepEqual(titles, ['Replace "Weathersby, p.32" with "Weathersby (1995), p.32"', 'Replace "Weathersby, p.32" with "Weathersby (1993), p.32"']);
    const after = fix(defects, 'ambiguous-citation', /with "Weathersby \(1993\), p\.32"/, '[^11]');
    assert.equal(after, defects.replace('[^11]: Weathersby, p.32', '[^11]: Weathersby (1993), p.32'));
    assert.deepEqual(analyse(after).notes.find((n) => n.label === '11')?.citations[0].entries, ['weathersby1993']);
  });

  it('offers each source of the previous note for an ambiguous Ibid., keeping its page', () => {
    const after = fix(defects, 'ambiguous-ibid', /with "Goncharov et al\. \(1993\), p\.144"/, '[^13]');
    assert.equal(after, defects.replace('[^13]: Ibid., p.144', '[^13]: Goncharov et al. (1993), p.144'));
    assert.deepEqual(analyse(after).notes.find((n) => n.label === '13')?.citations[0].entries, ['goncharov1993']);
    assert.ok(!analyse(after).diagnostics.some((d) => d.code === 'ambiguous-ibid'));
  });
});

describe('code action: near-match', () => {
  it("replaces Goncharow with the bibliography's Goncharov, exactly", () => {
    const after = fix(defects, 'near-match', /^Replace "Goncharow" with "Goncharov"$/);
    assert.equal(after, defects.replace('[^17]: Goncharow, p.150', '[^17]: Goncharov, p.150'));
    assert.ok(!analyse(after).diagnostics.some((d) => d.code === 'near-match'));
  });

  it('links the editor diagnostic it fixes', () => {
    const essay = analyse(defects);
    const model = diagnosticOf(essay, 'near-match');
    const sent: LspDiagnostic = { range: model.range, message: model.message, code: 'near-match', source: 'apparatus' };
    const actions = provideCodeActions(essay, URI, params(model.range, { diagnostics: [sent] }));
    assert.deepEqual(only(actions, /Goncharov/).diagnostics, [sent]);
  });
});

describe('code action: renumber all notes', () => {
  it('is a quick fix for note-order and renumbers the defects sample 1…N', () => {
    const after = fix(defects, 'note-order', /^Renumber all notes in order of appearance$/);
    const { markers, definitions } = labelsInOrder(analyse(after));
    assert.deepEqual([...new Set(markers)], oneTo(new Set(markers).size), 'markers 1…N in order of appearance');
    const numbers = definitions.map(Number);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'definitions in numeric order');
    // The marker without a note (7) keeps a number of its own; the unused note goes last.
    assert.ok(markers.includes('7') && !definitions.includes('7'));
    assert.equal(analyse(after).notes.find((note) => note.label === String(Math.max(...numbers)))?.text, 'Kennan, p.490');
    assert.deepEqual(renumberNotesEdits(analyse(after)), [], 'a second renumbering changes nothing, duplicate note included');
  });

  it('is offered as a source action anywhere in an essay whose notes are out of order', () => {
    const anywhere = caret({ line: 0, character: 0 });
    const action = only(actionsAt(defects, anywhere, ['source']), /Renumber/);
    assert.equal(action.kind, ApparatusCodeActionKind.RenumberNotes);
    assert.ok(!actionsAt(korea, anywhere, ['source']).some((a) => /Renumber/.test(a.title)), 'not offered when notes are in order');
  });

  it('is offered once when the editor asks for every kind at a note-order warning', () => {
    const model = diagnosticOf(analyse(defects), 'note-order');
    assert.equal(actionsAt(defects, model.range).filter((a) => /Renumber/.test(a.title)).length, 1);
  });

  it('honours the kinds the editor asks for', () => {
    const model = diagnosticOf(analyse(defects), 'near-match');
    assert.ok(actionsAt(defects, model.range, ['source']).every((a) => a.kind?.startsWith('source')));
    assert.ok(actionsAt(defects, model.range, ['quickfix']).every((a) => a.kind === 'quickfix'));
  });
});

describe('code action: convert endnotes to footnotes', () => {
  it('is offered for an essay in endnote form and converts it', () => {
    const endnotes = sample('korea-1950-endnotes.md');
    const action = only(actionsAt(endnotes, caret({ line: 0, character: 0 }), ['source']), /Convert endnotes/);
    assert.equal(action.kind, ApparatusCodeActionKind.ConvertEndnotes);
    const after = applyWorkspaceEdit(endnotes, action.edit);
    assert.equal(analyse(after).form, 'footnote');
    assert.ok(after.includes('[^12]: Khrushchev in Talbott, pp.333-34'));
  });

  it('is not offered for an essay in footnote form', () => {
    assert.ok(!actionsAt(korea, caret({ line: 0, character: 0 })).some((a) => /Convert endnotes/.test(a.title)));
  });
});

describe('code action: cite an uncited source', () => {
  it('inserts "Stueck (1976), p." after a citation in a note of the reference essay', () => {
    const cursor = endOfLineContaining(korea, '[^39]: May, pp.75-82');
    const action = only(actionsAt(korea, caret(cursor)), /^Cite Stueck \(1976\)/);
    assert.equal(action.kind, ApparatusCodeActionKind.CiteSource);
    assert.equal(applyWorkspaceEdit(korea, action.edit), korea.replace('[^39]: May, pp.75-82', '[^39]: May, pp.75-82; Stueck (1976), p.'));
  });

  it('offers one action per uncited entry and fills an empty note without a separator', () => {
    const withStub = fix(defects, 'missing-note', /note 7/);
    const cursor = endOfLineContaining(withStub, '[^7]: ');
    const cite = actionsAt(withStub, caret(cursor)).filter((a) => a.kind === ApparatusCodeActionKind.CiteSource);
    const uncited = analyse(withStub).diagnostics.filter((d) => d.code === 'uncited-source');
    assert.equal(cite.length, uncited.length);
    const after = applyWorkspaceEdit(withStub, only(cite, /^Cite Rees \(1964\)/).edit);
    assert.ok(after.endsWith('\n[^7]: Rees (1964), p.\n'));
    assert.ok(!analyse(after).diagnostics.some((d) => d.code === 'uncited-source' && d.data?.key === 'rees1964'), 'Rees is now cited');
  });

  it('is not offered on a note definition opening', () => {
    const line = korea.split('\n').findIndex((candidate) => candidate.startsWith('[^39]: May'));
    for (const character of [0, 2, 4, 5]) {
      assert.ok(!actionsAt(korea, caret({ line, character })).some((a) => a.kind === ApparatusCodeActionKind.CiteSource), `column ${character}`);
    }
    assert.ok(actionsAt(korea, caret({ line, character: 7 })).some((a) => a.kind === ApparatusCodeActionKind.CiteSource), 'at the start of the text');
  });

  it('offers at most 25, in bibliography order, when many sources are uncited', () => {
    const surnames = Array.from({ length: 30 }, (_, i) => `Author${String.fromCharCode(65 + (i % 26))}${i >= 26 ? 'x' : ''}`);
    const entries = surnames.map((surname, i) => `${surname} J., *A Study Numbered ${i + 1}* (London: Macmillan, ${1900 + i})`);
    const text = `A claim[^1].\n\n## Bibliography\n\n${entries.join('\n\n')}\n\n[^1]: Some note\n`;
    const cursor = endOfLineContaining(text, '[^1]: Some note');
    const cite = actionsAt(text, caret(cursor)).filter((a) => a.kind === ApparatusCodeActionKind.CiteSource);
    // All 30 uncited: one diagnostic on the heading names them all.
    const uncited = analyse(text).diagnostics.filter((d) => d.code === 'uncited-source');
    assert.equal(uncited.length, 1);
    assert.equal(uncited[0].data?.uncitedKeys?.split(' ').length, 30);
    assert.equal(cite.length, 25);
    assert.equal(cite[0].title, 'Cite AuthorA (1900) (not yet cited)');
  });

  it('is not offered in the body', () => {
    const cursor = endOfLineContaining(korea, "'To want' is a strong word.");
    assert.ok(!actionsAt(korea, caret({ line: cursor.line, character: 5 })).some((a) => a.kind === ApparatusCodeActionKind.CiteSource));
  });
});

describe('code action: unsupported claims', () => {
  const acheson = 'Acheson believed that the Chinese would not risk intervention for the sake of Korea.';

  it('inserts a footnote after the final full stop where the essay puts markers there', () => {
    const after = fix(defects, 'unsupported-claim/reported-speech-or-thought', /^Insert a footnote here \(note 22\)$/, 'Acheson believed');
    assert.equal(after, `${defects.replace(acheson, `${acheson}[^22]`).slice(0, -1)}\n\n[^22]: \n`);
    const claim = analyse(after).claims.find((c) => c.sentence.startsWith('Acheson believed'));
    assert.deepEqual(claim?.supportedBy, ['22']);
  });

  it('inserts the marker before the final full stop where the essay puts markers there (the reference essay)', () => {
    const sentence = 'The two volumes of *The Origins of the Korean War* by Cumings broke new ground in focusing on the pre-war years and emphasizing the civil origin of the conflict.';
    const after = fix(korea, 'unsupported-claim/historiography', /^Insert a footnote here \(note 41\)$/, 'The two volumes');
    const expected = korea.replace(sentence, `${sentence.slice(0, -1)}[^41].`).replace('[^40]: Truman, p.358\n', '[^40]: Truman, p.358\n\n[^41]: \n');
    assert.equal(after, expected);
  });

  it('silences the sentence with an ignore comment right after it', () => {
    const after = fix(defects, 'unsupported-claim/reported-speech-or-thought', /^Ignore this sentence/, 'Acheson believed');
    assert.equal(after, defects.replace(acheson, `${acheson} <!-- apparatus-ignore -->`));
    const claim = analyse(after).claims.find((c) => c.sentence.startsWith('Acheson believed'));
    assert.equal(claim?.suppressed, true);
    assert.ok(!analyse(after).diagnostics.some((d) => d.code === 'unsupported-claim/reported-speech-or-thought' && d.range.start.line === claim?.range.start.line));
  });

  it("silences a paragraph's first sentence without turning the line into HTML", () => {
    const sentence = "Pyongyang's reliance on Moscow for politico-ideological guidance and economic and military assistance since 1945 has led traditionalists to interpret Kim Il Sung's unification ambitions as not only supervised and fuelled, but also triggered by, Stalin's own expansionist goals.";
    const after = fix(korea, 'unsupported-claim/historiography', /^Ignore this sentence/, "Pyongyang's reliance");
    assert.equal(after, korea.replace(sentence, `${sentence} <!-- apparatus-ignore -->`));
    const claims = analyse(after).claims;
    assert.equal(claims.find((c) => c.sentence.startsWith("Pyongyang's reliance"))?.suppressed, true);
    assert.ok(claims.some((c) => c.sentence.startsWith('By the spring of 1950') && !c.suppressed), 'the next paragraph is still checked');
  });

  it('offers only to silence a vague attribution', () => {
    const sentence = 'Some historians have argued that the real decision was taken in Tokyo rather than in Washington.';
    const diagnostic = diagnosticOf(analyse(defects), 'vague-attribution', 'Some historians');
    const actions = actionsAt(defects, diagnostic.range).filter((a) => a.kind === 'quickfix');
    assert.deepEqual(actions.map((a) => a.title), ['Ignore this sentence (needs no citation)']);
    const after = applyWorkspaceEdit(defects, actions[0].edit);
    assert.equal(after, defects.replace(sentence, `${sentence} <!-- apparatus-ignore -->`));
    assert.ok(!analyse(after).diagnostics.some((d) => d.code === 'vague-attribution'));
  });

  it('offers each fix once when one marker is reported twice', () => {
    const before = 'One[^7] and again[^7].\n\n[^1]: x\n';
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } };
    const adds = actionsAt(before, whole).filter((a) => /Add a definition for note 7/.test(a.title));
    assert.equal(adds.length, 1);
  });
});

describe('code action: citation fixes change exactly the span they correct (issue 15)', () => {
  const stueck = [
    'Stueck W.W., *The Road to Confrontation: American Policy toward China and Korea, 1947-1950* (Chapel Hill: University of North Carolina Press, 1981)',
    'Stueck W.W., *Rethinking the Korean War: a New Diplomatic and Strategic History* (Oxford: Oxford University Press, 2002)',
    'Cumings B., *The Origins of the Korean War* (Princeton: Princeton University Press, 1981)',
  ];
  const essay = (...notes: string[]): string =>
    `${notes.map((_, i) => `Claim ${i + 1}.[^${i + 1}]`).join(' ')}\n\n## Bibliography\n\n${stueck.join('\n\n')}\n\n${notes.map((note, i) => `[^${i + 1}]: ${note}`).join('\n\n')}\n`;
  const quickFixes = (text: string, code: string, lineContains?: string): CodeAction[] => {
    const diagnostic = diagnosticOf(analyse(text), code, lineContains);
    return actionsAt(text, diagnostic.range).filter((a) => a.kind === 'quickfix');
  };

  it('offers nothing on note 4 of the reference essay, where no Stueck work is near 1995, and leaves the note alone', () => {
    const diagnostic = diagnosticOf(analyse(korea), 'unresolved-citation', '[^4]: e.g. Stueck');
    assert.equal(korea.split('\n')[diagnostic.range.start.line].slice(diagnostic.range.start.character, diagnostic.range.end.character), '1995');
    // Neither as a quick fix nor as "cite a source": the old "Cite Stueck (1976)" replaced the year with "Stueck (1976), p.".
    assert.deepEqual(actionsAt(korea, diagnostic.range).map((a) => a.title), []);
    for (const at of [diagnostic.range.start, diagnostic.range.end]) {
      assert.ok(!actionsAt(korea, caret(at)).some((a) => /^Cite/.test(a.title)), `nothing inside the citation at ${at.character}`);
    }
  });

  it('replaces a mistyped year, and only it, with the year of the work it can have meant', () => {
    const text = essay('See Stueck (1982), p.74, on the decision.');
    const titles = quickFixes(text, 'unresolved-citation').map((a) => a.title);
    assert.deepEqual(titles, ['Cite Stueck (1981): replace "1982" with "1981"']);
    const after = fix(text, 'unresolved-citation', /^Cite Stueck \(1981\)/);
    assert.equal(after, text.replace('See Stueck (1982), p.74, on the decision.', 'See Stueck (1981), p.74, on the decision.'));
    assert.deepEqual(analyse(after).notes[0].citations[0].entries, ['stueck1981']);
  });

  it('replaces one year of a list ("Stueck (1981, 2012)"), keeping the other', () => {
    const text = essay('e.g. Stueck (1981, 2012)');
    const after = fix(text, 'unresolved-citation', /^Cite Stueck \(2002\): replace "2012" with "2002"$/);
    assert.equal(after, text.replace('e.g. Stueck (1981, 2012)', 'e.g. Stueck (1981, 2002)'));
    assert.deepEqual(analyse(after).notes[0].citations.map((c) => c.entries), [['stueck1981'], ['stueck2002']]);
  });

  it('reads a far year as the work whose title the citation gives', () => {
    const text = essay('Stueck, *Rethinking the Korean War* (Oxford: Oxford University Press, 1972), p.12');
    assert.deepEqual(quickFixes(text, 'unresolved-citation').map((a) => a.title), ['Cite Stueck (2002): replace "1972" with "2002"']);
  });

  it('offers nothing for a year far from every work of the author, or for an author the bibliography lacks', () => {
    assert.deepEqual(quickFixes(essay('Stueck (1995), p.4'), 'unresolved-citation'), []);
    assert.deepEqual(quickFixes(essay('Foot (1985), p.74'), 'unresolved-citation'), []);
  });

  it('does not touch a year in the prose around a reference', () => {
    // The only year is the comment's: it is not taken for the citation's, so there is nothing to correct.
    assert.ok(!analyse(essay('Stueck, p.7, written after the archive opened in 1982.')).diagnostics.some((d) => d.code === 'unresolved-citation'));
    // The citation's year is corrected, the comment's stays.
    const text = essay('Stueck (1982), p.7, written when the archive opened in 1982.');
    const after = fix(text, 'unresolved-citation', /^Cite Stueck \(1981\)/);
    assert.equal(after, text.replace('Stueck (1982), p.7, written when the archive opened in 1982.', 'Stueck (1981), p.7, written when the archive opened in 1982.'));
  });

  it('adds the year after the name of an ambiguous short form and keeps what surrounds it', () => {
    const text = essay('See Stueck, p.74, on the decision.');
    const titles = quickFixes(text, 'ambiguous-citation').map((a) => a.title);
    assert.deepEqual(titles, ['Replace "See Stueck, p.74, on the decision" with "See Stueck (1981), p.74, on the decision"', 'Replace "See Stueck, p.74, on the decision" with "See Stueck (2002), p.74, on the decision"']);
    const after = fix(text, 'ambiguous-citation', /Stueck \(2002\)/);
    assert.equal(after, text.replace('See Stueck, p.74, on the decision.', 'See Stueck (2002), p.74, on the decision.'));
    assert.deepEqual(analyse(after).notes[0].citations[0].entries, ['stueck2002']);
  });

  it('never changes a year written in an ambiguous citation into another', () => {
    const text = `${essay('x')}`.replace('(Oxford: Oxford University Press, 2002)', '(Oxford: Oxford University Press, 1981)').replace('[^1]: x', '[^1]: Stueck (1981), p.4');
    assert.ok(analyse(text).diagnostics.some((d) => d.code === 'ambiguous-citation'));
    assert.ok(quickFixes(text, 'ambiguous-citation').every((a) => !/1981" with "(?!1981)/.test(a.title)));
  });

  it('replaces only the Ibid. of an ambiguous Ibid., keeping the full stop that ends the note', () => {
    const text = essay('Stueck (1981), p.3; Cumings (1981), p.9', 'Ibid.');
    const titles = quickFixes(text, 'ambiguous-ibid').map((a) => a.title);
    assert.deepEqual(titles, ['Replace "Ibid." with "Stueck (1981)."', 'Replace "Ibid." with "Cumings (1981)."']);
    const after = fix(text, 'ambiguous-ibid', /Cumings/);
    assert.ok(after.endsWith('[^2]: Cumings (1981).\n'));
  });

  it('writes the full reference over the short form only, keeping "See" and the comment after the page', () => {
    const text = essay('See Cumings, p.12, for the civil war.');
    const after = fix(text, 'short-form-before-full', /first citation of Cumings/);
    assert.equal(after, text.replace('See Cumings, p.12, for', `See ${stueck[2]}, p.12, for`));
  });

  it('offers "cite a source" at a caret between citations or at either end of a note, never over a selection or inside a citation', () => {
    const text = essay(`${stueck[0]}, p.1; ${stueck[2]}, p.2`, 'Stueck (1981), p.3; Cumings (1981), p.9');
    const line = text.split('\n').findIndex((candidate) => candidate.startsWith('[^2]: '));
    const cite = (range: Range) => actionsAt(text, range).filter((a) => a.kind === ApparatusCodeActionKind.CiteSource);
    const at = (character: number) => caret({ line, character });
    const note2 = (written: string) => applyWorkspaceEdit(text, only(cite(at(written.length)), /Stueck \(2002\)/).edit);
    assert.deepEqual(cite({ start: { line, character: 6 }, end: { line, character: 24 } }), [], 'a selected reference is not replaced');
    for (const inside of [10, 15, 24]) assert.deepEqual(cite(at(inside)), [], `not inside a citation (column ${inside})`);
    assert.equal(note2('[^2]: '), text.replace('[^2]: Stueck (1981)', '[^2]: Stueck (2002), p.; Stueck (1981)'));
    assert.equal(note2('[^2]: Stueck (1981), p.3; '), text.replace('p.3; Cumings', 'p.3; Stueck (2002), p.; Cumings'));
    assert.equal(note2('[^2]: Stueck (1981), p.3; Cumings (1981), p.9'), text.replace('Cumings (1981), p.9', 'Cumings (1981), p.9; Stueck (2002), p.'));
  });

  it('offers no "cite a source" on a flagged citation: there, "Cite" actions are readings of what was written', () => {
    const text = essay('Stueck (1982), p.74');
    const diagnostic = diagnosticOf(analyse(text), 'unresolved-citation');
    for (const range of [diagnostic.range, caret(diagnostic.range.end)]) {
      assert.deepEqual(actionsAt(text, range).filter((a) => /^Cite/.test(a.title)).map((a) => a.title), ['Cite Stueck (1981): replace "1982" with "1981"']);
    }
  });

  it('offers no "cite a source" on an archival note asked for its diagnostic range (it replaced the whole reference)', () => {
    const text = `${essay('x').replace('[^1]: x', '[^1]: Letter from Acheson to Bevin, March 3, 1950. (Ministry of Foreign Affairs Archives, file 12), p.4')}`;
    const note = analyse(text).notes[0];
    const whole = { start: note.textRange.start, end: note.range.end };
    assert.deepEqual(actionsAt(text, whole).filter((a) => /^Cite/.test(a.title)), []);
  });
});

describe('code actions on every citation diagnostic keep the note (issue 15): applied one by one', () => {
  const files = [
    ...['samples'].flatMap((dir) => readdirSync(path.join(root, dir)).filter((name) => name.endsWith('.md')).map((name) => `${dir}/${name}`)),
    ...['test/fixtures/essays', 'test/fixtures/real'].flatMap((dir) => readdirSync(path.join(root, dir)).filter((name) => name.endsWith('.md') && name !== 'README.md').map((name) => `${dir}/${name}`)),
  ].sort();

  for (const file of files) {
    it(file, function () {
      this.timeout(120_000);
      const outcomes = checkCitationFixes(readFileSync(path.join(root, file), 'utf8'));
      const broken = outcomes.filter((outcome) => outcome.violations.length > 0);
      assert.deepEqual(broken.map((o) => `line ${o.line} ${o.code} [${o.request}] ${o.title}: ${o.violations.join('; ')}`), []);
    });
  }
});
