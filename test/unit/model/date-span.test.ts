/**
 * A collection's dates are not a page range: "…, Federal Writers' Project Papers, 1936--1940." cites
 * the collection the bibliography lists with those dates. From Lauren Tilton, "Race and Place",
 * *Current Research in Digital History* 2 (2019), CC BY-NC-ND (test/fixtures/real).
 */
import { strict as assert } from 'node:assert';
import { analyseEssay } from '../../../server/src/model/analyse';

const entry = "Federal Writers' Project Papers, 1936--1940, Southern Historical Collection. The Wilson Library, University of North Carolina at Chapel Hill.";
const essayWith = (note: string, listed = entry): string => `The project was reorganised.[^1]\n\n## Bibliography\n\n${listed}\n\n[^1]: ${note}\n`;

describe('a collection cited with its dates', () => {
  it('has no locator when the dates are the entry\'s own', () => {
    const essay = analyseEssay(essayWith("George Cronyn to Edwin Bjorkman, 2 April 1937, Box 24, Folder 1072, Federal Writers' Project Papers, 1936--1940."));
    const [citation] = essay.notes[0].citations;
    assert.equal(citation.entries.length, 1);
    assert.equal(citation.locator, null);
  });

  it('keeps a page range the entry does not give as its dates', () => {
    const essay = analyseEssay(essayWith('Stampp, *The Peculiar Institution*, 1936--1940.', 'Stampp, Kenneth M. *The Peculiar Institution: Slavery in the Ante-Bellum South*. New York: Knopf, 1956.'));
    assert.equal(essay.notes[0].citations[0].locator?.text, '1936--1940');
  });
});
