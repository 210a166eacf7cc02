/**
 * The language server as an editor sees it: `node dist/server.js --stdio`, spoken to over
 * JSON-RPC, on the reference essay in footnote form and in endnote form (which must give the
 * same answers), with exact lines and characters.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CompletionRequest,
  DeclarationRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  type Location,
  type MarkupContent,
  ReferencesRequest,
  CodeLensRequest,
  type DocumentSymbol,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver/node';
import { defaultSeverities } from '../../server/src/features/config';
import { inside, lineRangeOf, positionOf, rangeOf, root, sampleUri, serverPath, TestClient, textAt } from './client';

interface Sample {
  file: string;
  /** The bibliography heading and its sections, as written. */
  headings: { bibliography: string; primary: string; secondary: string; outline: string };
  /** How a marker is written in this form. */
  marker: (label: string) => string;
  /** How a note definition starts in this form. */
  definition: (label: string) => string;
}

const samples: Sample[] = [
  {
    file: 'korea-1950.md',
    headings: { bibliography: '## Bibliography', primary: '### Primary sources', secondary: '### Secondary sources', outline: 'Bibliography' },
    marker: (label) => `[^${label}]`, definition: (label) => `[^${label}]: ` },
  {
    file: 'korea-1950-endnotes.md',
    headings: { bibliography: 'BIBLIOGRAPHY:', primary: 'Primary sources:', secondary: 'Secondary sources:', outline: 'BIBLIOGRAPHY' },
    marker: (label) => `[${label}]`, definition: (label) => `[${label}] ` },
];

function read(file: string): string {
  return readFileSync(path.join(root, 'samples', file), 'utf8');
}

/** Inside the body marker (its first occurrence, before the notes), one character in. */
function onMarker(text: string, sample: Sample, label: string) {
  const at = positionOf(text, sample.marker(label));
  return { line: at.line, character: at.character + 1 };
}

function hoverText(result: { contents: unknown } | null): string {
  assert.ok(result, 'a hover');
  return (result.contents as MarkupContent).value;
}

const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

