/**
 * statistic: percentages, money, counts, fractions; not years, ordinals, page or document numbers.
 */
import { collect, type Finding } from './finding';

const PERCENT = /\b\d[\d,.]{0,12} ?(?:%|per ?cent\b|percent\b)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)(?:[- ]\w{1,8})? (?:per ?cent|percent)\b/gi;
const MONEY = /[$£€¥] ?\d[\d,.]{0,15}(?: ?(?:million|billion|trillion|bn|m)\b)?|\b\d[\d,.]{0,15} (?:dollars|pounds|francs|marks|roubles|rubles|yen|lire|gold marks)\b/gi;
const BIG_NUMBER_WORD = /\b(?:\d[\d,.]{0,12}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|several|hundreds of|tens of) (?:hundred thousand|thousand|million|billion|trillion)\b/gi;
const UNITS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/**
 * Numbers in words that are figures: compound numbers ("fifty-five persons"), a hedged or bounded
 * count ("some forty", "at least five", "only sixteen", "one of only three", "a total of twelve"),
 * round multitudes ("hundreds of locations", "two-dozen") and proportions ("more than half of").
 */
const WORD_FIGURE = new RegExp(
  [
    `\\b(?:${TENS})-(?:one|two|three|four|five|six|seven|eight|nine)\\b`,
    `\\b(?:some|about|around|approximately|nearly|almost|roughly|over|more than|fewer than|less than|at least|at most|only|just|a total of|no fewer than|no more than|as many as|up to) (?:a dozen|a hundred|(?:${TENS}|${UNITS.replace('one|', '')}|a few hundred|several hundred|several thousand)(?![-\\p{L}]))(?! (?:of (?:the|them|these|those|us)|years?|months?|weeks?|days?|times|ways|decades?|centur(?:y|ies)|reasons?|things?|words?|steps?|aspects?|questions?|points?|kinds?|types?)\\b)`,
    `\\bone of (?:only |just |the )?(?:two|three|four|five|six|seven|eight|nine|ten|twelve|a handful)\\b`,
    `\\b(?:hundreds|thousands|tens of thousands|millions|dozens|scores) of\\b`,
    `\\b(?:(?:${UNITS})[- ])?dozen\\b`,
    `\\b(?:more|less|fewer) than (?:half|a (?:third|quarter|fifth|tenth))\\b`,
    // Comparisons that only a count can back: "prices doubled", "weeklies far outnumbered dailies",
    // "disproportionately in mobile homes", "twice as many". Not "doubled as a chapel", "doubled down".
    `\\b(?:doubled|tripled|trebled|quadrupled|halved)\\b(?! (?:as|down|over|back|up)\\b)`,
    `\\b(?:outnumbered|outnumber|outnumbers|outnumbering)\\b`,
    `\\bdisproportionate(?:ly)?\\b`,
    `\\b(?:twice|(?:three|four|five|ten) times) as (?:many|much|likely|large|high|often)\\b`,
    // Hedged proportions and multiples of a rate: "almost a third of the labour force", "nearly half the
    // households", "more than twice the average rate", "three times the national figure".
    `\\b(?:almost|nearly|about|roughly|approximately|some|over|under|just over|just under|well over|at least) (?:a|one) (?:third|quarter|fifth|tenth)\\b`,
    `\\b(?:almost|nearly|roughly|approximately|well over|just over|just under) half\\b`,
    `\\b(?:twice|double|triple|(?:three|four|five|ten) times|half) the (?:average|national|regional|overall|usual|normal|general) (?:rate|number|level|share|proportion|figure|size|price|wage)\\b`,
    // A round count in words before what it counts: "forty houses", "three hundred workers", "a hundred
    // petitions". Not a span of time ("twenty years", "forty days"), "times", "ways", or small counts
    // ("five weeks", "the three leaders": ordinary prose).
    `\\b(?:(?:${UNITS}|a|${TENS}) hundred(?: and (?:${TENS}|${UNITS}))?|${TENS}) (?!(?:years?|months?|weeks?|days?|nights?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|times|ways|miles? an hour|per ?cent|percent)\\b)(?:[\\p{Ll}-]{1,20} )?\\p{Ll}{2,20}s\\b`,
    // A count out of a count in words: "nine of the twelve trustees", "seven out of ten". Not a pair of
    // small counts ("two of three", "two of the four": ordinary prose).
    `\\b(?:${UNITS.replace('one|two|three|four|', '')}|${TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))? (?:out )?of (?:the |these |those |its |their )?(?:${UNITS.replace('one|two|three|four|five|six|seven|eight|', '')}|${TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\\b`,
  ].join('|'),
  'giu',
);
const FRACTION = /\b(?:one|two|three|four)[- ](?:thirds?|quarters?|fifths?|tenths?)\b/gi;
/** A number with thousands separators, a decimal, or two or more digits; not an identifier ("Docket 279-C"). */
const NUMBER = /(?<![\p{L}\p{N}\-./–])\d{1,3}(?:,\d{3}){1,4}(?![\d,])|(?<![\p{L}\p{N}\-./–])\d{1,6}(?:\.\d{1,4})?(?![\p{L}\p{N}]|[.,]\d|[-–/]\d|[-–]\p{Lu}\b)/gu;
/** Numbers after these are identifiers or locators, not figures. */
const NUMBER_CONTEXT_NOT_FIGURE = /(?:\b(?:p|pp|vol|vols|no|nos|nsc|n|nn|ch|chap|art|article|resolution|report|document|docket|case|fond|file|box|folder|issue|section|part|chapter|page|pages|item|number|appendix|table|figure|fig|topic|cluster|model|version|step|phase|group|category|type|wave|top|map|plate|image|episode|season)\.? ?|[-–(,] ?)$/i;

/**
 * A number after a siglum or a capitalised abbreviation is a document's number, not a figure: "*SB*
 * 1.4859", "BL 8.197", "*P.Vind.Bosw.* 15.7", "TM 118678" (papyri, inscriptions, manuscripts and their
 * catalogues). Case matters: "c. 40" is a figure.
 */
const SIGLUM_BEFORE = /(?:\b[A-Z]{2,6}|\b\p{Lu}[\p{L}]{0,8}\.)[*_]{0,2} $/u;

function isYearLike(digits: string): boolean {
  if (!/^\d{4}$/.test(digits)) return false;
  const value = Number(digits);
  return value >= 1000 && value <= 2099;
}

/**
 * A count out of a count, "42 of 51 subscribers", "18 out of 22", "(185 of 302)", "twenty-two of the
 * thirty-six", "Of the 13 priests …, seven". Several in one paragraph are the writer's own tally of the
 * people or records studied (index.ts). Linear: one pass, bounded words.
 */
const NUMBER_WORD = `(?:\\d{1,3}(?:,\\d{3})*|(?:${TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${UNITS})`;
/** "of" between two counts, and the counts either side of it (checked on short slices around each "of"). */
const TALLY_OF = /\s(?:out\s)?of\s/gi;
const COUNT_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])${NUMBER_WORD}$`, 'iu');
const COUNT_AFTER = new RegExp(`^(?:(?:the|these|those|its|their)\\s)?(?:(?:remaining|other|total)\\s)?${NUMBER_WORD}(?![\\p{N}\\p{L}-])`, 'iu');
/** "Of the 13 priests …, seven": sentence-initial, capital O. */
const OF_THE_COUNT = new RegExp(`(?<![\\p{L}])Of\\s(?:the|these|those)\\s${NUMBER_WORD}(?![\\p{N}\\p{L}-])`, 'gu');

export function findTallies(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (/Of\s/.test(text)) {
    OF_THE_COUNT.lastIndex = 0;
    for (let m = OF_THE_COUNT.exec(text); m; m = OF_THE_COUNT.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  TALLY_OF.lastIndex = 0;
  for (let m = TALLY_OF.exec(text); m; m = TALLY_OF.exec(text)) {
    const before = COUNT_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index));
    if (!before) continue;
    const after = COUNT_AFTER.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 48));
    if (after) out.push({ start: m.index - before[0].length, end: m.index + m[0].length + after[0].length });
  }
  return out;
}

/**
 * "In closely reading thousands of legal decisions", "after digitising hundreds of pages": a multitude
 * that someone works through is the size of the material read (usually the writer's own), not a figure
 * about the past that a source must give.
 */
const MULTITUDE = /^(?:hundreds|thousands|tens of thousands|millions|dozens|scores) of$/i;
const WORKING_THROUGH =
  /\b(?:reading|read|analy[sz]ing|processing|examining|searching|scanning|digiti[sz]ing|transcribing|coding|sifting through|combing through|going through|reviewing|browsing|mining|skimming|cataloguing|cataloging|tagging) (?:(?:through|over) )?$/i;

/** "flipped 180 degrees", "a 360 degree view": the turn of an idiom, not a measurement. */
const TURN_IDIOM = /^[- ]degrees?\b/;
const TURN_DEGREES = new Set(['90', '180', '360']);

export function findStatistics(text: string, dates: Finding[]): Finding[] {
  const out: Finding[] = [];
  const push = (m: RegExpExecArray): Finding => ({ reason: 'statistic', start: m.index, end: m.index + m[0].length, label: 'gives a figure' });
  out.push(...collect(text, PERCENT, push));
  out.push(...collect(text, MONEY, push));
  out.push(...collect(text, BIG_NUMBER_WORD, push));
  out.push(...collect(text, FRACTION, push));
  out.push(...collect(text, WORD_FIGURE, (m) => (MULTITUDE.test(m[0]) && WORKING_THROUGH.test(text.slice(Math.max(0, m.index - 32), m.index)) ? null : push(m))));
  // Numbers come in text order, so one pointer walks the (sorted) dates.
  const sortedDates = [...dates].sort((a, b) => a.start - b.start);
  let d = 0;
  let reach = -1;
  out.push(
    ...collect(text, NUMBER, (m) => {
      const digits = m[0];
      const start = m.index;
      const end = start + digits.length;
      while (d < sortedDates.length && sortedDates[d].start <= start) reach = Math.max(reach, sortedDates[d++].end);
      if (end <= reach) return null;
      if (isYearLike(digits)) return null;
      const plain = digits.replace(/,/g, '');
      if (!digits.includes(',') && !digits.includes('.') && plain.length < 2) return null;
      const before = text.slice(Math.max(0, start - 14), start);
      if (NUMBER_CONTEXT_NOT_FIGURE.test(before) || SIGLUM_BEFORE.test(before)) return null;
      // "(1993, 1995)" and "1948–49": parts of year lists and ranges.
      if (/\b\d{4}\s?[,–-]\s?$/.test(before)) return null;
      const after = text.slice(end, end + 12);
      // Ordinals and decades: "38th parallel", "the 1930s".
      if (/^(?:st|nd|rd|th|s)\b/.test(after)) return null;
      // "on the 14 of the same month" is a date, not a count.
      if (/^ of the (?:same )?month\b/.test(after)) return null;
      if (TURN_DEGREES.has(digits) && TURN_IDIOM.test(after)) return null;
      return push(m);
    }),
  );
  return out;
}
