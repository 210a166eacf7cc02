/**
 * The preview's notes plugin, run in markdown-it itself (VS Code's preview uses the same parser)
 * on the samples and the Pandoc fixture, with the language server's answer for each document
 * computed from the real analysis (`providePreviewNotes`), as the client receives it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { notesPlugin, parseCitation } from '../../../client/src/preview/notesPlugin';
import type { PreviewNotes } from '../../../shared/protocol';
import { defaultSettings } from '../../../server/src/features/config';
import { provideDiagnostics } from '../../../server/src/features/diagnostics';
import { noteReference, providePreviewNotes } from '../../../server/src/features/previewNotes';
import { analyseEssay, type AnalysisOptions } from '../../../server/src/model/analyse';
import { parseLibrary } from '../../../server/src/model/pandoc/library';

const root = join(__dirname, '../../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** The server's answer for a text, as `apparatus/previewNotes` sends it. */
function serverAnswer(text: string, options: Partial<AnalysisOptions> = {}): PreviewNotes {
  const essay = analyseEssay(text, options);
  const answer: PreviewNotes = providePreviewNotes(essay, provideDiagnostics(essay, 'file:///essay.md', defaultSettings));
  return JSON.parse(JSON.stringify(answer)) as PreviewNotes;
}

function render(text: string, resolution?: PreviewNotes): string {
  const md = new MarkdownIt({ html: true });
  // A rule that fails is skipped in the preview; here it fails the test.
  notesPlugin(md, { resolutionFor: () => resolution, onError: (error) => assert.fail(`a plugin rule failed: ${String(error)}`) });
  return md.render(text, {});
}

function plainRender(text: string): string {
  return new MarkdownIt({ html: true }).render(text, {});
}