describe('language server over stdio', function () {
  this.timeout(30000);

  for (const sample of samples) {
    describe(`on ${sample.file}`, () => {
      const uri = sampleUri(sample.file);
      const text = read(sample.file);
      let client: TestClient;

      before(async () => {
        client = await TestClient.start();
        await client.open(uri, text);
      });
      after(async () => client.stop());

      it('publishes the model diagnostics after didOpen, with code, source and severity', async () => {
        const published = await client.diagnosticsAfter(uri, 0, 1);
        const uncited = published.diagnostics.find((d) => d.code === 'uncited-source');
        assert.ok(uncited, 'the uncited Stueck (July 1976) entry is reported');
        assert.deepEqual(uncited.range, lineRangeOf(text, "Stueck W.W., 'The Soviet Union and the Origins"));
        assert.equal(uncited.source, 'apparatus');
        assert.equal(uncited.severity, DiagnosticSeverity.Warning);
        assert.deepEqual(uncited.data, { key: 'stueck1976' });
        assert.ok(client.logs.includes(`apparatus-language-server ${version}: analyses run on the main thread.`), client.logs.join('\n'));
        for (const diagnostic of published.diagnostics) {
          assert.equal(diagnostic.source, 'apparatus');
          assert.ok(typeof diagnostic.code === 'string' && diagnostic.code in defaultSeverities, `known rule ${diagnostic.code}`);
        }
      });

      it('hover on marker 12 names Talbott\'s *Khrushchev Remembers* with pp.333-34', async () => {
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: onMarker(text, sample, '12') });
        const value = hoverText(hover);
        assert.match(value, /Talbott, S\. \(ed\.\), \*Khrushchev Remembers\* \(London: Little Brown & Company, 1971\) — \*\*pp\.333-34\*\* · Primary/);
        assert.ok(value.startsWith(`**${sample.marker('12')}** Khrushchev in Talbott, pp.333-34`), value);
        assert.deepEqual(hover?.range, rangeOf(text, sample.marker('12')));
      });

      it('hover on the Ibid. of note 23 shows the chain back to Mansourov', async () => {
        const position = positionOf(text, `${sample.definition('23')}Ibid.`);
        position.character += sample.definition('23').length + 1;
        const value = hoverText(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
        assert.match(value, /Ibid\. → note 22 → Mansourov 1995/);
        assert.match(value, /\*CWIHP\* \(winter 1995\), pp\.94-119 — \*\*p\. 114\*\*/);
      });

      it('go to definition on marker 23 lands on the Mansourov entry', async () => {
        const result = (await client.connection.sendRequest(DefinitionRequest.type, {
          textDocument: { uri },
          position: onMarker(text, sample, '23'),
        })) as Location[];
        assert.deepEqual(result, [{ uri, range: lineRangeOf(text, "Mansourov A.Y. 'Stalin, Mao, Kim") }]);
      });

      it('go to declaration on marker 23 lands on its note', async () => {
        const result = (await client.connection.sendRequest(DeclarationRequest.type, {
          textDocument: { uri },
          position: onMarker(text, sample, '23'),
        })) as Location[];
        assert.equal(result.length, 1);
        assert.deepEqual(result[0].range, lineRangeOf(text, `${sample.definition('23')}Ibid.`));
      });

      it('references on the Goncharov entry find notes 9, 11, 17 and 20, their citations and markers', async () => {
        const entry = positionOf(text, 'Goncharov S.N. et al., *Uncertain Partners: Stalin, Mao and the Korean War* (Stanford');
        const result = (await client.connection.sendRequest(ReferencesRequest.type, {
          textDocument: { uri },
          position: { line: entry.line, character: 3 },
          context: { includeDeclaration: false },
        })) as Location[];
        const found = result.map((location) => [location.range.start.line, textAt(text, location.range)]);
        const line = (needle: string) => positionOf(text, needle).line;
        assert.deepEqual(found, [
          [line(sample.marker('9')), sample.marker('9')],
          [line(sample.marker('11')), sample.marker('11')],
          [line(sample.marker('17')), sample.marker('17')],
          [line(sample.marker('20')), sample.marker('20')],
          [
            line(sample.definition('9')),
            'interview with Kapitsa M.S. in Goncharov S.N. et al., *Uncertain Partners: Stalin, Mao and the Korean War* (Stanford: Stanford University Press, 1993), p.138',
          ],
          [line(sample.definition('11')), 'Goncharov, p.135'],
          [line(sample.definition('17')), 'Goncharov, p.136'],
          [line(sample.definition('20')), 'Goncharov 1993, p.145'],
        ]);
      });

      it('references on a marker find its markers and, with the declaration, its definition', async () => {
        const position = onMarker(text, sample, '12');
        const without = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: false } })) as Location[];
        assert.deepEqual(without.map((l) => l.range), [rangeOf(text, sample.marker('12'))]);
        const withDeclaration = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[];
        assert.deepEqual(
          withDeclaration.map((l) => textAt(text, l.range)),
          [sample.marker('12'), sample.marker('12')],
        );
        assert.equal(withDeclaration[1].range.start.line, positionOf(text, sample.definition('12')).line);
      });

      it('shows the bibliography under its sections and the notes in the outline', async () => {
        const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
        const bibliography = symbols.find((symbol) => symbol.name === sample.headings.outline);
        assert.ok(bibliography);
        assert.deepEqual(bibliography.children?.map((section) => [section.name, section.children?.length]), [
          ['Primary sources', 9],
          ['Secondary sources', 11],
        ]);
        const notes = symbols.find((symbol) => symbol.name === 'Notes');
        assert.equal(notes?.children?.length, 40);
        assert.equal(notes?.children?.[11].name, sample.marker('12'));
      });

      it('puts a lens on each bibliography entry', async () => {
        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
        const goncharov = lenses?.find((lens) => lens.range.start.line === positionOf(text, 'Goncharov S.N. et al., *Uncertain').line);
        assert.equal(goncharov?.command?.title, 'cited in 4 notes');
        assert.equal(goncharov?.command?.command, 'editor.action.showReferences');
        assert.equal((goncharov?.command?.arguments?.[2] as Location[]).length, 4);
        const stueck1976 = lenses?.find((lens) => lens.range.start.line === positionOf(text, "Stueck W.W., 'The Soviet Union").line);
        assert.equal(stueck1976?.command?.title, 'not cited');
      });

      it('folds the bibliography, its sections and the notes block', async () => {
        const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
        const lines = text.split('\n');
        const lastNote = lines.map((line) => line.startsWith(sample.definition('40'))).lastIndexOf(true);
        assert.deepEqual(
          folds?.map((fold) => [fold.startLine, fold.endLine]),
          [
            [positionOf(text, sample.headings.bibliography).line, positionOf(text, 'Stueck W.W., *Rethinking the Korean War').line],
            [positionOf(text, sample.headings.primary).line, positionOf(text, "Weathersby K., 'Soviet Aims in Korea").line],
            [positionOf(text, sample.headings.secondary).line, positionOf(text, 'Stueck W.W., *Rethinking the Korean War').line],
            [positionOf(text, sample.definition('1')).line, lastNote],
          ],
        );
      });

      it('returns the sources of a note for apparatus.showSources', async () => {
        const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
          command: 'apparatus.showSources',
          arguments: [uri, onMarker(text, sample, '25')],
        });
        assert.deepEqual(result, {
          label: '25',
          text: '*ibid.*, p.116',
          sources: [
            {
              key: 'mansourov1995',
              rendered:
                "Mansourov, A.Y., “Stalin, Mao, Kim and China's Decision to enter the Korean War, September 16-October 15, 1950”, *CWIHP* (winter 1995), pp.94-119",
              locator: 'p.116',
              section: 'Primary',
            },
          ],
        });
      });

      it('answers with nothing, not an error, past the end or for an unknown document', async () => {
        const past = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 10_000, character: 5 } });
        assert.equal(past, null);
        const unknown = await client.connection.sendRequest(DefinitionRequest.type, {
          textDocument: { uri: 'file:///nowhere/essay.md' },
          position: { line: 0, character: 0 },
        });
        assert.deepEqual(unknown, []);
        await assert.rejects(
          client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.showSources', arguments: [uri, 'not a position'] }),
          /needs a position/,
        );
        assert.equal(client.exited, false);
      });

      it('publishes new diagnostics for each change, for that version', async () => {
        const before = client.published.length;
        const definition40 = lineRangeOf(text, sample.definition('40'));
        // Delete note 40's definition: its marker is left dangling.
        const version = await client.change(uri, [{ range: definition40, newText: '' }]);
        const published = await client.diagnosticsAfter(uri, before, version);
        const missing = published.diagnostics.find((d) => d.code === 'missing-note');
        assert.ok(missing, 'a missing-note error on marker 40');
        assert.equal(missing.severity, DiagnosticSeverity.Error);
        assert.deepEqual(missing.range, rangeOf(text, sample.marker('40')));
        assert.ok(client.published.slice(before).every((p) => p.uri !== uri || p.version === version), 'no stale version published');
      });

      it('turns a rule off when the setting changes, without a restart', async () => {
        const before = client.published.length;
        const codes = (diagnostics: { code?: number | string }[]) => [...new Set(diagnostics.map((d) => String(d.code)))].sort();
        const previous = client.published.filter((p) => p.uri === uri).at(-1);
        assert.ok(previous, 'diagnostics were published');
        assert.ok(previous.diagnostics.some((d) => d.code === 'uncited-source'));
        await client.configure({ diagnostics: { severity: { 'uncited-source': 'off', 'missing-note': 'hint' } } });
        const published = await client.until('diagnostics without uncited-source', () =>
          client.published.slice(before).find((p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'uncited-source')),
        );
        const missing = published.diagnostics.find((d) => d.code === 'missing-note');
        assert.equal(missing?.severity, DiagnosticSeverity.Hint);
        assert.deepEqual(codes(published.diagnostics), codes(previous.diagnostics).filter((code) => code !== 'uncited-source'), 'other rules unchanged');
      });
    });
  }

  describe('an essay without a bibliography', () => {
    let client: TestClient;
    after(async () => client.stop());

    it('resolves its short forms to the works its notes give in full, over the protocol', async () => {
      client = await TestClient.start();
      const uri = 'file:///notes-only/harbour.md';
      const text = [
        '# The Harbour Board',
        '',
        'The board met weekly.[^1] It kept minutes.[^2]',
        '',
        '[^1]: Mairead Quinlan, *Tides of Commerce: The Port of Cork, 1780–1850* (Cork: Atlantic Press, 1994), 33.',
        '[^2]: Quinlan, *Tides of Commerce*, 41.',
        '',
      ].join('\n');
      await client.open(uri, text);
      const published = await client.diagnosticsAfter(uri, 0, 1);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code).filter((code) => code === 'missing-bibliography' || code === 'unresolved-citation'),
        [],
      );
      const hover = hoverText(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: inside(text, 'minutes.[^2]', 'minutes.[^'.length) }));
      assert.match(hover, /\*Tides of Commerce: The Port of Cork, 1780–1850\* \(Cork: Atlantic Press, 1994\) — \*\*41\*\*/);
      const definition = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: inside(text, 'minutes.[^2]', 'minutes.[^'.length) })) as { uri: string; range: { start: { line: number } } }[];
      assert.deepEqual(
        definition.map((location) => [location.uri, location.range.start.line]),
        [[uri, 4]],
      );
    });
  });

  describe('completion', () => {
    let client: TestClient;
    after(async () => client.stop());

    it('offers the next free number first after [^, and short forms inside a note', async () => {
      client = await TestClient.start();
      const uri = sampleUri('korea-1950.md');
      const text = read('korea-1950.md');
      await client.open(uri, text);
      await client.diagnosticsAfter(uri, 0, 1);
      // Type `[^` at the end of the first body paragraph, as a writer adding a note would.
      const end = positionOf(text, 'deciding about American intervention[^1].');
      end.character += 'deciding about American intervention[^1].'.length;
      await client.change(uri, [{ range: { start: end, end }, newText: ' More[^' }]);
      const cursor = { line: end.line, character: end.character + ' More[^'.length };
      const result = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: cursor,
        context: { triggerKind: 2, triggerCharacter: '^' },
      })) as CompletionItem[] | CompletionList;
      const items = (Array.isArray(result) ? result : result.items).sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
      assert.equal(items[0].label, '41');
      assert.deepEqual(items[0].textEdit, { range: { start: cursor, end: cursor }, newText: '41]' });
      assert.equal(items.length, 41);
      const twelve = items.find((item) => item.label === '12');
      assert.deepEqual(twelve?.documentation, { kind: 'markdown', value: 'Khrushchev in Talbott, pp.333-34' });

      // Inside note 11, after "Goncharov, p.135; Wea".
      const note11 = positionOf(text, '[^11]: Goncharov, p.135');
      const noteEnd = { line: note11.line, character: '[^11]: Goncharov, p.135'.length };
      await client.change(uri, [{ range: { start: noteEnd, end: noteEnd }, newText: '; Wea' }]);
      const inNote = { line: noteEnd.line, character: noteEnd.character + '; Wea'.length };
      const sources = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: inNote })) as CompletionItem[];
      const winter = sources.find((item) => item.label === 'Weathersby (winter 1995)');
      assert.ok(winter, sources.map((item) => item.label).join(', '));
      assert.deepEqual(winter.textEdit, { range: { start: { line: inNote.line, character: inNote.character - 3 }, end: inNote }, newText: 'Weathersby (winter 1995), p.' });
      const goncharov = sources.find((item) => item.textEdit && 'newText' in item.textEdit && item.textEdit.newText.startsWith('Goncharov'));
      assert.equal(goncharov?.label, 'Goncharov');
      const cumings = sources.find((item) => item.label.startsWith('Cumings'));
      assert.equal(cumings?.label, 'Cumings (1990)', 'an entry cited only in full falls back to Surname (year)');
    });
  });

  describe('commands', () => {
    let client: TestClient;
    after(async () => client.stop());

    it('renumbers a shuffled copy to 1…N in order of appearance, every note text unchanged', async () => {
      const original = read('korea-1950.md');
      const shuffled = shuffleNotes(original, 7);
      assert.notEqual(shuffled, original);
      const uri = sampleUri('shuffled.md');
      client = await TestClient.start();
      await client.open(uri, shuffled);
      const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'apparatus.renumberNotes', arguments: [uri] });
      assert.deepEqual((result as { applied: boolean }).applied, true);
      const renumbered = client.text(uri);

      const body = (text: string) => text.slice(0, text.indexOf('\n[^'));
      const bodyLabels = [...body(renumbered).matchAll(/\[\^([^\]]+)\](?!:)/g)].map((match) => match[1]);
      const firstAppearance = [...new Set(bodyLabels)];
      assert.deepEqual(firstAppearance, Array.from({ length: 40 }, (_, i) => String(i + 1)));

      const definitions = [...renumbered.matchAll(/^\[\^([^\]]+)\]: (.*)$/gm)];
      assert.deepEqual(definitions.map((match) => match[1]), firstAppearance, 'definitions in order');
      // The i-th marker of the body points at the same text before and after.
      const noteTexts = (text: string) => new Map([...text.matchAll(/^\[\^([^\]]+)\]: (.*)$/gm)].map((match) => [match[1], match[2]]));
      const before = noteTexts(shuffled);
      const after = noteTexts(renumbered);
      const shuffledOrder = [...new Set([...body(shuffled).matchAll(/\[\^([^\]]+)\](?!:)/g)].map((match) => match[1]))];
      shuffledOrder.forEach((label, i) => assert.equal(after.get(String(i + 1)), before.get(label), `note ${i + 1}`));
      // The body text around the markers is untouched.
      assert.equal(body(renumbered).replace(/\[\^\d+\]/g, '[^]'), body(shuffled).replace(/\[\^\d+\]/g, '[^]'));
    });

    it('checks documents sent by the client and counts their problems', async () => {
      const defects = read('defects.md');
      const uri = 'file:///workspace/defects.md';
      const result = await client.connection.sendRequest('apparatus/checkDocuments', {
        workDoneToken: 'check-1',
        documents: [
          { uri, text: defects },
          { uri: 'file:///workspace/korea.md', text: read('korea-1950.md') },
        ],
      });
      const files = (result as { files: { uri: string; errors: number; warnings: number; infos: number }[] }).files;
      assert.equal(files.length, 2);
      const published = await client.until('defects diagnostics', () => client.published.find((p) => p.uri === uri));
      const count = (severity: DiagnosticSeverity) => published.diagnostics.filter((d) => d.severity === severity).length;
      assert.deepEqual(files[0], {
        uri,
        errors: count(DiagnosticSeverity.Error),
        warnings: count(DiagnosticSeverity.Warning),
        infos: count(DiagnosticSeverity.Information) + count(DiagnosticSeverity.Hint),
      });
      assert.ok(files[0].errors > 0, 'the defects sample has errors');
      await client.until('progress to end', () => client.progress.some((p) => p.token === 'check-1' && p.value.kind === 'end'));
      assert.deepEqual(
        client.progress.filter((p) => p.token === 'check-1').map((p) => [p.value.kind, p.value.percentage, p.value.message]),
        [
          ['begin', 0, '0 of 2'],
          ['report', 50, '1 of 2'],
          ['report', 100, '2 of 2'],
          ['end', undefined, undefined],
        ],
      );
      await assert.rejects(client.connection.sendRequest('apparatus/checkDocuments', { documents: 'all' }), /needs \{ documents/);
    });
  });

  describe('command line', () => {
    it('prints its version and its help, and refuses to start without a transport', () => {
      assert.equal(execFileSync(process.execPath, [serverPath, '--version'], { encoding: 'utf8' }), `${version}\n`);
      assert.match(execFileSync(process.execPath, [serverPath, '--help'], { encoding: 'utf8' }), /--stdio/);
      assert.throws(() => execFileSync(process.execPath, [serverPath], { encoding: 'utf8', stdio: 'pipe' }), /no transport given/);
    });
  });
});

/**
 * The sample with its labels replaced by a seeded random permutation (markers and definitions
 * alike) and its definitions in a seeded random order: a draft whose notes were moved around.
 */
function shuffleNotes(text: string, seed: number): string {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const labels = Array.from({ length: 40 }, (_, i) => String(i + 1));
  const permuted = [...labels];
  for (let i = permuted.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [permuted[i], permuted[j]] = [permuted[j], permuted[i]];
  }
  const relabelled = text.replace(/\[\^(\d+)\]/g, (_, label: string) => `[^${permuted[Number(label) - 1]}]`);
  const start = relabelled.indexOf('\n[^') + 1;
  const definitions = relabelled.slice(start).split('\n\n').map((block) => block.trim()).filter(Boolean);
  for (let i = definitions.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [definitions[i], definitions[j]] = [definitions[j], definitions[i]];
  }
  return `${relabelled.slice(0, start)}${definitions.join('\n\n')}\n`;
}
