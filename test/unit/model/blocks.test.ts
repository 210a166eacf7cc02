/** The block splitter that makes analysis incremental. */
import { strict as assert } from 'node:assert';
import { resplitBlocks, splitBlocks } from '../../../server/src/model/blocks';
import { joinLines } from './helpers';

const texts = (text: string) => splitBlocks(text).map((block) => [block.startLine, block.text]);

describe('splitBlocks', () => {
  it('splits at blank lines and keeps a multi-paragraph note whole', () => {
    assert.deepEqual(texts(joinLines('One.', '', '[^1]: First para.', '', '    Second para.', '', 'Two.')), [
      [0, 'One.'],
      [2, '[^1]: First para.\n\n    Second para.'],
      [6, 'Two.'],
    ]);
  });

  it('keeps fenced code and HTML comments whole, blank lines and all', () => {
    assert.deepEqual(texts(joinLines('```', 'a', '', 'b', '```', '<!--', '', '-->', 'x')), [
      [0, '```\na\n\nb\n```'],
      [5, '<!--\n\n-->'],
      [8, 'x'],
    ]);
  });

  it('ends at an unclosed fence opening on the last line (no endless loop)', () => {
    assert.deepEqual(texts(joinLines('a', '```json')), [
      [0, 'a'],
      [1, '```json'],
    ]);
  });

  it('takes closed front matter as one block and unclosed front matter as text', () => {
    assert.deepEqual(texts(joinLines('---', 'title: x', '', '---', 'Body')), [
      [0, '---\ntitle: x\n\n---'],
      [4, 'Body'],
    ]);
    assert.deepEqual(texts(joinLines('---', 'title: x', '', 'Body')), [
      [0, '---\ntitle: x'],
      [3, 'Body'],
    ]);
  });

  it('counts CRLF and CR line breaks as LSP does', () => {
    const blocks = splitBlocks('a\r\n\r\nb\rc\r\rd');
    assert.deepEqual(blocks.map((block) => [block.startLine, block.text, block.startOffset]), [
      [0, 'a', 0],
      [2, 'b\rc', 5],
      [5, 'd', 10],
    ]);
  });
});

describe('resplitBlocks', () => {
  it('re-splits text under an opening `---` with a 300,000-character line in its first block as a full split does', () => {
    // Text pasted from a PDF can come as one line per paragraph; whether the first block closes
    // front matter must not depend on reading that line once per character.
    const before = joinLines('---', `${'word '.repeat(60_000)}[^1]`, 'The paragraph goes on.', '', '[^1]: A note.');
    const after = before.replace('[^1]: A note.', '[^1]: A note, p.2.');
    assert.deepStrictEqual(resplitBlocks(before, splitBlocks(before), after), splitBlocks(after));
  });
});

describe('markers', () => {
  it('finds adjacent endnote markers and markers before a parenthesis, but not links', async () => {
    const { analyseEssay } = await import('../../../server/src/model/analyse');
    const essay = analyseEssay(
      joinLines('War[4][5] began. Quoted*\'[9](my italics). A [link][1] and [2](http://x.org).', '', '[4] Rees, p.1', '', '[5] Rees, p.2', '', '[9] Rees, p.3'),
    );
    assert.deepEqual(essay.markers.map((marker) => marker.label), ['4', '5', '9']);
  });
});
