/**
 * The rule pages under docs/rules/ are checked against the model, so that the documentation
 * cannot drift from what Apparatus reports (as remark-lint checks the examples in its rule docs).
 *
 * Every page's examples are analysed with `analyseEssay`:
 * - `<!-- example: bad, expects: <code> at line N, … -->` must raise exactly the diagnostics listed
 *   (codes and 1-based lines within the example), and the `Output:` block after it must be exactly
 *   what `apparatus check` prints for them, so the messages shown are the real ones;
 * - `<!-- example: good -->` must raise no diagnostic at all; one that shows a way of silencing a
 *   rule (an `<!-- apparatus-ignore -->` comment, the allowlist, a claims option) must raise the
 *   page's code once that is taken away, so the example proves the silencing works.
 * An example may carry `maxFileSize: N`, `allowlist: "phrase"`,
 * `paragraphMarkerCoversPrecedingSentences: true|false` or `quotationsNeedOwnNote: true|false`,
 * read as the `apparatus.*` settings of those names are.
 *
 * Each page also: is titled with its code; gives a one-line summary (repeated in the index) and
 * the default severity; has the sections Why it matters, Bad, Good, How to fix, How to silence;
 * names in "Quick fix: **title**" exactly fixes the server offers on its bad examples (or says
 * "No quick fix", and none is offered); shows `"<code>": "off"`, which does silence the bad examples.
 *
 * The list of codes and their default severities is read from the model (`defaultSeverities`),
 * never repeated here: a new code without a page, or a page or index row that gives the wrong
 * default, fails.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Code, Heading, Html, Paragraph, Root, RootContent, Strong, Table } from 'mdast';
import { analyseEssay } from '../../../server/src/model/analyse';
import { defaultSeverities } from '../../../server/src/model/diagnostics';
import type { Essay } from '../../../server/src/model/types';
import { parseSettings, toAnalysisOptions } from '../../../server/src/features/config';
import { provideDiagnostics } from '../../../server/src/features/diagnostics';
import { provideCodeActions } from '../../../server/src/features/codeActions';
import { diagnosticLine } from '../../../server/src/cli/report';

const root = join(__dirname, '..', '..', '..');
const rulesDir = join(root, 'docs', 'rules');
const processor = unified().use(remarkParse).use(remarkGfm);

/** The file name the Output blocks use for the example essay. */
const EXAMPLE_PATH = 'essay.md';

interface Expectation {
  code: string;
  line: number;
}

interface Example {
  kind: 'bad' | 'good';
  /** The example's tag comment as written, to name the example in failures. */
  tag: string;
  /** 1-based line of the tag comment in the page. */
  pageLine: number;
  text: string;
  expects: Expectation[];
  /** Settings as the client would send them under `apparatus`. */
  settings: Record<string, unknown>;
  /** The `text` block after the example headed `Output`, when there is one. */
  output: string | null;
}

interface RulePage {
  code: string;
  path: string;
  source: string;
  tree: Root;
  examples: Example[];
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** `docs/rules/unsupported-claim/quotation.md` documents `unsupported-claim/quotation`. */
function codeOfPage(path: string): string {
  return relative(rulesDir, path).split(sep).join('/').replace(/\.md$/, '');
}

/** What an example tag may set, each read as the `apparatus.*` setting of that name. */
const EXAMPLE_OPTIONS = ['maxFileSize', 'allowlist', 'paragraphMarkerCoversPrecedingSentences', 'quotationsNeedOwnNote', 'severity'];

const EXAMPLE_TAG = /^<!--\s*example:\s*(bad|good)\b(.*?)-->$/s;

function parseTag(tag: string, pageLine: number): Omit<Example, 'text' | 'output'> {
  const match = EXAMPLE_TAG.exec(tag.trim());
  if (!match) throw new Error(`line ${pageLine}: not an example tag: ${tag}`);
  const kind = match[1] as 'bad' | 'good';
  const [options, expected] = match[2].split(/\bexpects:/);
  for (const [, key] of options.replace(/"[^"]*"/g, '').matchAll(/(\w+):/g)) {
    if (!EXAMPLE_OPTIONS.includes(key)) throw new Error(`line ${pageLine}: unknown example option '${key}' (known: ${EXAMPLE_OPTIONS.join(', ')})`);
  }
  const settings: Record<string, unknown> = {};
  const claims: Record<string, unknown> = {};
  const size = /\bmaxFileSize:\s*(\d+)/.exec(options);
  if (size) settings.maxFileSize = Number(size[1]);
  const allowlist = /\ballowlist:\s*"([^"]+)"/.exec(options);
  if (allowlist) claims.allowlist = [allowlist[1]];
  for (const flag of ['paragraphMarkerCoversPrecedingSentences', 'quotationsNeedOwnNote']) {
    const value = new RegExp(`\\b${flag}:\\s*(true|false)`).exec(options);
    if (value) claims[flag] = value[1] === 'true';
  }
  if (Object.keys(claims).length > 0) settings.claims = claims;
  // severity: "short-form-before-full=information" — the rule's severity set by the writer.
  const severity = /\bseverity:\s*"([a-z/-]+)=([a-z]+)"/.exec(options);
  if (severity) settings.diagnostics = { severity: { [severity[1]]: severity[2] } };
  const expects: Expectation[] = [];
  for (const part of expected === undefined ? [] : expected.split(',')) {
    const one = /^\s*([a-z/-]+) at line (\d+)\s*$/.exec(part);
    if (!one) throw new Error(`line ${pageLine}: cannot read the expectation '${part.trim()}' (write '<code> at line N')`);
    expects.push({ code: one[1], line: Number(one[2]) });
  }
  return { kind, tag: tag.trim(), pageLine, expects, settings };
}

