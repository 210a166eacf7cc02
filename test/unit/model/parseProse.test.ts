/**
 * The parser's short cut for plain paragraphs and one-paragraph footnotes must give exactly what
 * remark gives for every block it accepts, and leave everything else to remark.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { splitBlocks } from '../../../server/src/model/blocks';
import { parseProse, parseWithRemark } from '../../../server/src/model/parseBlock';

const root = path.resolve(__dirname, '../../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return name.endsWith('.md') ? [full] : [];
  });
}

describe('parseProse (plain blocks read without remark)', () => {
  const files = [...markdownFiles(path.join(root, 'samples')), ...markdownFiles(path.join(root, 'test', 'fixtures'))];

  it('equals remark on every block it accepts, in every sample and fixture essay', () => {
    let accepted = 0;
    let blocks = 0;
    for (const file of files) {
      for (const block of splitBlocks(readFileSync(file, 'utf8'))) {
        blocks++;
        const fast = parseProse(block.text);
        if (fast === null) continue;
        accepted++;
        assert.deepStrictEqual(fast, parseWithRemark(block.text), `${path.relative(root, file)}, line ${block.startLine + 1}: ${JSON.stringify(block.text.slice(0, 80))}`);
      }
    }
    // The short cut is worth having only if it takes most blocks of a real essay.
    assert.ok(accepted > blocks / 2, `accepted ${accepted} of ${blocks} blocks`);
  });

  it('takes front matter fenced by ---', () => {
    const block = parseProse('---\ntitle: "Korea"\nauthor: A\n---');
    assert.deepEqual(block?.items, [{ kind: 'yaml', start: 0, end: 32, value: 'title: "Korea"\nauthor: A' }]);
    assert.equal(parseProse('---\ntitle: x\n...'), null, 'closed by ..., which remark does not take');
  });

  it('takes plain headings, and lines and notes opening with emphasis', () => {
    assert.deepEqual(parseProse('## Primary sources')?.items, [{ kind: 'heading', start: 0, end: 18, depth: 2, value: 'Primary sources' }]);
    assert.equal(parseProse('[^25]: *ibid.*, p.116')?.items[0].kind, 'footnoteDefinition');
    assert.equal(parseProse('As he wrote,\n*Pravda* said nothing.')?.items[0].kind, 'paragraph');
  });

  it('takes the reference essay’s body paragraphs and notes', () => {
    const text = readFileSync(path.join(root, 'samples', 'korea-1950.md'), 'utf8');
    const notes = splitBlocks(text).filter((block) => block.text.startsWith('[^'));
    assert.ok(notes.length > 30);
    const kinds = notes.map((block) => parseProse(block.text)?.items.map((item) => item.kind).join(',') ?? 'remark');
    assert.ok(kinds.filter((kind) => kind === 'footnoteDefinition').length > notes.length * 0.8, kinds.join(' '));
  });

  it('leaves every other construct to remark', () => {
    for (const text of [
      'Title\n===',
      'Title\n---',
      'Text\n- item',
      'Text\n> quoted',
      'Text\n# Heading',
      'Text with `code`',
      'See [the site](http://example.org).',
      'See www.example.org',
      'Write to a@b.org',
      'An <em>inline</em> tag',
      '![figure](x.png)',
      'a | b\n--|--',
      'Stalin\r\n:-',
      '[^1]: A note.\n\n    Its second paragraph.',
      '[^1]: A note.\n[^2]: Another.',
      '[12] An endnote.',
      '    indented code',
      '1950 was a year',
      'Trailing space ',
      '___',
      '[x]: http://example.org',
      '* a list item',
      '***',
      '_ _ _',
      '## Heading with *emphasis*',
      '## Closed heading ##',
      '#Not a heading',
      'Title\n# Heading',
    ]) {
      assert.equal(parseProse(text), null, JSON.stringify(text));
    }
  });

  it('equals remark on random text made of prose and the characters that matter to Markdown', () => {
    const piece = fc.constantFrom('Stalin', ' ', 'wrote', '[^1]', '[^a-2]', '[12]', '*', '_', '**', '~', '"', '“', '(', ')', '[', ']', '^', ':', '!', '\\', '&amp;', '&', '#', '-', '=', '+', '>', '1.', '12)', '.', ',', '\n', '\n', '\r\n', '\t', '    ', 'p.135', '—', 'http', 'e', '$', '%', ':-', '\n:', '|', '`', '<b>', '\n\n', '](', '@', 'www.', '{', '}', '\n---', 'key: "v"', '[^1]:');
    const text = fc
      .tuple(fc.constantFrom('', '', '[^n1]: ', '[^x]: ', '# ', '## ', '###### ', '#', '####### ', '*', '**', '_', '* ', '***', '---\n', '---\ntitle: x\n'), fc.array(piece, { maxLength: 30 }))
      .map(([start, pieces]) => start + pieces.join(''));
    fc.assert(
      fc.property(text, (candidate) => {
        const fast = parseProse(candidate);
        if (fast !== null) assert.deepStrictEqual(fast, parseWithRemark(candidate), JSON.stringify(candidate));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS) || 3000 },
    );
  });
});
