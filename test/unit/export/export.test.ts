/**
 * Exporting a typed bibliography: keys, the fields read from an entry, and BibTeX and CSL-JSON that
 * our own reader and Pandoc read back to the same works.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseEssay, defaultAnalysisOptions } from '../../../server/src/model/analyse';
import { exportBibliography, exportRecords } from '../../../server/src/model/export/index';
import { asciiKeyPart, exportKeys } from '../../../server/src/model/export/keys';
import { doiOf, imprintOf } from '../../../server/src/model/export/fields';
import { escapeBibtex } from '../../../server/src/model/export/bibtex';
import { latexToText, parseBibtex, parseCslJson } from '../../../server/src/model/pandoc/library';
import type { ExportRecord } from '../../../server/src/model/export/record';
// @ts-expect-error: a plain ES module without types
import { ensurePandoc } from '../../../scripts/pandoc-setup.mjs';

const root = join(__dirname, '..', '..', '..');
const options = { claims: { ...defaultAnalysisOptions.claims, enabled: false } };
const sample = analyseEssay(readFileSync(join(root, 'samples', 'korea-1950.md'), 'utf8'), options);

function essayWith(entries: string[]): ReturnType<typeof analyseEssay> {
  return analyseEssay(`Text.[^1]\n\n[^1]: A note.\n\n## Bibliography\n\n${entries.join('\n\n')}\n`, options);
}

function record(records: ExportRecord[], id: string): ExportRecord {
  const found = records.find((candidate) => candidate.id === id);
  assert.ok(found, `no record ${id} among ${records.map((r) => r.id).join(', ')}`);
  return found;
}

describe('export: keys', () => {
  it('writes authorTitleYear keys in lower-case ASCII, unique and the same on every export', () => {
    const keys = exportKeys(sample.bibliography.entries);
    assert.equal(keys.get('may1973'), 'maylessons1973');
    assert.equal(keys.get('weathersby1995a'), 'weathersbykorea1995');
    assert.equal(keys.get('weathersby1995b'), 'weathersbynew1995');
    assert.equal(keys.get('stueck2002'), 'stueckrethinking2002');
    assert.equal(keys.get('frus1949'), 'frusnsc1949');
    assert.equal(keys.get('nsc68'), 'nsc68_1950');
    const values = [...keys.values()];
    assert.equal(new Set(values).size, values.length);
    for (const key of values) assert.match(key, /^[a-z][a-z0-9_]*$/);
    assert.deepEqual([...exportKeys(sample.bibliography.entries)], [...keys]);
  });

  it('folds accents and special letters to ASCII', () => {
    assert.equal(asciiKeyPart('Dvořák'), 'dvorak');
    assert.equal(asciiKeyPart('Æsop Øster Straße'), 'aesoposterstrasse');
  });

  it('gives works that would share a key a, b, … in bibliography order', () => {
    const essay = essayWith(['Smith, John. *Empire*. London: Verso, 1990.', 'Smith, Jane. *Empire*. Boston: Beacon, 1990.']);
    assert.deepEqual([...exportKeys(essay.bibliography.entries).values()], ['smithempire1990a', 'smithempire1990b']);
  });
});

describe('export: fields', () => {
  it('reads the place and publisher in parentheses and in Chicago sentences, not a subtitle', () => {
    assert.deepEqual(imprintOf('Higham R.D.S., *The Korean War: Handbook* (Westport, Conn.: Greenwood Press, 1996)'), { place: 'Westport, Conn.', publisher: 'Greenwood Press' });
    assert.deepEqual(imprintOf('Gaddis, John Lewis. *We Now Know: Rethinking Cold War History*. Oxford: Clarendon Press, 1997.'), { place: 'Oxford', publisher: 'Clarendon Press' });
    assert.deepEqual(imprintOf('Smith, J. "Title: A Subtitle." *Journal* 4 (1990): 1–20.'), { place: null, publisher: null });
  });

  it('reads a DOI without its closing punctuation', () => {
    assert.equal(doiOf('Journal 3 (2013): 1–9. https://doi.org/10.1111/1468-2281.12011.'), '10.1111/1468-2281.12011');
    assert.equal(doiOf('No identifier here, 1990.'), null);
  });

  it('guesses the kind of work from the entry’s shape', () => {
    const essay = essayWith([
      'Stueck W.W., \'The Korean War as International History\' in *Diplomatic History* Vol.10, N.4 (1986), pp.291-306',
      'Driggs, Ken. "How Do Things Look on the Ground?" In *Black and Mormon*, edited by Newell G. Bringhurst. Urbana: University of Illinois Press, 2004.',
      'Klips, Stephen. "Institutionalizing the Poor." PhD diss., Columbia University, 1980.',
      'Cumings B., *The Origins of the Korean War* (Princeton, NJ: Princeton University Press, 1990)',
      'Parshall, Ardis E. "Marie Graves." <https://example.org/graves-marie>.',
    ]);
    const types = exportRecords(essay.bibliography).map((r) => `${r.id}:${r.type}`);
    assert.deepEqual(types, ['stueckkorean1986:article-journal', 'driggshow2004:chapter', 'klipsinstitutionalizing1980:thesis', 'cumingsorigins1990:book', 'parshallmarie:manuscript']);
  });

  it('writes the sample’s entries with their authors, container, volume, issue, pages, publisher and place', () => {
    const records = exportRecords(sample.bibliography);
    const stueck = record(records, 'stueckkorean1986');
    assert.deepEqual(
      { author: stueck.author, title: stueck.title, container: stueck.containerTitle, volume: stueck.volume, issue: stueck.issue, page: stueck.page, issued: stueck.issued },
      { author: [{ family: 'Stueck', given: 'W. W.' }], title: 'The Korean War as International History', container: 'Diplomatic History', volume: '10', issue: '4', page: '291-306', issued: [1986] },
    );
    const higham = record(records, 'highamkorean1996');
    assert.deepEqual(higham.author, [{ family: 'Higham', given: 'R. D. S.' }, { family: 'Brune', given: 'L. H.' }]);
    assert.equal(higham.publisher, 'Greenwood Press');
    assert.equal(higham.publisherPlace, 'Westport, Conn.');
    assert.deepEqual(record(records, 'talbottkhrushchev1971').editor, [{ family: 'Talbott', given: 'S.' }]);
    assert.equal(record(records, 'goncharovuncertain1993').etAl, true);
    assert.equal(record(records, 'nsc68_1950').url, 'http://www.fas.org/irp/offdocs/nsc-hst/nsc-68.htm');
  });

  it('gives an entry after an escaped repeated-author rule the previous entry’s author', () => {
    const essay = essayWith(['Smith, John. *First Book*. London: Verso, 1990.', '\\_\\_\\_\\_\\_. *Second Book*. London: Verso, 1995.']);
    const second = exportRecords(essay.bibliography)[1];
    assert.equal(second.id, 'smithsecond1995');
    assert.deepEqual(second.author, [{ family: 'Smith', given: 'John' }]);
    assert.equal(second.title, 'Second Book');
  });
});

describe('export: BibTeX and CSL-JSON read back', () => {
  it('escapes BibTeX’s special characters so that the value reads back as written', () => {
    // Our reader decodes these; braces, ~, ^ and \\ are checked with Pandoc below.
    const value = 'R&D at 50% of $5 #1 a_b';
    assert.equal(latexToText(escapeBibtex(value)), value);
  });

  it('BibTeX of the sample and of a published essay reads back with our reader: same keys, titles, years and authors', () => {
    for (const file of ['samples/korea-1950.md', 'test/fixtures/real/crdh-v01-01-large-scale-textual-corpora.md']) {
      const essay = analyseEssay(readFileSync(join(root, file), 'utf8'), options);
      const exported = exportBibliography(essay.bibliography, 'bibtex');
      const library = parseBibtex('export.bib', exported.text);
      assert.deepEqual(library.errors, [], file);
      assert.deepEqual(library.entries.map((entry) => entry.key), exported.records.map((r) => r.id), file);
      for (const [i, entry] of library.entries.entries()) {
        const exportedRecord = exported.records[i];
        assert.equal(latexToText(entry.fields.title ?? ''), exportedRecord.title ?? '', `${file} ${entry.key} title`);
        assert.equal(entry.fields.year ?? null, exportedRecord.issued ? String(exportedRecord.issued[0]) : null, `${file} ${entry.key} year`);
        const families = exportedRecord.author.map((name) => ('literal' in name ? name.literal : name.family));
        for (const family of families) assert.ok(latexToText(entry.fields.author ?? '').includes(family), `${file} ${entry.key}: ${family} in ${entry.fields.author}`);
      }
    }
  });

  it('CSL-JSON reads back with our reader with the same keys', () => {
    const exported = exportBibliography(sample.bibliography, 'csl-json');
    const library = parseCslJson('export.json', exported.text);
    assert.deepEqual(library.errors, []);
    assert.deepEqual(library.entries.map((entry) => entry.key), exported.records.map((r) => r.id));
  });

  describe('with Pandoc', function () {
    let work = '';
    before(function () {
      this.timeout(300_000);
      (ensurePandoc as () => string)();
      work = mkdtempSync(join(tmpdir(), 'apparatus-export-'));
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    function pandocItems(file: string, from: string): Record<string, unknown>[] {
      const result = spawnSync('pandoc', ['-f', from, '-t', 'csljson', file], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      return JSON.parse(result.stdout) as Record<string, unknown>[];
    }

    it('pandoc reads the BibTeX export as the same works: type, authors, title, container, volume, issue, pages, publisher, place', () => {
      const exported = exportBibliography(sample.bibliography, 'bibtex');
      writeFileSync(join(work, 'korea.bib'), exported.text);
      const items = pandocItems(join(work, 'korea.bib'), 'biblatex');
      assert.deepEqual(items.map((item) => item.id), exported.records.map((r) => r.id));
      for (const [i, item] of items.entries()) {
        const r = exported.records[i];
        assert.equal(item.type, r.type === 'manuscript' ? 'manuscript' : r.type, r.id);
        // Pandoc sentence-cases English BibTeX titles (the style cases them again): compare without case.
        assert.equal(String(item.title).toLowerCase().replace(/’/g, "'"), (r.title ?? '').toLowerCase(), r.id);
        const names = ((item.author ?? item.editor ?? []) as { family?: string; literal?: string }[]).map((n) => n.family ?? n.literal);
        const expected = r.author.length > 0 ? r.author : r.editor;
        // "and others" is BibTeX's et al.: Pandoc keeps it as a name "others" and prints "et al.".
        assert.deepEqual(names, [...expected.map((n) => ('literal' in n ? n.literal : n.family)), ...(r.etAl ? ['others'] : [])], r.id);
        assert.equal(item['container-title'] ?? null, r.containerTitle, r.id);
        assert.equal(item.volume ?? null, r.volume, r.id);
        assert.equal(item.issue ?? null, r.issue, r.id);
        assert.equal(item.page ?? null, r.page, r.id);
        assert.equal(item.publisher ?? null, r.publisher, r.id);
        assert.equal(item['publisher-place'] ?? null, r.publisherPlace, r.id);
      }
    });

    it('pandoc reads escaped special characters back as written', () => {
      const value = 'R&D at 50% of $5 #1 {x} a_b ~ ^ \\ end';
      writeFileSync(join(work, 'special.bib'), `@book{special,\n  title = {${escapeBibtex(value)}},\n  langid = {german}\n}\n`);
      assert.equal(pandocItems(join(work, 'special.bib'), 'biblatex')[0].title, value);
    });

    it('pandoc reads the CSL-JSON export with titles as written (Pandoc curls apostrophes)', () => {
      const exported = exportBibliography(sample.bibliography, 'csl-json');
      writeFileSync(join(work, 'korea.json'), exported.text);
      const items = pandocItems(join(work, 'korea.json'), 'csljson');
      assert.deepEqual(
        items.map((item) => [item.id, String(item.title).replace(/’/g, "'")]),
        exported.records.map((r) => [r.id, r.title]),
      );
    });
  });
});
