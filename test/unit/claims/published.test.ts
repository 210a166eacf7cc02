import assert from 'node:assert/strict';
import { claimsOf } from './helpers';

/**
 * The rules added on the development split of the published-essay labels (issue 12). The sentences
 * are quoted from the labelled files named (`test/fixtures/claims/real-*.labels.txt`, sources and
 * licences in that folder's README); each test pairs a sentence the readers marked with one they
 * accepted, so that a rule that fires everywhere fails as surely as one that never fires.
 */
const reasonsOf = (text: string): string[] => claimsOf(text).flatMap((c) => c.reasons);
const evidenceOf = (text: string): string[] => claimsOf(text).flatMap((c) => c.evidence.map((e) => e.text));

describe('claims: published essays (issue 12 rules)', () => {
  it('a year given as the time of an event is a specific detail', () => {
    // real-crdh-v01-11-old-regime-media (d)
    assert.deepEqual(evidenceOf('The first French daily newspaper, the *Journal de Paris,* began publication in 1777.'), ['in 1777']);
    // real-hsg-buildings-state-war-navy (d, d)
    assert.deepEqual(evidenceOf('The War Department moved into it from the east wing in February 1883.'), ['in February 1883']);
    assert.deepEqual(
      evidenceOf('Just before the south wing was completed in the latter part of June 1875, the Department of State began moving in.'),
      ['in the latter part of June 1875'],
    );
    // real-crdh-v02-05-black-ecologies (d,r): "her 1937 interview" names one occasion
    assert.ok(evidenceOf('In her 1937 interview with a Works Progress Administration recorder, Minnie Fulkes recast vulnerability to violent weather.').includes('her 1937 interview'));
  });

  it('a year is no event when it bounds a span, names a decade or a season, or sits in quoted words', () => {
    // real-crdh-v02-14-race-and-place (-): the span of a project
    assert.deepEqual(reasonsOf('From 1936 to 1938, interviewers sat on porches, in living rooms, and at kitchen tables asking black citizens about their lives under chattel slavery and after emancipation.'), []);
    assert.deepEqual(reasonsOf('The society met between 1790 and 1860, and in the 1930s it met again.'), []);
    // korea-1950 (-): scene-setting season; the essay question in quotation marks
    assert.deepEqual(reasonsOf('A shift occurs in American thinking as policy prescriptions change in the spring of 1950.'), []);
    assert.deepEqual(claimsOf("'Neither Stalin nor Truman nor Mao wanted a war over Korea in 1950': discuss."), []);
    // The start of a span: "From … in 1945 to …"
    assert.deepEqual(reasonsOf('From the end of World War Two in 1945 to the outbreak of hostilities a number of events took place.'), []);
  });

  it('a year alone is information when the paragraph has a note, a warning when it has none', () => {
    const alone = claimsOf('The first French daily newspaper, the *Journal de Paris,* began publication in 1777.');
    assert.equal(alone[0].confidence, 'high');
    const beside = claimsOf('The first French daily newspaper, the *Journal de Paris,* began publication in 1777. It followed the format of the *affiches*.[^3]');
    assert.equal(beside[0].confidence, 'low');
    assert.ok((beside[0].score ?? 0) < (alone[0].score ?? 0));
  });

  it('the field at work is historiography, whatever its verb; its needs and habits are not', () => {
    // real-crdh-v01-11-old-regime-media (h), real-crdh-v01-13-growing-strong (h), real-crdh-v02-14-race-and-place (h)
    assert.deepEqual(reasonsOf('Historians of the book have investigated extensively what publications were accessible to eighteenth-century readers.'), ['historiography']);
    assert.deepEqual(reasonsOf('Typically, scholars examine one group, or set of groups at a time.'), ['historiography']);
    assert.ok(reasonsOf('Historians rediscovered the Ex-Slave Narratives in the 1970s.').includes('historiography'));
    assert.ok(reasonsOf("Catherine Stewart's influential 2016 book *Long Past Slavery* exemplifies the shift.").includes('historiography'));
    // real-crdh-v01-13-growing-strong (-)
    assert.deepEqual(
      reasonsOf('Examining multiple institutions is difficult due to the breadth of the scope of material that historians need to engage to glean insights into those institutions.'),
      [],
    );
  });

  it('what people at large thought is reported thought; a relative clause describing them is not', () => {
    // real-crdh-v01-13-growing-strong (r, r), real-crdh-v02-05-black-ecologies (r), real-crdh-v02-14-race-and-place (r)
    assert.deepEqual(reasonsOf('Members viewed these groups as an important defense against tyrannical government and as a way to defend liberty.'), ['reported-speech-or-thought']);
    assert.deepEqual(reasonsOf('The common belief among many Americans was that a vibrant civil society offered the best means to diffuse knowledge to the populace.'), ['reported-speech-or-thought']);
    assert.deepEqual(reasonsOf('Many reported that wind and rain had begun to pick up around their houses.'), ['reported-speech-or-thought']);
    assert.deepEqual(reasonsOf('Of primary concern was cultural and historical knowledge that was understood as disappearing due to assimilation into modernity.'), ['reported-speech-or-thought']);
    // weimar-1923 (-)
    assert.deepEqual(reasonsOf('In that sense 1923 was a political choice, made by people who thought the costs would fall on someone else.'), []);
  });

  it("counts from the writer's own data are not figures; a count from the past still is", () => {
    // real-crdh-v01-13-growing-strong (-), real-crdh-v02-14-race-and-place (-)
    assert.deepEqual(claimsOf('The list currently consists of 7,745 names and 17 organizations.'), []);
    assert.deepEqual(claimsOf('The top 120 remaining words were then manually labeled and filtered to detect 92 dialect terms.'), []);
    // real-crdh-v01-13-growing-strong (s)
    assert.ok(
      reasonsOf('In 1816 there were only two hundred sixty-four federal employees in Washington and this increased approximately forty-two percent in those twenty-five years.').includes('statistic'),
    );
    // Own data drops the figure only: a quotation in the sentence still counts.
    assert.deepEqual(reasonsOf('The list consists of 120 letters, one of which calls the plan "a folly of the first order".'), ['quotation']);
  });

  it("the essay's own illustrations and words mentioned as words are not claims", () => {
    // real-crdh-v02-05-black-ecologies (-)
    assert.deepEqual(claimsOf('The above footage shot by Sherita Mahone of Middlesex County, Virginia shows a large tree toppled near her home.'), []);
    assert.deepEqual(claimsOf('The map below shows that 44 per cent of the farms were sold.'), []);
    // real-crdh-v02-10-royal-african-company (-): the spellings are words mentioned, not quoted
    const spellers = reasonsOf('Early modern English writers were very creative spellers, at times writing the same word---for example, "heareing" and "hearing"---two different ways in a single letter.');
    assert.ok(!spellers.includes('quotation'));
    // A verb of saying before one quoted word still makes a quotation.
    assert.deepEqual(reasonsOf('Eden called the seizure "theft".'), ['quotation']);
  });

  it("site-generator figure tags and line-numbered lines of an edited text hold no claims", () => {
    assert.deepEqual(claimsOf('{% figure caption: "Figure 1. Households in 1881, some 252 of them, by country of birth." %}\n![A map](map.png)\n{% endfigure %}'), []);
    assert.deepEqual(claimsOf('{{< figure src="map.png" caption="Some 40,000 barrels left the port in 1851." >}}'), []);
    assert.deepEqual(claimsOf('135 A sorcerer, his witchcraft was that of a son of Hamazu;'), []);
    assert.deepEqual(claimsOf('228–229 Both threw fish spawn into the river, "and a great carp came up".'), []);
    // A year opening a paragraph is prose, not a line number.
    assert.ok(reasonsOf('1851 was the year the port shipped some forty thousand barrels of flour.').includes('statistic'));
  });

  it('a number after a siglum or a capitalised abbreviation is a document number, not a figure', () => {
    assert.deepEqual(claimsOf('The ostracon BL 8.197 names him twice.'), []);
    assert.deepEqual(claimsOf('The fragment *P.Vind.Bosw.* 15.7 was reread later.'), []);
    assert.ok(reasonsOf('The estate held c. 40 enslaved people.').includes('statistic'));
  });
});