function readPage(path: string): RulePage {
  const source = readFileSync(path, 'utf8');
  const tree = processor.parse(source);
  const nodes = tree.children;
  const examples: Example[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== 'html' || !/^<!--\s*example:/.test(node.value)) return;
    const pageLine = node.position?.start.line ?? 0;
    const next = nodes[i + 1];
    if (next?.type !== 'code' || next.lang !== 'markdown') throw new Error(`${codeOfPage(path)}, line ${pageLine}: an example tag must be followed by a \`\`\`markdown block`);
    examples.push({ ...parseTag((node as Html).value, pageLine), text: next.value, output: outputAfter(nodes, i + 2) });
  });
  return { code: codeOfPage(path), path, source, tree, examples };
}

/** An `Output` paragraph then a ```text block, right after the example. */
function outputAfter(nodes: RootContent[], index: number): string | null {
  const label = nodes[index];
  const block = nodes[index + 1];
  if (label?.type !== 'paragraph' || !/^Output:?$/.test(toString(label).trim())) return null;
  if (block?.type !== 'code' || block.lang !== 'text') return null;
  return (block as Code).value;
}

function analyse(example: Example): Essay {
  const settings = parseSettings(example.settings, (message) => assert.fail(`${example.tag}: ${message}`));
  // Examples name no file that exists: every bibliography file and CSL style they name is missing.
  const libraries = Object.assign((names: string[]) => names.map((name) => ({ name, library: null, problem: 'cannot be found' })), { checkStyle: () => 'cannot be found' });
  return analyseEssay(example.text, { ...toAnalysisOptions(settings), libraries });
}

const IGNORE_COMMENT = /<!--\s*apparatus-ignore\s*-->/g;

/**
 * A good example that shows a way of silencing a rule (an ignore comment, the allowlist, a claims
 * option): the same text without the comment, under the default settings. Null when the example
 * silences nothing.
 */
function unsilenced(example: Example): Example | null {
  const hasComment = IGNORE_COMMENT.test(example.text);
  IGNORE_COMMENT.lastIndex = 0;
  if (!hasComment && example.settings.claims === undefined) return null;
  const text = example.text
    .split('\n')
    .filter((line) => line.trim().replace(IGNORE_COMMENT, '') !== '' || line.trim() === '')
    .map((line) => line.replace(IGNORE_COMMENT, '').trimEnd())
    .join('\n');
  return { ...example, text, settings: {} };
}

/** The titles of the quick fixes offered for the page's code on its bad examples. */
function quickFixTitles(page: RulePage): Set<string> {
  const titles = new Set<string>();
  for (const example of page.examples.filter((candidate) => candidate.kind === 'bad')) {
    const essay = analyse(example);
    for (const diagnostic of essay.diagnostics.filter((d) => d.code === page.code)) {
      const actions = provideCodeActions(essay, 'file:///essay.md', {
        textDocument: { uri: 'file:///essay.md' },
        range: diagnostic.range,
        context: { diagnostics: [], only: ['quickfix'] },
      });
      for (const action of actions) titles.add(action.title);
    }
  }
  return titles;
}

