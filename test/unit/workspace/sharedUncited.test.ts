/**
 * "Never cited" on a bibliography file that chapters share. A file of 25 entries has no notes of its
 * own, so the model sums it up in one finding ("25 of the 25 entries are never cited"); judged over
 * the chapters, that finding must list only what no chapter cites, or go.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';
import { sharedBibliographyOf } from '../../../server/src/workspace/pool';
import { withSharedCitations } from '../../../server/src/workspace/essays';

const surnames = ['Abbott', 'Barnes', 'Carver', 'Dalton', 'Ellis', 'Fenwick', 'Garner', 'Hollis', 'Irwin', 'Jarvis', 'Keller', 'Lowell', 'Mercer', 'Norris', 'Osborne', 'Pryor', 'Quincy', 'Rowan', 'Sutton', 'Tilden', 'Upton', 'Vance', 'Weston', 'Yates', 'Zeller'];
const bibliographyFile = `# Bibliography\n\n${surnames.map((name, i) => `${name}, Anne. *The History of ${name} County*. Boston: Little, Brown, ${1950 + i}.`).join('\n\n')}\n`;

function chapterCiting(names: string[]): string {
  const body = names.map((name, i) => `The county grew.[^${i + 1}]`).join(' ');
  const notes = names.map((name, i) => `[^${i + 1}]: ${name}, *History of ${name} County*, ${10 + i}.`).join('\n\n');
  return `${body}\n\n${notes}\n`;
}

function neverCited(chapterNames: string[]): { message: string; keys: string[] }[] {
  const shared = sharedBibliographyOf('bibliography.md', bibliographyFile, {});
  const chapter = analyseEssay(chapterCiting(chapterNames), { sharedBibliography: shared.shared });
  const entries = shared.shared.bibliography.entries;
  const name = (key: string): string => entries.find((entry) => entry.key === key)!.text.split(',')[0];
  return withSharedCitations(shared.essay, [chapter])
    .filter((diagnostic) => diagnostic.code === 'uncited-source')
    .map((diagnostic) => ({ message: diagnostic.message, keys: (diagnostic.data?.uncitedKeys ?? diagnostic.data?.key ?? '').split(' ').filter(Boolean).map(name) }));
}

describe('never cited, over the chapters that share a bibliography file', () => {
  it('lists only the entries no chapter cites', () => {
    const found = neverCited(surnames.slice(0, 20));
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].keys, surnames.slice(20));
    assert.match(found[0].message, /^5 of the 25 bibliography entries are never cited in the notes of the files that share this bibliography/);
  });

  it('says nothing when the chapters cite every entry', () => {
    assert.deepEqual(neverCited(surnames), []);
  });
});
