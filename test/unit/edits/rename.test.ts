import { strict as assert } from 'node:assert';
import { ResponseError } from 'vscode-languageserver';
import { prepareRename, provideRename } from '../../../server/src/features/rename';
import { analyse, applyWorkspaceEdit, sample, URI } from './helpers';

/** The position of `needle`'s first character (plus `shift`) on the first line containing it. */
function at(text: string, needle: string, shift = 0): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, `no line contains ${needle}`);
  return { line, character: lines[line].indexOf(needle) + shift };
}

function rename(text: string, position: { line: number; character: number }, newName: string): string {
  return applyWorkspaceEdit(text, provideRename(analyse(text), URI, position, newName));
}

function refusal(text: string, position: { line: number; character: number }, newName: string): string {
  try {
    provideRename(analyse(text), URI, position, newName);
  } catch (error) {
    assert.ok(error instanceof ResponseError, 'refused with a ResponseError');
    return error.message;
  }
  assert.fail(`renaming to ${JSON.stringify(newName)} was not refused`);
}

describe('rename on the reference essay', () => {
  const text = sample('korea-1950.md');

  it('prepares on a marker, with the label as the range and placeholder', () => {
    const position = at(text, '[^12]', 1);
    const prepared = prepareRename(analyse(text), position);
    assert.deepEqual(prepared, { range: { start: { line: position.line, character: position.character + 1 }, end: { line: position.line, character: position.character + 3 } }, placeholder: '12' });
  });

  it('prepares on a definition opening', () => {
    const prepared = prepareRename(analyse(text), at(text, '[^23]: Ibid.'));
    assert.equal(prepared?.placeholder, '23');
  });

  it('does not prepare in plain text or in the bibliography', () => {
    assert.equal(prepareRename(analyse(text), at(text, 'To want')), null);
    assert.equal(prepareRename(analyse(text), at(text, 'Talbott S. (ed.)')), null);
  });

  it('renames marker 12 and its definition together, and nothing else', () => {
    const after = rename(text, at(text, '[^12]', 2), 'khrushchev-talbott');
    assert.equal(after, text.replace('[^12]', '[^khrushchev-talbott]').replace('[^12]:', '[^khrushchev-talbott]:'));
    const essay = analyse(after);
    assert.ok(essay.markers.some((marker) => marker.label === 'khrushchev-talbott'));
    assert.equal(essay.notes.find((note) => note.label === 'khrushchev-talbott')?.text, 'Khrushchev in Talbott, pp.333-34');
  });

  it('renames from the definition, accepting the label typed as a marker', () => {
    const after = rename(text, at(text, '[^40]: Truman', 2), '[^truman-358]');
    assert.ok(after.includes('in defending the free world[^truman-358].'));
    assert.ok(after.includes('[^truman-358]: Truman, p.358'));
  });

  it('refuses a label another note already has, saying where', () => {
    assert.match(refusal(text, at(text, '[^12]', 2), '13'), /Note "13" already exists \(line \d+\)/);
  });

  it('refuses labels Markdown would not read as a footnote', () => {
    assert.match(refusal(text, at(text, '[^12]', 2), 'two words'), /cannot contain spaces/);
    assert.match(refusal(text, at(text, '[^12]', 2), 'a]b'), /bracket/);
    assert.match(refusal(text, at(text, '[^12]', 2), '  '), /cannot be empty/);
  });

  it('refuses outside a marker or label', () => {
    assert.match(refusal(text, at(text, 'To want'), 'x'), /Place the cursor on a footnote marker/);
  });
});

describe('rename in endnote form', () => {
  const text = sample('korea-1950-endnotes.md');

  it('renames [12] and its note to another free number', () => {
    const after = rename(text, at(text, 'intervention[12]', 'intervention['.length), '120');
    assert.ok(after.includes('intervention[120].'));
    assert.ok(after.includes('\n[120] Khrushchev in Talbott, pp.333-34'));
    assert.equal(after.length, text.length + 2);
  });

  it('refuses a name, since an endnote marker can only be a number', () => {
    assert.match(refusal(text, at(text, 'intervention[12]', 'intervention['.length), 'talbott'), /only be numbered/);
  });
});