/** The paragraphs of "How to fix" that start "Quick fix…" or "No quick fix…". */
function fixParagraphs(page: RulePage): { documented: string[]; none: boolean } {
  const nodes = page.tree.children;
  const start = nodes.findIndex((node) => node.type === 'heading' && node.depth === 2 && toString(node) === 'How to fix');
  const documented: string[] = [];
  let none = false;
  for (let i = start + 1; i < nodes.length && !(nodes[i].type === 'heading' && (nodes[i] as Heading).depth === 2); i++) {
    const node = nodes[i];
    if (node.type !== 'paragraph') continue;
    const text = toString(node).trim();
    if (/^No quick fix\b/.test(text)) none = true;
    if (/^Quick fix(es)?\b/.test(text)) {
      for (const child of (node as Paragraph).children) {
        if (child.type === 'strong') documented.push(toString(child as Strong).replace(/\s+/g, ' '));
      }
    }
  }
  return { documented, none };
}

/** How the page must mention each setting an example is analysed with (the tag itself is invisible). */
function settingsShown(example: Example): string[] {
  const shown: string[] = [];
  if (example.settings.maxFileSize !== undefined) shown.push(`"apparatus.maxFileSize": ${String(example.settings.maxFileSize)}`);
  const severity = (example.settings.diagnostics as { severity?: Record<string, string> } | undefined)?.severity ?? {};
  for (const [code, value] of Object.entries(severity)) shown.push(`"${code}": "${value}"`);
  const claims = (example.settings.claims ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(claims)) {
    shown.push(name === 'allowlist' ? `"apparatus.claims.allowlist": ${JSON.stringify(value)}` : `\`apparatus.claims.${name}\` to \`${String(value)}\``);
  }
  return shown;
}

const found = (essay: Essay): string[] => essay.diagnostics.map((d) => `${d.code} at line ${d.range.start.line + 1}`);
const listed = (expects: Expectation[]): string[] => expects.map((e) => `${e.code} at line ${e.line}`);
const sorted = (items: string[]): string[] => [...items].sort();

function sectionTitles(tree: Root): string[] {
  return tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 2).map((node) => toString(node));
}

/** The text of a level-2 section, up to the next level-2 heading. */
function sectionText(page: RulePage, title: string): string {
  const nodes = page.tree.children;
  const start = nodes.findIndex((node) => node.type === 'heading' && node.depth === 2 && toString(node) === title);
  if (start < 0) return '';
  const end = nodes.findIndex((node, i) => i > start && node.type === 'heading' && node.depth === 2);
  const from = nodes[start].position?.end.offset ?? 0;
  const to = end < 0 ? page.source.length : nodes[end].position?.start.offset ?? page.source.length;
  return page.source.slice(from, to);
}

const pages = markdownFiles(rulesDir)
  .filter((path) => relative(rulesDir, path) !== 'README.md')
  .map(readPage);
const codes = Object.keys(defaultSeverities);

