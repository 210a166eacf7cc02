/**
 * The injection grammar, run by the same TextMate engine VS Code uses (vscode-textmate with the
 * Oniguruma WebAssembly build) on top of VS Code's own Markdown grammar, over the samples' lines.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
const INJECTION_SCOPE = 'markdown.apparatus.injection';
const grammarFiles: Record<string, string> = {
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  [INJECTION_SCOPE]: path.join(root, 'syntaxes/apparatus.markdown.tmLanguage.json'),
};

interface Token {
  text: string;
  scopes: string[];
}

let markdown: IGrammar;
let registry: Registry;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = grammarFiles[scopeName];
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the Markdown grammar loads');
  markdown = grammar;
});

/** Tokenise a whole document the way the editor does, line by line with the rule stack carried over. */
function tokenise(text: string): Token[][] {
  let stack = INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = markdown.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

function sampleLines(name: string): { lines: string[]; tokens: Token[][] } {
  const text = readFileSync(path.join(root, 'samples', name), 'utf8');
  return { lines: text.split(/\r?\n/), tokens: tokenise(text) };
}

/** The scopes of the token that covers `needle`'s first character on the first line containing `lineContains`. */
function scopesOf(doc: { lines: string[]; tokens: Token[][] }, lineContains: string, needle: string, occurrence = 0): string[] {
  const lineIndex = doc.lines.findIndex((line) => line.includes(lineContains));
  assert.ok(lineIndex >= 0, `no line contains ${JSON.stringify(lineContains)}`);
  const line = doc.lines[lineIndex];
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = line.indexOf(needle, at + 1);
  assert.ok(at >= 0, `line ${lineIndex + 1} has no ${JSON.stringify(needle)}`);
  let offset = 0;
  for (const token of doc.tokens[lineIndex]) {
    if (at >= offset && at < offset + token.text.length) return token.scopes;
    offset += token.text.length;
  }
  throw new Error(`no token at ${at} on line ${lineIndex + 1}`);
}

function tokenText(doc: { lines: string[]; tokens: Token[][] }, lineContains: string, scope: string): string[] {
  const lineIndex = doc.lines.findIndex((line) => line.includes(lineContains));
  return doc.tokens[lineIndex].filter((token) => token.scopes.includes(scope)).map((token) => token.text);
}

describe('TextMate injection grammar on the footnote sample', () => {
  let doc: { lines: string[]; tokens: Token[][] };
  before(() => {
    doc = sampleLines('korea-1950.md');
  });

  it('scopes a marker in running text: brackets, caret and label', () => {
    const line = 'did lead in deciding about American intervention[^1].';
    assert.deepEqual(tokenText(doc, line, 'constant.numeric.footnote.reference.apparatus'), ['1']);
    assert.ok(scopesOf(doc, line, '[^1]').includes('punctuation.definition.tag.begin.footnote.apparatus'));
    assert.ok(scopesOf(doc, line, '^1]').includes('punctuation.definition.tag.caret.footnote.apparatus'));
    assert.ok(scopesOf(doc, line, '].').includes('punctuation.definition.tag.end.footnote.apparatus'));
    assert.ok(scopesOf(doc, line, '[^1]').includes('meta.link.footnote.reference.apparatus'));
    // The word before the marker is plain text.
    assert.ok(!scopesOf(doc, line, 'intervention').some((scope) => scope.endsWith('.apparatus')));
  });

  it('scopes every marker of a paragraph with several', () => {
    const line = 'subdue Communist guerrillas[^11]';
    assert.deepEqual(tokenText(doc, line, 'constant.numeric.footnote.reference.apparatus'), ['11', '12', '13', '14']);
  });

  it('scopes a marker followed by a parenthesis as a marker, not a link', () => {
    const line = "vital interests*'[^9](my italics)";
    assert.deepEqual(tokenText(doc, line, 'constant.numeric.footnote.reference.apparatus'), ['7', '8', '9']);
    assert.ok(!scopesOf(doc, line, '(my italics)').some((scope) => scope.includes('link')));
  });

  it('scopes a definition label at the start of a line, with its colon', () => {
    const line = '[^12]: Khrushchev in Talbott, pp.333-34';
    assert.deepEqual(tokenText(doc, line, 'constant.numeric.footnote.definition.apparatus'), ['12']);
    assert.ok(scopesOf(doc, line, ':').includes('punctuation.separator.key-value.footnote.apparatus'));
    const text = scopesOf(doc, line, 'Khrushchev');
    assert.ok(text.includes('meta.link.footnote.definition.apparatus'));
    assert.ok(!text.some((scope) => scope.endsWith('.apparatus') && !scope.startsWith('meta.')), 'the note text is not coloured as a label');
  });

  it('keeps Markdown styling in the note text, across continuation paragraphs', () => {
    const italic = scopesOf(doc, '[^28]: Jian C., *China', 'China');
    assert.ok(italic.includes('markup.italic.markdown'));
    const lines = tokenise('[^1]: First paragraph.\n\n    Second *paragraph*, Ibid.\n\nBody text again[^1].\n');
    const second = lines[2].find((t) => t.text === 'paragraph');
    assert.ok(second?.scopes.includes('markup.italic.markdown'), 'an indented continuation is note text, not a code block');
    assert.ok(second?.scopes.includes('meta.link.footnote.definition.apparatus'));
    assert.ok(lines[2].some((t) => t.text === 'Ibid.' && t.scopes.includes('keyword.other.ibid.apparatus')));
    const body = lines[4].find((t) => t.text.startsWith('Body'));
    assert.ok(body?.scopes.includes('meta.paragraph.markdown'), 'the body paragraph after the note is a paragraph again');
    assert.ok(!body?.scopes.includes('meta.link.footnote.definition.apparatus'));
  });

  it('scopes Ibid., and ibid. inside emphasis', () => {
    assert.deepEqual(tokenText(doc, '[^23]: Ibid.', 'keyword.other.ibid.apparatus'), ['Ibid.']);
    const italic = scopesOf(doc, '[^25]: *ibid.*, p.116', 'ibid.');

    assert.ok(italic.includes('keyword.other.ibid.apparatus'));
    assert.ok(italic.includes('markup.italic.markdown'), 'the emphasis is still scoped by the Markdown grammar');
  });

  it('scopes op. cit. and loc. cit. as back-references too', () => {
    const tokens = tokenise('[^4]: Kennan, op. cit., p.490; Rees, loc.cit. Opcit is a typo.\n')[0];
    assert.deepEqual(tokens.filter((t) => t.scopes.includes('keyword.other.ibid.apparatus')).map((t) => t.text), ['op. cit.', 'loc.cit.']);
  });

  it('leaves words that only contain "ibid" or "idem" alone', () => {
    const tokens = tokenise('Ibidem is not Ibid, and an identity is not idem.\n')[0];
    assert.deepEqual(tokens.filter((t) => t.scopes.includes('keyword.other.ibid.apparatus')).map((t) => t.text), ['Ibid', 'idem.']);
  });

  it('does not scope square brackets in the bibliography as endnote markers', () => {
    const count = doc.tokens.flat().filter((token) => token.scopes.includes('constant.numeric.endnote.reference.apparatus')).length;
    assert.equal(count, 0);
  });
});

describe('TextMate injection grammar on the endnote sample', () => {
  let doc: { lines: string[]; tokens: Token[][] };
  before(() => {
    doc = sampleLines('korea-1950-endnotes.md');
  });

  it('scopes [12] markers in running text', () => {
    assert.deepEqual(tokenText(doc, 'subdue Communist guerrillas[11]', 'constant.numeric.endnote.reference.apparatus'), ['11', '12', '13', '14']);
    assert.deepEqual(tokenText(doc, "vital interests*'[9](my italics)", 'constant.numeric.endnote.reference.apparatus'), ['7', '8', '9']);
  });

  it('scopes [12] at the start of a note line as a definition', () => {
    const line = '[12] Khrushchev in Talbott, pp.333-34';
    assert.deepEqual(tokenText(doc, line, 'constant.numeric.endnote.definition.apparatus'), ['12']);
    assert.deepEqual(tokenText(doc, line, 'constant.numeric.endnote.reference.apparatus'), []);
  });
});

describe('TextMate injection grammar where Markdown is not prose', () => {
  const apparatusScopes = (text: string): string[] =>
    tokenise(text)
      .flat()
      .filter((token) => token.scopes.some((scope) => scope.endsWith('.apparatus')))
      .map((token) => token.text);

  it('leaves inline code, fenced code and HTML comments alone', () => {
    assert.deepEqual(apparatusScopes('Write `[^1]` or `Ibid.` in a note.\n'), []);
    assert.deepEqual(apparatusScopes('```\n[^1]: Ibid. [12]\n```\n'), []);
    assert.deepEqual(apparatusScopes('<!-- [^1] Ibid. -->\n'), []);
  });

  it('does not take links or reference links for endnote markers', () => {
    assert.deepEqual(apparatusScopes('See [1](https://example.org/a) and [2][ref] and [3](#part).\n'), []);
  });
});

describe('TextMate injection grammar under common colour themes', () => {
  /** Foreground colour of each token of `line`, as the theme paints it. */
  function colours(themeName: string, lines: string[]): { text: string; colour: string }[][] {
    const theme = JSON.parse(readFileSync(require.resolve(`tm-themes/themes/${themeName}.json`), 'utf8'));
    const fallback = theme.colors?.['editor.foreground'] ?? (theme.type === 'light' ? '#000000' : '#FFFFFF');
    registry.setTheme({ name: themeName, settings: [{ settings: { foreground: fallback } }, ...theme.tokenColors] });
    const colourMap = registry.getColorMap();
    let stack = INITIAL;
    return lines.map((line) => {
      const { tokens, ruleStack } = markdown.tokenizeLine2(line, stack);
      stack = ruleStack;
      const painted: { text: string; colour: string }[] = [];
      for (let i = 0; i < tokens.length; i += 2) {
        const end = i + 2 < tokens.length ? tokens[i + 2] : line.length;
        // Bits 15-23 of a token's metadata hold its foreground colour id.
        painted.push({ text: line.slice(tokens[i], end), colour: colourMap[(tokens[i + 1] >>> 15) & 0x1ff] });
      }
      return painted;
    });
  }

  /** The colour of the token covering the first character of `text` (tokens of one colour are merged). */
  const colourOf = (painted: { text: string; colour: string }[], text: string): string => {
    const line = painted.map((t) => t.text).join('');
    const at = line.indexOf(text);
    assert.ok(at >= 0, `${JSON.stringify(text)} in ${JSON.stringify(line)}`);
    let offset = 0;
    for (const token of painted) {
      if (at < offset + token.text.length) return token.colour;
      offset += token.text.length;
    }
    throw new Error('unreachable');
  };

  for (const themeName of ['dark-plus', 'light-plus', 'github-dark', 'github-light', 'monokai', 'one-dark-pro', 'solarized-light', 'dracula', 'nord', 'catppuccin-mocha']) {
    it(`sets markers, labels and Ibid. apart from the prose in ${themeName}`, () => {
      const [body, , definition, , endnote] = colours(themeName, [
        'avoid American intervention[^12]. It is possible',
        '',
        '[^23]: Ibid.',
        '',
        'subdue Communist guerrillas[11]. As Khrushchev',
      ]);
      const prose = colourOf(body, 'It is possible');
      const label = colourOf(body, '12]');
      assert.notEqual(label, prose, 'a marker label stands out from the text');
      assert.notEqual(colourOf(definition, '23]'), prose, 'a definition label stands out');
      assert.notEqual(colourOf(definition, 'Ibid.'), prose, 'Ibid. stands out');
      assert.notEqual(colourOf(definition, 'Ibid.'), label, 'Ibid. and labels are told apart');
      assert.notEqual(colourOf(endnote, '11]'), colourOf(endnote, 'subdue'), 'an endnote label stands out');
    });
  }
});
