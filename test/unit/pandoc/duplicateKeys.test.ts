/**
 * duplicate-citation-key is reported in an essay that cites the duplicated key (it changes what the
 * essay prints), not in every chapter of a thesis whose library has a duplicate no one cites.
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';

const library = ['---', 'references:', '- id: davis1992', '  title: City of Quartz', '- id: davis1992', '  title: Ecology of Fear', '- id: starr1985', '  title: Inventing the Dream', '---', ''].join('\n');

const duplicates = (body: string): string[] =>
  analyseEssay(library + body)
    .diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-citation-key')
    .map((diagnostic) => diagnostic.message);

describe('duplicate-citation-key', () => {
  it('is reported where the duplicated key is cited', () => {
    assert.deepEqual(duplicates('Los Angeles sold sunshine [@davis1992, 12].\n'), ['A key is defined twice, and Pandoc uses only one of them: "davis1992" (references:3 and references:5).']);
  });

  it('is not reported in an essay that does not cite it', () => {
    assert.deepEqual(duplicates('California was invented [@starr1985, 3].\n'), []);
  });
});
