/**
 * specific-detail: full dates, days of a month, and named documents.
 */
import { collect, type Finding } from './finding';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';

const DAY_MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})(?:,? \\d{4})?(?![\\p{L}])`, 'gu');
const MONTH_DAY = new RegExp(`\\b(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?(?:, ?\\d{4})?(?![\\p{N}])`, 'gu');
const DAY_OF_MONTH = /\bon the \d{1,2}(?:st|nd|rd|th)?(?: day)? of (?:the )?(?:same |following |previous )?month\b/gi;
const NUMERIC_DATE = /\b\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})\b/g;

export function findDates(text: string): Finding[] {
  const make = (m: RegExpExecArray): Finding => ({
    reason: 'specific-detail',
    start: m.index,
    end: m.index + m[0].length,
    label: 'a date',
  });
  return [
    ...collect(text, DAY_MONTH, make),
    ...collect(text, MONTH_DAY, make),
    ...collect(text, DAY_OF_MONTH, make),
    ...collect(text, NUMERIC_DATE, make),
  ];
}

/**
 * A dated event: a single year introduced as the time of something ("began publication in 1777",
 * "held in 1852", "In 2012, a group … began", "in February 1883", "in the latter part of June 1875", "as early as 1940") or a year naming
 * one occasion ("her 1937 interview", "his 2016 book"). Not a span the writer chose to study ("between
 * 1790 and 1860", "from 1936 to 1938", "1906–1907", "(1830-1864)"), a state lasting since a year ("reliance
 * on Moscow since 1945": measured, no sentence of the dev splits turns on it), a decade ("the 1930s"), or a year
 * that only names a period ("the hyperinflation of 1923", "the year 1949", "in the spring of 1950").
 */
const YEAR = '(?:1[5-9]|20)\\d{2}';
const DATED_EVENT = new RegExp(
  `\\b(?:[Ii]n|as early as|as late as|until|[Bb]y) (?:(?:early|late|mid-) ?|the (?:latter|early|later|first|second|last) (?:part|half|days|weeks) of )?(?:(?:${MONTHS}) )?${YEAR}(?![\\p{L}\\p{N}]|[–-]|\\s?(?:to|and|-|–) ?\\d)` +
    `|\\b(?:his|her|their|its) ${YEAR} (?:interview|book|study|report|speech|visit|letter|article|memoir|survey|election|decision|trip|tour|campaign)\\b`,
  'gu',
);

export function findDatedEvents(text: string): Finding[] {
  return collect(text, DATED_EVENT, (m) => ({ reason: 'specific-detail', start: m.index, end: m.index + m[0].length, label: 'a year' }));
}

/**
 * Document words, singular: "a letter", "the telegram" name one source; "letters", "the correspondence"
 * describe a kind of source or the writer's corpus (published essays use them so far more often).
 * `report` and `document` only as nouns (after a determiner or capitalised).
 */
const DOCUMENT =
  /\b(?:telegram|cable|memorandum|memo|directive|despatch|dispatch|letter|minutes of|diary|memoirs|communiqu[ée]|transcript|protocol of|instructions to)\b(?!-)|\bNSC[- ]?\d{1,3}(?:-\d{1,2})?\b|\b(?:Report|Memorandum|Directive|Protocol)\b/g;
/** "the same document", "a secret report": run only when the paragraph has such a noun at all. */
const DOCUMENT_PHRASE =
  /\b(?:a|an|the|this|that|these|those|same|his|her|its|their|secret|official|final|annual|confidential|top-secret) (?:(?!reports?\b|documents?\b)\w{1,20} )?(?:report|document)\b(?!-)/g;

/** "letter" is not a document in "to the letter", "letters of credit". */
const NOT_DOCUMENT = /^(?:letters? of (?:credit|marque|the law)|to the letter)$/i;

export function findDocuments(text: string): Finding[] {
  const found = findDocumentsWith(text, DOCUMENT);
  return /report|document/.test(text) ? [...found, ...findDocumentsWith(text, DOCUMENT_PHRASE)] : found;
}

/** "a letter", "a single letter", "any public letter": an indefinite document. */
const GENERIC_ARTICLE = /\b(?:a|an|any|each|every|one)(?: [\p{Ll}-]{2,14})? $/iu;
/** What makes an indefinite document one: its sender or recipient by name, its date, its year. */
const IDENTIFIED_AFTER = /^[^.;:]{0,40}?\b(?:(?:from|to|by)\s+(?!another\b|others?\b|one\b|each\b)(?:the\s+)?[\p{L}\d]|(?:of|dated|written|sent|addressed)\s+(?:to\s+)?(?:the\s+)?[\p{Lu}\d]|(?:1[5-9]|20)\d{2}\b)/u;

/** "Bowles sent Block a letter": someone's act of writing makes the document one. */
const SENT_BEFORE = /\b(?:sent|wrote|received|penned|drafted|dispatched|forwarded|delivered|signed)\b[^.;:]{0,30}$/;

function findDocumentsWith(text: string, pattern: RegExp): Finding[] {
  return collect(text, pattern, (m) => {
    const word = m[0];
    if (NOT_DOCUMENT.test(word)) return null;
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (/to the $/i.test(before) && /^letter$/i.test(word)) return null;
    // "writing a public letter to another paper", "in a single letter", "pages in a letter or journal": a
    // kind of document, not one the reader could look up, unless the sentence says whose, to whom or when.
    if (
      GENERIC_ARTICLE.test(text.slice(Math.max(0, m.index - 24), m.index)) &&
      !IDENTIFIED_AFTER.test(text.slice(m.index + word.length, m.index + word.length + 60)) &&
      !SENT_BEFORE.test(text.slice(Math.max(0, m.index - 48), m.index))
    ) {
      return null;
    }
    // "cable television", "cable news": the medium, not a telegram.
    if (/^cable$/i.test(word) && /^[- ](?:television|TV|news|channels?|networks?|companies|company|operators?|subscribers?|providers?|cars?|railway)\b/i.test(text.slice(m.index + word.length, m.index + word.length + 16))) return null;
    const noun = word.replace(/^(?:a|an|the|this|that|these|those|same|his|her|its|their|secret|official|final|annual|confidential|top-secret) /i, '');
    return { reason: 'specific-detail', start: m.index, end: m.index + m[0].length, label: `a document (${noun.toLowerCase().replace(/ (?:of|to)$/, '')})` };
  });
}


/**
 * Acts the record holds, which the reader needs a note to check, with no date or figure to mark them:
 * - a legal or legislative act by an actor: "Secretary Fish drafted a bill", "Congress passed the act",
 *   "the governor signed a decree";
 * - an office changing hands: "He was succeeded by Colonel Casey", "was appointed Minister to Spain";
 * - a work assigned to its maker: "the designs were the work of Richard von Ezdorf";
 * - where a source is kept: "held in the collection of Richard Rawlinson at the Bodleian Library".
 * Each is a weak sign alone (information), like a document named.
 */
const RECORDED_ACT = new RegExp(
  [
    '\\b(?:drafted|introduced|passed|signed|vetoed|enacted|repealed|ratified|amended|issued|proclaimed|promulgated) (?:a|an|the|his|her|their|its) (?:[\\p{L}-]{2,20} ){0,3}(?:bill|act|law|statute|treaty|ordinance|decree|edict|charter|proclamation|executive order)\\b',
    '\\b(?:was|were) (?:later |then |eventually |soon )?(?:succeeded|replaced) (?:as [\\p{L} ]{2,40} )?by (?:the )?[\\p{Lu}]',
    '\\b(?:was|were) (?:later |then |eventually |soon )?(?:appointed|elected|nominated|promoted|commissioned) (?:as |to (?:the )?)?(?:the )?[\\p{Lu}]',
    '\\b(?:was|were|is|are) (?:largely |mostly |chiefly |probably )?the (?:work|design|creation|invention|handiwork) of (?:the )?[\\p{Lu}]',
    '\\b(?:held|housed|kept|preserved|deposited|found|stored) (?:in|at|among) (?:the )?(?:(?:collection|papers|archives?|library) of [\\p{Lu}]|(?:[\\p{Lu}][\\p{L}\'’.-]{1,20} ){1,5}(?:Library|Archives?|Record Office|Museum|Historical Society)\\b)',
  ].join('|'),
  'gu',
);

/** Cheap guard: most paragraphs name none of these words, and the full pattern costs more. */
const RECORDED_ACT_WORD = /bill|act\b|law|statute|treat|ordinance|decree|edict|charter|proclamation|order|succeeded|replaced|appointed|elected|nominated|promoted|commissioned|work of|design of|creation of|invention of|handiwork of|Library|Archive|Record Office|Museum|Historical Society|collection of|papers of/;

export function findRecordedActs(text: string): Finding[] {
  if (!RECORDED_ACT_WORD.test(text)) return [];
  return collect(text, RECORDED_ACT, (m) => ({ reason: 'specific-detail', start: m.index, end: m.index + m[0].length, label: 'a recorded act' }));
}

/**
 * A life's recorded steps, which a reader checks in a biography, a will or a register, with no date or
 * figure to mark them: birth and family ("was born to a planter family", "married into the Ben Gana
 * family", "bequeathed him land", "in their wills"), schooling and career ("studied law under George
 * Wythe", "attended the College of William & Mary", "served on the Executive Council", "joined the
 * Virginia Bar", "became a founding member of the Society"), friendship ("a close friend of"), and a
 * first ("was the first indigenous Commissioner"). Each is a weak sign alone (information), like a
 * recorded act; a group ("persons born in Holland", "enlisted men") is not a life.
 */
/** The person whose step it is: he, she, they or a capitalised name (not a sentence's opening word). */
const PERSON_BEFORE =
  /(?<![\p{L}'’-])(?:he|she|they|He|She|They|(?!(?:The|This|That|These|Those|A|An|Its|Their|His|Her|Many|Most|Some|Black|White|Other|Such|Our|My|We|I)\b)[\p{Lu}][\p{L}'’-]{1,30}) (?:had |later |then |also |soon |eventually )?$/u;
/** Steps that need their person just before them ("Short inherited", "Ashton bequeathed"): groups do them too. */
const PERSONAL_STEP =
  /\b(?:inherited (?:land|property|slaves|an? |the |his |her |their )|bequeathed\b|married (?:[\p{Lu}]|a |an |into |in )|divorced\b|emigrated (?:from|to)\b|immigrated to\b|enlisted in\b|was apprenticed to\b)/gu;
const LIFE_EVENT = new RegExp(
  [
    '\\b(?:was|were|had been) born (?:to|into|in|at|on)\\b',
    '\\b(?:in|by) (?:his|her|their) (?:last )?wills?\\b|\\bwill and testament\\b',
    '\\b(?:was|were) married (?:to|by|in|at)\\b',
    '\\b(?:studied|read|trained) (?:law|medicine|theology|divinity|under [\\p{Lu}]|at (?:the )?[\\p{Lu}])',
    '\\b(?:attended|graduated from|enrolled (?:at|in)) (?:the )?[\\p{Lu}]',
    "\\b(?:served|sat) (?:on|as|in) (?:the )?(?:[\\p{Lu}][\\p{L}'’-]{1,30}['’]s )?[\\p{Lu}]",
    '\\bjoined the (?:[\\p{Lu}][\\p{L}-]{1,30} ){0,2}(?:Bar|Army|Navy|Party|Society|Church|Department|Company|Corps|Bureau|Ministry|Court|Senate|House|Cabinet|Council|Congress|Assembly|Order|faculty|staff|firm)\\b',
    '\\b(?:close|lifelong|old|personal|intimate|longtime|long-time|childhood|trusted) (?:friend|friends|ally|allies|confidant|confidante) (?:to|of|with)\\b|\\bfriendship (?:with|between)\\b',
    '\\bbecame (?:a |an |the )?(?:founding |charter |life |honorary )?(?:member|president|secretary|director|head|chair|chairman|treasurer|editor|partner|pastor|rector|bishop) (?:of|at)\\b',
    '\\b(?:was|became) the (?:first|last|only) (?:[\\p{Ll}-]{2,20} )?(?:[\\p{Lu}][\\p{L}-]{1,30}|woman|man|person)\\b',
  ].join('|'),
  'gu',
);

/** Cheap guard: the words every pattern above needs. */
const LIFE_EVENT_WORD = /born|inherited|bequeathed|married|divorced|emigrated|immigrated|enlisted|apprenticed|wills?\b|testament|studied|read |trained|attended|graduated|enrolled|served|sat |joined|friend|confidant|ally|allies|became|was the|became the/;

export function findLifeEvents(text: string): Finding[] {
  if (!LIFE_EVENT_WORD.test(text)) return [];
  const make = (start: number, end: number): Finding => ({ reason: 'specific-detail', start, end, label: 'a life event' });
  const found = collect(text, LIFE_EVENT, (m) => make(m.index, m.index + m[0].length));
  // The step first, then its person on a short slice before it: cheaper than a pattern that tries a name
  // at every capital letter.
  found.push(
    ...collect(text, PERSONAL_STEP, (m) => {
      const person = PERSON_BEFORE.exec(text.slice(Math.max(0, m.index - 48), m.index));
      return person ? make(m.index - person[0].length, m.index + m[0].length) : null;
    }),
  );
  return found.sort((a, b) => a.start - b.start);
}