describe('rule pages (docs/rules)', () => {
  it('there is one page for every diagnostic code the model raises, and no page for a code it does not', () => {
    assert.deepEqual(sorted(pages.map((page) => page.code)), sorted(codes));
  });

  describe('the index (docs/rules/README.md)', () => {
    const index = processor.parse(readFileSync(join(rulesDir, 'README.md'), 'utf8'));
    const tables = index.children.filter((node): node is Table => node.type === 'table');
    const rows = tables.flatMap((table) => table.children.slice(1).map((row) => row.children.map((cell) => toString(cell).trim())));

    it('has tables whose header is code, default severity, summary', () => {
      assert.ok(tables.length > 0, 'the index has no table');
      for (const table of tables) {
        assert.deepEqual(
          table.children[0].children.map((cell) => toString(cell).trim().toLowerCase()),
          ['code', 'default severity', 'summary'],
        );
      }
    });

    it('lists every code once, with its default severity and a link to its page', () => {
      assert.deepEqual(sorted(rows.map((row) => row[0])), sorted(codes));
      for (const row of rows) assert.equal(row[1], defaultSeverities[row[0]], `index row for ${row[0]}`);
      const links = new Set<string>();
      const visit = (node: { type: string; url?: string; children?: unknown[] }): void => {
        if (node.type === 'link' && node.url) links.add(node.url);
        for (const child of (node.children ?? []) as { type: string }[]) visit(child);
      };
      for (const table of tables) visit(table as unknown as { type: string; children: unknown[] });
      for (const code of codes) assert.ok(links.has(`${code}.md`), `the index does not link ${code}.md`);
    });

    it("gives each code the summary line of the code's own page", () => {
      for (const page of pages) {
        const row = rows.find((candidate) => candidate[0] === page.code);
        assert.equal(row?.[2], summaryOf(page), `summary of ${page.code}`);
      }
    });
  });

  for (const page of pages) {
    describe(page.code, () => {
      it('is titled with its code, gives a one-line summary and the default severity the model uses', () => {
        const first = page.tree.children[0];
        assert.ok(first?.type === 'heading' && first.depth === 1, 'the page must start with a level-1 heading');
        assert.equal(toString(first), page.code);
        assert.ok(summaryOf(page).length > 0, 'no one-line summary after the title');
        const severity = /^\*\*Default severity:\*\* `(\w+)`/m.exec(page.source);
        assert.ok(severity, 'no "**Default severity:** `…`" line');
        assert.equal(severity[1], defaultSeverities[page.code]);
      });

      it('has the sections of a rule page, in order', () => {
        assert.deepEqual(sectionTitles(page.tree), ['Why it matters', 'Bad', 'Good', 'How to fix', 'How to silence']);
      });

      it('says how to turn the rule off, and turning it off does silence the bad example', () => {
        const silence = sectionText(page, 'How to silence');
        assert.ok(silence.includes(`"${page.code}": "off"`), `"How to silence" must show "${page.code}": "off"`);
        const settings = parseSettings({ diagnostics: { severity: { [page.code]: 'off' } } }, (message) => assert.fail(message));
        for (const example of page.examples.filter((candidate) => candidate.kind === 'bad')) {
          const published = provideDiagnostics(analyse(example), 'file:///essay.md', settings);
          assert.deepEqual(published.filter((d) => d.code === page.code), []);
        }
      });

      it('has a bad example that raises this code and a good example', () => {
        const bad = page.examples.filter((example) => example.kind === 'bad');
        assert.ok(bad.length > 0, 'no bad example');
        assert.ok(page.examples.some((example) => example.kind === 'good'), 'no good example');
        for (const example of bad) {
          assert.ok(example.expects.some((expectation) => expectation.code === page.code), `${example.tag} does not expect ${page.code}`);
        }
      });

      it('names exactly the quick fixes the server offers for the bad examples (or says there is none)', () => {
        const { documented, none } = fixParagraphs(page);
        const offered = quickFixTitles(page);
        assert.ok(none !== documented.length > 0, '"How to fix" needs either a "Quick fix: **title**" paragraph or a "No quick fix" one');
        if (none) assert.deepEqual([...offered], [], 'the page says there is no quick fix, but the server offers some');
        for (const title of documented) assert.ok(offered.has(title), `'${title}' is not offered; offered: ${[...offered].join(' | ') || 'nothing'}`);
      });

      for (const example of page.examples) {
        const shown = settingsShown(example);
        if (shown.length > 0) {
          it(`${example.kind} example (page line ${example.pageLine}) tells the reader the settings it is analysed with`, () => {
            for (const text of shown) assert.ok(page.source.includes(text), `the page does not show ${text}`);
          });
        }
        if (example.kind === 'bad') {
          it(`bad example (page line ${example.pageLine}) raises exactly ${listed(example.expects).join(', ')}`, () => {
            const essay = analyse(example);
            assert.deepEqual(sorted(found(essay)), sorted(listed(example.expects)));
            assert.ok(example.output !== null, 'a bad example is followed by "Output:" and a ```text block');
            const printed = essay.diagnostics.map((d) => diagnosticLine(EXAMPLE_PATH, d)).join('\n');
            assert.equal(example.output, printed, 'the Output block is not what `apparatus check` prints for the example');
          });
        } else {
          it(`good example (page line ${example.pageLine}) raises no diagnostic`, () => {
            const essay = analyse(example);
            assert.deepEqual(found(essay), []);
          });
          const without = unsilenced(example);
          if (without) {
            it(`good example (page line ${example.pageLine}) is silenced: without the comment or the setting it raises ${page.code}`, () => {
              assert.ok(found(analyse(without)).some((line) => line.startsWith(`${page.code} at`)), found(analyse(without)).join(', ') || 'no diagnostic');
            });
          }
        }
      }
    });
  }
});

/** The paragraph right after the title. */
function summaryOf(page: RulePage): string {
  const second = page.tree.children[1];
  if (second?.type !== 'paragraph') return '';
  const text = toString(second).trim();
  return text.includes('\n') ? '' : text;
}

/**
 * ARCHITECTURE.md names files and states which layer may import what; both are checked here so
 * the code map cannot go stale silently (as rust-analyzer's tidy tests keep its docs honest).
 */