/** `[number, title]` of every note marker, in document order. */
function markers(html: string): { number: number; title: string; problem: boolean }[] {
  return [...html.matchAll(/<sup class="apparatus-ref( apparatus-problem)?"><a href="#apparatus-note-(\d+)" id="[^"]+" title="([^"]*)">(\d+)<\/a><\/sup>/g)].map((m) => {
    assert.equal(m[2], m[4], 'the link goes to the note it numbers');
    return { number: Number(m[4]), title: decode(m[3]), problem: m[1] !== undefined };
  });
}

function notesSection(html: string): string {
  const start = html.indexOf('<section class="apparatus-notes">');
  assert.ok(start >= 0, 'there is a notes section');
  return html.slice(start, html.indexOf('</section>', start));
}

function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Numbers as a reader meets them: 1, 2, 3 … with a repeated marker repeating its number. */
function assertReadingOrder(numbers: number[]): void {
  let highest = 0;
  for (const number of numbers) {
    assert.ok(number <= highest + 1, `note ${number} appears before note ${highest + 1}`);
    highest = Math.max(highest, number);
  }
}

describe('preview notes plugin', () => {
  describe('footnotes on the reference essay (samples/korea-1950.md)', () => {
    const text = read('samples/korea-1950.md');
    const essay = analyseEssay(text);
    const html = render(text, serverAnswer(text));
    const found = markers(html);

    it('turns every marker into a numbered superscript, in reading order, and prints no raw marker', () => {
      assert.equal(found.length, essay.markers.length);
      assertReadingOrder(found.map((m) => m.number));
      assert.doesNotMatch(html.replace(/title="[^"]*"/g, ''), /\[\^\d+\]/);
    });

    it('lists each note once in the notes section, with its text and a back-link to its marker', () => {
      const section = notesSection(html);
      const items = [...section.matchAll(/<li id="apparatus-note-(\d+)" value="\d+"[^>]*>([\s\S]*?)<\/li>/g)];
      assert.equal(items.length, new Set(essay.markers.map((m) => m.label)).size);
      const first = items.find((item) => item[1] === '1');
      assert.match(first![2], /<em>Lessons of the Past: the Use and Misuse of History in American Foreign Policy<\/em>/);
      assert.match(first![2], /<a href="#apparatus-ref-1" class="apparatus-backref"/);
      // Every back-link goes to a marker that exists.
      const ids = new Set([...html.matchAll(/id="(apparatus-ref-[\d-]+)"/g)].map((m) => m[1]));
      for (const back of section.matchAll(/href="#(apparatus-ref-[\d-]+)"/g)) assert.ok(ids.has(back[1]), back[1]);
    });

    it("shows the note and its resolved source in the marker's title", () => {
      const first = found.find((m) => m.number === 1)!;
      assert.match(first.title, /^1\. May E\.R\., Lessons of the Past/);
      assert.match(first.title, /\nSource: May, E\.R\., Lessons of the Past: the Use and Misuse of History in American Foreign Policy .*1973.*, p\.74/);
    });

    it('marks exactly the notes the editor has a problem with', () => {
      const answer = serverAnswer(text);
      for (const marker of found) {
        const label = String(marker.number);
        const problems = answer.notes[label]?.problems ?? [];
        assert.equal(marker.problem, problems.length > 0, `note ${label}`);
        for (const problem of problems) assert.ok(marker.title.includes(problem), `note ${label} names its problem`);
      }
    });
  });

  describe('problems on samples/defects.md', () => {
    const text = read('samples/defects.md');
    const answer = serverAnswer(text);
    const html = render(text, answer);

    it('marks a note whose citation does not resolve, with the diagnostic as its title', () => {
      const unresolved = Object.entries(answer.notes).filter(([, info]) => info.problems.some((p) => /no bibliography entry|not in the bibliography|cannot be resolved|matches no/i.test(p)));
      assert.ok(unresolved.length > 0, 'the defects sample has an unresolved citation');
      const marked = markers(html).filter((m) => m.problem);
      for (const [, info] of unresolved) assert.ok(marked.some((m) => info.problems.every((p) => m.title.includes(p))));
    });

    it('says when a marker has no note, and lists a note no marker points to', () => {
      const missing = essayLabels(text).missing;
      assert.ok(missing.length > 0);
      for (const label of missing) assert.match(html, new RegExp(`Note \\[\\^${label}\\] is not defined`));
      const unused = essayLabels(text).unused;
      assert.ok(unused.length > 0);
      for (const label of unused) assert.match(html, new RegExp(`class="apparatus-note[a-z -]* apparatus-unused"[^>]*><span class="apparatus-unused-label">\\[\\^${label}\\]`));
    });
  });

  describe('pasted endnotes (samples/korea-1950-endnotes.md)', () => {
    const text = read('samples/korea-1950-endnotes.md');
    const essay = analyseEssay(text);
    const html = render(text, serverAnswer(text));

    it('numbers the [12] markers and puts the notes where the endnote list was', () => {
      assert.equal(essay.form, 'endnote');
      const found = markers(html);
      assert.equal(found.length, essay.markers.length);
      assertReadingOrder(found.map((m) => m.number));
      const section = notesSection(html);
      assert.doesNotMatch(section, /<p>\[\d+\] /, 'the [12] of each definition is dropped');
      assert.match(section, /<li id="apparatus-note-1" value="1" class="apparatus-note"><p>May E\.R\., <em>Lessons of the Past/);
      // The text around the list keeps its place: the essay's last body paragraph comes before the notes.
      assert.ok(html.indexOf('<h2>Truman</h2>') < html.indexOf('<section class="apparatus-notes">'));
    });

    it('leaves a bracketed number alone in an essay without endnotes', () => {
      const html = render('In [1950] the war began; see [12](https://example.org).\n');
      assert.equal(html, plainRender('In [1950] the war began; see [12](https://example.org).\n'));
    });
  });

  describe('Pandoc citations (test/fixtures/pandoc/editor)', () => {
    const dir = 'test/fixtures/pandoc/editor';
    const text = read(`${dir}/essay.md`);
    const libraries: AnalysisOptions['libraries'] = (names) =>
      names.map((name) => ({ name, library: parseLibrary(name, read(`${dir}/${name}`)), problem: null }));
    const answer = serverAnswer(text, { libraries });
    const html = render(text, answer);

    it('prints a citation in the text as a numbered note with its reference and locator', () => {
      const found = markers(html);
      assert.deepEqual(found.map((m) => m.number), [1, 2, 3]);
      assert.equal(found[0].title, '1. Davis, City of Quartz, 159.');
      assert.match(notesSection(html), /<span class="apparatus-citation">Davis, <em>City of Quartz<\/em>, 159\.<\/span>/);
      assert.match(found[1].title, /^2\. see White and Cronon, “The Middle Ground Revisited”, 503; /);
    });

    it('marks a key that is in no bibliography file, saying so', () => {
      const found = markers(html);
      assert.equal(found[2].problem, true);
      assert.match(found[2].title, /No entry "nobody2000"/);
      assert.match(notesSection(html), /<span class="apparatus-problem" title="No entry &quot;nobody2000&quot;[^"]*">@nobody2000<\/span>/);
      assert.equal(found[0].problem, false);
    });

    it('applies the answer when VS Code renders its cached tokens again, looking the document up in the render env', () => {
      // VS Code parses a document once per version (with an empty env) and renders the tokens with
      // `env.currentDocument`; when the server's answer arrives, only the rendering runs again.
      let answer: PreviewNotes | undefined;
      const asked: unknown[] = [];
      const md = new MarkdownIt({ html: true });
      notesPlugin(md, {
        resolutionFor: (env) => (asked.push(env.currentDocument), answer),
        onError: (error) => assert.fail(String(error)),
      });
      const tokens = md.parse(text, {});
      const before = md.renderer.render(tokens, md.options, { currentDocument: 'essay.md' });
      answer = serverAnswer(text, { libraries });
      const after = md.renderer.render(tokens, md.options, { currentDocument: 'essay.md' });
      assert.doesNotMatch(before, /apparatus-problem|City of Quartz/);
      assert.match(after, /title="1\. Davis, City of Quartz, 159\."/);
      assert.match(after, /apparatus-problem/);
      assert.ok(asked.length > 0 && asked.every((document) => document === 'essay.md'));
    });

    it('marks nothing before the server has answered', () => {
      const unresolved = render(text);
      assert.equal(markers(unresolved).length, 3);
      assert.doesNotMatch(unresolved, /apparatus-problem/);
    });

    it('reads Pandoc’s citation syntax', () => {
      assert.deepEqual(parseCitation('see @doe99, pp. 33-35; also @smith04, chap. 1'), [
        { key: 'doe99', prefix: 'see', suffix: 'pp. 33-35' },
        { key: 'smith04', prefix: 'also', suffix: 'chap. 1' },
      ]);
      assert.deepEqual(parseCitation('-@smith04'), [{ key: 'smith04', prefix: '', suffix: '' }]);
      assert.equal(parseCitation('write to me@example.com'), null, 'an e-mail address is not a key');
      assert.equal(parseCitation('@doe99; no key here'), null);
    });

    it('builds the short reference a note prints from the entry', () => {
      const bib = parseLibrary('refs.bib', read(`${dir}/refs.bib`));
      const davis = bib.entries.find((entry) => entry.key === 'davis1992quartz')!;
      assert.equal(noteReference(davis), 'Davis, *City of Quartz*');
    });
  });

  describe('inline notes and notes inside notes', () => {
    it('numbers inline notes with the footnotes, in reading order', () => {
      const html = render('First^[An inline note with *emphasis*.] then a footnote[^a] and another^[Second.].\n\n[^a]: The footnote.\n');
      const found = markers(html);
      assert.deepEqual(found.map((m) => m.number), [1, 2, 3]);
      assert.equal(found[0].title, '1. An inline note with emphasis.');
      assert.equal(found[1].title, '2 ([^a]). The footnote.', 'the label is named when it differs from the number');
      assert.match(notesSection(html), /<li id="apparatus-note-1" value="1" class="apparatus-note"><p>An inline note with <em>emphasis<\/em>\. <a href="#apparatus-ref-1"/);
    });

    it('gives a repeated marker its first number and one back-link per use', () => {
      const html = render('One[^x], again[^x].\n\n[^x]: Shared.\n');
      assert.deepEqual(markers(html).map((m) => m.number), [1, 1]);
      assert.match(html, /id="apparatus-ref-1-2"/);
      assert.match(notesSection(html), /href="#apparatus-ref-1".*href="#apparatus-ref-1-2"/);
    });

    it('keeps a multi-paragraph note whole and prints a citation inside a note as text', () => {
      const html = render('Text[^long].\n\n[^long]: First paragraph [@key, p. 3].\n\n    Second paragraph.\n\nAfter.\n');
      const section = notesSection(html);
      assert.match(section, /<p>First paragraph <span class="apparatus-citation">@key, p\. 3<\/span>\.<\/p>\s*<p>Second paragraph\./);
      assert.equal(markers(html).length, 1, 'the citation inside the note is not a note of its own');
      assert.ok(html.indexOf('<p>After.</p>') < html.indexOf('<section'));
    });
  });

  describe('robustness', () => {
    it('renders a text without notes exactly as markdown-it does', () => {
      const text = read('README.md');
      assert.equal(render(text), plainRender(text));
    });

    it('titles a second definition of a label as a duplicate, not as a note no marker points to', () => {
      // samples/defects.md defines [^10] twice, with a marker for it in the text.
      const text = read('samples/defects.md');
      const html = notesSection(render(text, serverAnswer(text)));
      const essay = analyseEssay(text);
      const duplicated = essay.diagnostics.filter((d) => d.code === 'duplicate-note').map((d) => String(d.data?.label));
      assert.ok(duplicated.length > 0);
      for (const label of duplicated) {
        assert.match(html, new RegExp(`class="apparatus-note[a-z -]* apparatus-duplicate" title="Note \\[\\^${label}\\] is defined twice; its markers use only the first definition\\.`));
        assert.doesNotMatch(html, new RegExp(`No marker in the text points to note \\[\\^${label}\\]`));
      }
      // A note no marker reaches is still titled so.
      for (const label of essayLabels(text).unused) assert.match(html, new RegExp(`No marker in the text points to note \\[\\^${label}\\]`));
    });

    it('keeps the text of a second definition of a label (found by the property below)', () => {
      const html = render('Text.[^1]\n\n[^1]: note\n[^1]: notetext');
      assert.ok(html.includes('notetext'), html);
      assert.equal(markers(html).length, 1);
    });

    it('keeps the words of a code block’s info string as markdown-it does (found by the property below)', () => {
      const text = '```^[inline [nested] note]';
      assert.equal(render(text), plainRender(text));
    });

    it('never fails, whatever the text and whatever the server said', () => {
      const pieces = ['[^1]', '[^1]: note', '^[', ']', '[', '[@', '@key', '[@key, p. 3]', '[12]', '[12] end', '\n', '\n\n', '    ', '*', '`', 'text', '[^', '^[inline [nested] note]', '[@a; @b]'];
      const hostile = { notes: { '1': { sources: [42], problems: null } }, keys: { key: { reference: 7, problem: {} } } } as unknown as PreviewNotes;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean(), (parts, withHostile) => {
          const text = parts.join('');
          const html = render(text, withHostile ? hostile : undefined);
          // Whatever the plugin makes of it, every word markdown-it shows is still there. (Not every
          // word of the text: "```^[inline [nested] note]" opens a code block whose info string
          // markdown-it itself shows only the first word of.)
          const shown = plainRender(text);
          for (const word of text.match(/[a-z]{3,}/g) ?? []) if (shown.includes(word)) assert.ok(html.includes(word), word);
        }),
        { numRuns: 400 },
      );
    });
  });
});

/** Labels of markers with no note and of notes with no marker, from the model. */
function essayLabels(text: string): { missing: string[]; unused: string[] } {
  const essay = analyseEssay(text);
  return {
    missing: essay.diagnostics.filter((d) => d.code === 'missing-note').map((d) => d.data?.label ?? '').filter(Boolean),
    unused: essay.diagnostics.filter((d) => d.code === 'unused-note').map((d) => d.data?.label ?? '').filter(Boolean),
  };
}
