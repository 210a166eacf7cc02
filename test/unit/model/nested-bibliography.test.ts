/**
 * Bibliographies written as nested Markdown lists (repository → collection → series; a group of
 * newspapers → their titles), on synthetic outlines: what an entry is, and which notes count as
 * citing it.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import type { Essay } from '../../../server/src/model/types';
import { joinLines } from './helpers';

const noClaims = { claims: { enabled: false, paragraphMarkerCoversPrecedingSentences: false, quotationsNeedOwnNote: true, allowlist: [] } };

const analyse = (...lines: string[]): Essay => analyseEssay(joinLines(...lines), noClaims);

const uncitedKeys = (essay: Essay): string[] =>
  essay.diagnostics.filter((diagnostic) => diagnostic.code === 'uncited-source').flatMap((diagnostic) => (diagnostic.data?.uncitedKeys ? diagnostic.data.uncitedKeys.split(' ') : [diagnostic.data?.key ?? '']));

const entryStarting = (essay: Essay, start: string) => {
  const found = essay.bibliography.entries.find((entry) => entry.text.startsWith(start));
  assert.ok(found, `no entry starts with ${start}`);
  return found;
};

describe('nested bibliographies: a series listed under its repository', () => {
  const essay = analyse(
    'The consul wrote often about the harbour.[^1] Trade with Portugal grew.[^2]',
    '',
    '## Bibliography',
    '',
    '### Archives',
    '',
    '- Washington, D.C.',
    '  - National Archives',
    '    - Record Group 84, Records of the Foreign Service Posts',
    '      - U.S. Consulate Lisbon, Despatches to the Department of State',
    '      - 352.7 Portugal, 1930–1939',
    '',
    '### Books',
    '',
    '- Almeida, Rui. *The Lisbon Harbour*. Lisbon: Tejo, 1988.',
    '',
    '[^1]: Almeida, *Lisbon Harbour*, 12.',
    '[^2]: The treaty with Portugal was signed in Lisbon, as Almeida notes.',
  );

  it('a leaf without a title is the name of a series, not a person ("Lisbon" and "Portugal" are no surnames)', () => {
    for (const start of ['U.S. Consulate Lisbon', '352.7 Portugal']) {
      const entry = entryStarting(essay, start);
      assert.deepEqual(entry.authors, [], start);
      assert.deepEqual(entry.editors, [], start);
    }
  });

  it('a note that mentions the country or the city in prose neither cites the series nor keeps it from being never cited', () => {
    const series = [entryStarting(essay, 'U.S. Consulate Lisbon').key, entryStarting(essay, '352.7 Portugal').key];
    for (const note of essay.notes) for (const citation of note.citations) for (const key of series) assert.ok(!citation.entries.includes(key), `note ${note.label} cites ${key}`);
    assert.deepEqual(uncitedKeys(essay).sort(), [...series].sort());
  });

  it('a leaf that is a reference with a title keeps its author', () => {
    const nested = analyse(
      'Text.[^1]',
      '',
      '## Bibliography',
      '',
      '- Published sources',
      '  - Memoirs',
      '    - Almeida, Rui. *The Lisbon Harbour*. Lisbon: Tejo, 1988.',
      '',
      '[^1]: Almeida, *Lisbon Harbour*, 12.',
    );
    assert.equal(entryStarting(nested, 'Almeida').authors[0]?.surname, 'Almeida');
    assert.deepEqual(nested.notes[0].citations[0].entries, [entryStarting(nested, 'Almeida').key]);
  });
});

describe('bibliographies: a paragraph of prose is not an entry', () => {
  const essay = analyse(
    'The returns show the parish grew.[^1]',
    '',
    '## Bibliography',
    '',
    'Hale, Thomas. *Parish Returns of Norfolk*. Norwich: Fen Press, 1979.',
    '',
    '### Access to the records',
    '',
    'The returns used here may be consulted only in the reading room of the county record office,',
    'and a reader must apply in writing for permission to copy them; the office answers such',
    'requests within a month and may ask for a reference from a university.',
    '',
    '[^1]: Hale, *Parish Returns*, 14.',
  );

  it('a statement about the sources (sentences, no date, title or address) is neither an entry nor "never cited"', () => {
    assert.deepEqual(
      essay.bibliography.entries.map((entry) => entry.text.slice(0, 5)),
      ['Hale,'],
    );
    assert.deepEqual(uncitedKeys(essay), []);
  });

  it('a reference without a date is still an entry', () => {
    const withUndated = analyse(
      'Text.[^1]',
      '',
      '## Bibliography',
      '',
      'Hale, Thomas. *Parish Returns of Norfolk*. Norwich: Fen Press, 1979.',
      '',
      'Records of the vestry of the parish church of Saint Mary in the town of Swaffham, kept by the churchwardens and the clerk of the vestry',
      '',
      '[^1]: Hale, *Parish Returns*, 14.',
    );
    assert.equal(withUndated.bibliography.entries.length, 2);
  });
});

describe('never cited: the candidates of an ambiguity too unsure to report', () => {
  it('a title in passing that weakly fits two series cites neither of them', () => {
    const essay = analyse(
      'Body.[^1] More.[^2]',
      '',
      '## Bibliography',
      '',
      '### Archives',
      '',
      '- College Park, Maryland',
      '  - National Archives',
      '    - Record Group 59, Records of the Department of State',
      '      - Lot Files',
      '        - Entry UD–12: Bureau of Public Affairs, Office of the Historian, *Harbour Records* Clearance Files, 1945–1957 (96D068)',
      '        - Entry UD–14: Bureau of Public Affairs, Office of the Historian, *Harbour Records* Clearance Files, 1960–1970 (96D274)',
      '',
      '### Books',
      '',
      'Almeida, Rui. *The Lisbon Harbour*. Lisbon: Tejo, 1988.',
      '',
      '[^1]: Almeida, *Lisbon Harbour*, 12. The ministers had no voice in choosing what we have termed Supplemental *Harbour Records* Submissions.',
      '',
      '[^2]: Almeida, *Lisbon Harbour*, 14.',
    );
    assert.ok(!essay.diagnostics.some((diagnostic) => diagnostic.code === 'ambiguous-citation'));
    assert.deepEqual(uncitedKeys(essay).sort(), [entryStarting(essay, 'Entry UD–12').key, entryStarting(essay, 'Entry UD–14').key].sort());
  });
});