describe('ARCHITECTURE.md', () => {
  const architecture = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
  const skipped = new Set(['node_modules', 'dist', '.git', '.tools', '.vscode-test', 'results']);
  const repoFiles = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (skipped.has(entry.name)) return [];
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : [relative(root, path).split(sep).join('/')];
    });
  })(root);

  /** Code spans that name a file or a folder: `server/src/model/`, `claims/README.md`, `hover.ts`. */
  const named = [...architecture.matchAll(/`([^`\s]+)`/g)]
    .map((match) => match[1])
    .filter((token) => /^[\w.-]+(\/[\w.-]+)*\/?$/.test(token) && (/\.(ts|mjs|json|md|lua)$/.test(token) || token.endsWith('/')))
    .filter((token) => !token.startsWith('dist/'));

  it('names only files and folders that exist', () => {
    assert.ok(named.length > 50, `only ${named.length} paths found in ARCHITECTURE.md`);
    const missing = named.filter((token) => {
      if (token.endsWith('/')) return !repoFiles.some((file) => file.startsWith(token) || file.includes(`/${token}`));
      return !repoFiles.some((file) => file === token || file.endsWith(`/${token}`));
    });
    assert.deepEqual([...new Set(missing)], []);
  });

  /** Module specifiers imported by the TypeScript files under a folder, with the importing file. */
  function importsUnder(folder: string): { file: string; specifier: string }[] {
    return repoFiles
      .filter((file) => file.startsWith(folder) && file.endsWith('.ts'))
      .flatMap((file) => {
        const source = readFileSync(join(root, file), 'utf8');
        return [...source.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)].map((match) => ({
          file,
          specifier: match[1] ?? match[2],
        }));
      });
  }

  /** Where a relative import lands, as a repository path; null for a package. */
  function target(file: string, specifier: string): string | null {
    if (!specifier.startsWith('.')) return null;
    return relative(root, join(root, file, '..', specifier)).split(sep).join('/');
  }

  it('server/src/model/ imports no editor, protocol or Node module, and nothing outside itself', () => {
    const wrong = importsUnder('server/src/model/').filter(({ file, specifier }) => {
      if (/^(vscode|node:)/.test(specifier) || ['fs', 'path', 'worker_threads'].includes(specifier)) return true;
      const to = target(file, specifier);
      return to !== null && !to.startsWith('server/src/model/');
    });
    assert.deepEqual(wrong, []);
  });

  it('the claim analyser imports nothing of the model but its types', () => {
    const wrong = importsUnder('server/src/model/claims/').filter(({ file, specifier }) => {
      const to = target(file, specifier);
      return to !== null && !to.startsWith('server/src/model/claims/') && to !== 'server/src/model/types';
    });
    assert.deepEqual(wrong, []);
  });

  it('features import neither the server, the command line nor the client', () => {
    const wrong = importsUnder('server/src/features/').filter(({ file, specifier }) => {
      const to = target(file, specifier);
      return to !== null && (to === 'server/src/server' || to.startsWith('server/src/cli/') || to.startsWith('client/'));
    });
    assert.deepEqual(wrong, []);
  });

  it('the workspace layer imports the model and Node, never the features, the server, the command line or an editor package', () => {
    const wrong = importsUnder('server/src/workspace/').filter(({ file, specifier }) => {
      const to = target(file, specifier);
      if (/^vscode/.test(specifier)) return true;
      return to !== null && !to.startsWith('server/src/workspace/') && !to.startsWith('server/src/model/');
    });
    assert.deepEqual(wrong, []);
  });

  it('features do not import the workspace layer', () => {
    const wrong = importsUnder('server/src/features/').filter(({ file, specifier }) => target(file, specifier)?.startsWith('server/src/workspace/') ?? false);
    assert.deepEqual(wrong, []);
  });

  it('the command line uses the model, not the features or the server', () => {
    const wrong = importsUnder('server/src/cli/').filter(({ file, specifier }) => {
      const to = target(file, specifier);
      return /^vscode/.test(specifier) || (to !== null && (to.startsWith('server/src/features/') || to === 'server/src/server'));
    });
    assert.deepEqual(wrong, []);
  });

  it('the client imports nothing from the server (the protocol\'s shapes come from shared/)', () => {
    const wrong = importsUnder('client/src/').filter(({ file, specifier }) => target(file, specifier)?.startsWith('server/') ?? false);
    assert.deepEqual(wrong, []);
    assert.ok(importsUnder('client/src/').some(({ file, specifier }) => target(file, specifier) === 'shared/protocol'));
  });

  it('shared/ imports nothing and holds no code: types and the names of requests only', () => {
    assert.deepEqual(importsUnder('shared/'), []);
    for (const file of repoFiles.filter((name) => name.startsWith('shared/') && name.endsWith('.ts'))) {
      const source = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      assert.doesNotMatch(source, /\b(?:function|class)\b|=>/, `${file} holds code`);
      // Every export is a type or a constant string.
      for (const line of source.split('\n').filter((text) => /^export\b/.test(text))) assert.match(line, /^export (?:interface|type) |^export const \w+ = '[^']*';$/, line);
    }
  });
});
