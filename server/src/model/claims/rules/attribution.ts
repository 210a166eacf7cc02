/**
 * reported-speech-or-thought and historiography: who said, thought or argued what.
 */
import { collect, type Finding } from './finding';

/** Verbs of saying: a named person or body said, wrote, told. */
const SPEECH_VERBS =
  'said|says|told|tells|wrote|writes|stated|declared|announced|explained|explaining|insisted|insists|admitted|admits|warned|warns|promised|complained|urged|urging|demanded|assured|replied|answered|noted|recalled|recalls|remembered|reports|reported|describes|described|denounced|denouncing|protested|boasted|confided|conceded|acknowledged|remarked|proclaimed|asserted|snapped|spoke|speaks|saying|telling|puts it|put it|made it clear|claimed|claims|ordered|refused|agreed|asked|pledged|threatened|vowed|swore';
/** Verbs of thinking or wanting. */
const THOUGHT_VERBS =
  'felt|believed|believes|thought|feared|fears|hoped|hopes|expected|expects|decided|decides|intended|intends|worried|doubted|suspected|considered|perceived|knew|realised|realized|assumed|regarded|preferred|was convinced|were convinced|was determined|was furious|was anxious|was reluctant|was worried|changed his mind|changed her mind|had his doubts|had her doubts|took the decision|was received';
/** Attitudes, which report only after a copula ("The Foreign Office was less confident"). */
const ATTITUDES =
  'confident|sure|certain|optimistic|pessimistic|alarmed|suspicious|eager|keen|unwilling|willing|afraid|fearful|hostile|sceptical|skeptical|doubtful|adamant';
const COPULA = /\b(?:was|were|felt|seemed|became|remained|grew)\b/;
const IS_ATTITUDE = new RegExp(`^(?:${ATTITUDES})$`);

/** Base forms, which report only after an auxiliary ("did not expect", "would not agree"). */
const BASE_VERBS = 'expect|believe|think|fear|intend|know|agree|accept|say|tell|understand|anticipate';
const AUXILIARY = /\b(?:did|does|do|would|could|might|will|should|must|can|cannot)\b/;

/** Verbs of scholarship: a named historian or school argues, has shown, challenged. */
const SCHOLAR_VERBS =
  'argues|argued|argue|suggests|suggested|contends|contended|maintains|maintained|has shown|have shown|shows|showed|demonstrates|demonstrated|identifies|identified|emphasi[sz]es|emphasi[sz]ed|reemphasi[sz]ed|re-emphasi[sz]ed|stresses|stressed|challenges|challenged|criticized|criticised|criticizes|criticises|interprets|interpret|interpreted|observes|observed|notes|points out|pointed out|concludes|concluded|highlights|highlighting|treats|treated|sees|see|saw|reads|read|has read|have read|dismisses|dismissed|rejects|rejected|questions|questioned|revised|revises|traces|traced|attributes|attributed|locates|located|has linked|have linked|links|linked|explains|calls for|proposes|proposed|counters|countered|disputes|disputed|overturned|overturns|corroborates|established|establishes|takes a|take a|focuses on|focused on';

const SCHOOL_NOUNS =
  'historians|scholars|traditionalists|revisionists|post-revisionists|orthodox historians|realists|liberal historians|Marxist historians|nationalist historiography|historiography|scholarship|the literature|the traditionalist position|the traditionalist view|the revisionist view|the orthodox view|the orthodox interpretation|the traditionalist interpretation|the revisionist interpretation';

/**
 * A named subject: a capitalised name (possibly "Robert Kennedy", "the Soviet Politburo", "Kim's"),
 * or he/she; followed within a few words by the verb. Capitalised words that open most sentences
 * ("The", "This", "In") are not names.
 */
const NOT_NAMES = new Set([
  'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'In', 'On', 'At', 'By', 'For', 'From', 'But', 'And',
  'Yet', 'So', 'However', 'When', 'While', 'Whilst', 'After', 'Before', 'Although', 'Though', 'As', 'If',
  'There', 'Here', 'What', 'Why', 'How', 'Who', 'A', 'An', 'His', 'Her', 'Their', 'Our', 'My', 'Such',
  'Thus', 'Moreover', 'Nevertheless', 'Indeed', 'Meanwhile', 'Neither', 'Nor', 'Not', 'One', 'Both',
  'Each', 'All', 'Some', 'Many', 'Most', 'No', 'None', 'Only', 'Even', 'Then', 'Still', 'Since', 'With',
  'Without', 'During', 'Until', 'To', 'Of', 'I', 'We', 'You', 'They', 'Further', 'Possibly', 'Perhaps',
  'Nor', 'Other', 'Others', 'Among', 'Under', 'Over', 'Throughout', 'Between', 'Against', 'Whether',
  'Publicly', 'Privately', 'Politically', 'Militarily', 'Unmentioned', 'Here', 'Now', 'Later', 'Last',
  'First', 'Second', 'Third', 'Finally', 'Recently', 'Calls', 'Reference', 'Something', 'Starting',
  'Emblematic', 'Table', 'Figure', 'Chapter', 'Section', 'Appendix', 'Part', 'Map', 'Graph', 'US', 'UN', 'UK', 'USSR', 'PRC', 'NATO', 'CIA', 'IMF', 'ECA', 'ERP', 'GDP', 'NSC',
  'Cold', 'War', 'World', 'Korean', 'Soviet', 'Chinese', 'American', 'British', 'French', 'German',
  'Communist', 'Communists', 'North', 'South', 'East', 'West', 'Western', 'Eastern', 'European',
]);

/** Common abstract nouns that open sentences as subjects ("Fear explains", "Timing suggests"). */
const ABSTRACT_SUBJECTS = new Set([
  'fear', 'evidence', 'history', 'context', 'timing', 'geography', 'ideology', 'money', 'power', 'economics',
  'politics', 'security', 'prestige', 'pride', 'ambition', 'caution', 'chance', 'luck', 'necessity',
  'experience', 'hindsight', 'logic', 'weakness', 'strength', 'trust', 'distrust', 'mistrust', 'suspicion',
  'memory', 'interest', 'self-interest', 'realism', 'fact', 'reality', 'nothing', 'everything', 'little',
  'much', 'each', 'either', 'research', 'scholarship', 'work', 'analysis', 'war', 'peace', 'violence',
]);

function isAbstractNoun(word: string): boolean {
  const w = word.toLowerCase();
  return ABSTRACT_SUBJECTS.has(w) || /(?:tion|sion|ism|ity|ness|ment|ance|ence|ship)$/.test(w);
}

export interface SubjectVerb {
  subject: string;
  verb: string;
  start: number;
  end: number;
}

const SUBJECT_VERB = new RegExp(
  // subject: a capitalised word (with an optional second one and a possessive), or he/she
  `(?<![\\p{L}])((?:[\\p{Lu}][\\p{L}'’-]{1,30})(?: [\\p{Lu}][\\p{L}'’-]{1,30}){0,2}|he|she|He|She)` +
    // up to four short words between ("himself later", "had his doubts and", "explicitly", "apparently")
    `((?: [\\p{Ll}][\\p{L}'’-]{0,14}){0,4}|(?: \\([^)]{1,40}\\))?(?:,[^,;:.]{1,40},)?)` +
    ` (${SPEECH_VERBS}|${THOUGHT_VERBS}|${SCHOLAR_VERBS}|${BASE_VERBS}|${ATTITUDES})\\b`,
  'gu',
);

/** Words that may stand between a subject and its verb without breaking the link. */
const LINKING_WORDS = new Set([
  'had', 'has', 'have', 'was', 'were', 'is', 'are', 'did', 'does', 'do', 'would', 'could', 'might', 'may',
  'must', 'should', 'will', 'also', 'himself', 'herself', 'themselves', 'itself', 'later', 'afterwards',
  'explicitly', 'apparently', 'still', 'then', 'now', 'repeatedly', 'privately', 'publicly', 'already',
  'clearly', 'openly', 'firmly', 'simply', 'even', 'only', 'once', 'again', 'finally', 'initially',
  'first', 'never', 'always', 'often', 'long', 'rightly', 'famously', 'reportedly', 'allegedly', 'been',
  'in', 'turn', 'by', 'contrast', 'similarly', 'too', 'not', 'however', 'actually', 'certainly', 'strongly',
  'badly', 'personally', 'secretly', 'his', 'her', 'doubts', 'and', 'assurance', 'words', 'memoirs',
  'argument', 'observation', 'view', 'analysis', 'account', 'reading', 'interpretation', 'thesis', 'study',
  'book', 'work', 'claim', 'own', 'who', 'which', 'be', 'being', 'it', 'to', 'took', 'felt', 'seemed', 'became',
  'remained', 'grew', 'less', 'more', 'far', 'much', 'very', 'deeply', 'increasingly', 'so', 'equally', 'quite',
]);

function linkIsPlausible(between: string): boolean {
  const trimmed = between.trim();
  if (trimmed === '') return true;
  if (trimmed.startsWith('(') || trimmed.startsWith(',')) return true;
  return trimmed.split(' ').every((w) => LINKING_WORDS.has(w.toLowerCase()));
}

const IS_BASE_VERB = new RegExp(`^(?:${BASE_VERBS})$`);
const IS_SPEECH_VERB = new RegExp(`^(?:${SPEECH_VERBS})$`);
const IS_THOUGHT_VERB = new RegExp(`^(?:${THOUGHT_VERBS})$`);

export function verbClass(verb: string): 'speech' | 'thought' | 'scholar' {
  const v = verb.toLowerCase();
  if (IS_ATTITUDE.test(v)) return 'thought';
  if (IS_BASE_VERB.test(v)) return /^(?:say|tell)$/.test(v) ? 'speech' : 'thought';
  if (IS_SPEECH_VERB.test(v)) return 'speech';
  if (IS_THOUGHT_VERB.test(v)) return 'thought';
  return 'scholar';
}

/** Verbs of saying whose form is also a plural noun ("claims", "reports"). */
const NOUN_LIKE_VERB = /^(?:claims|reports|notes|records|accounts|remarks|comments|demands|promises|fears|doubts|hopes|protests|complaints|warnings|statements|states)$/;
const DETERMINER_BEFORE = /\b(?:the|a|an|this|that|these|those|its|their|his|her|our|typical|any|each|every)\s+$/i;
/** What may follow a verb of saying: a clause, an object, a preposition or an adverb. */
const CLAUSE_AFTER =
  /^[,:]?\s+(?:that|to|the|a|an|his|her|their|its|this|these|those|it|he|she|they|him|them|on|in|of|for|about|how|what|why|whether|when|where|which|who|no|nothing|little|much|more|also|only|never|not|already|again|as|with|at|from|by|[\p{Lu}"“'‘\d]|[a-z]+ly\b)/u;

/** Plural names of peoples and adherents: "Marylanders", "Virginians", "Catholics", "Federalists", "Mormons". */
const GROUP_PLURAL = /^[\p{Lu}][\p{Ll}-]{2,28}(?:ers|ians|ans|ites|ists|ics|ons|ards|ese)$/u;

/** Before such a plural: "the" or an adjective ("enslaved", "white"), not a scholar's title ("historian Sanders"). */
const GROUP_BEFORE =
  /(?:^|[\s(])(?!(?:historians?|scholars?|sociologists?|economists?|geographers?|anthropologists?|critics?|authors?|writers?|professors?|biographers?|theorists?|archaeologists?|researchers?)\s)(?:the|[\p{Ll}-]{3,20})\s$/u;

export function findSubjectVerbs(text: string): SubjectVerb[] {
  const out: SubjectVerb[] = [];
  SUBJECT_VERB.lastIndex = 0;
  for (let m = SUBJECT_VERB.exec(text); m; m = SUBJECT_VERB.exec(text)) {
    const subject = m[1];
    const between = m[2] ?? '';
    const verb = m[3];
    const firstWord = subject.split(' ')[0];
    if (NOT_NAMES.has(firstWord) && subject.split(' ').every((w) => NOT_NAMES.has(w))) {
      // "The Soviet Politburo decided": look for a name after the function words.
      if (!/\b(?:Politburo|Cabinet|Department|Office|Ministry|Committee|Council|Congress|Senate|Parliament|Commons|Chiefs|Treasury|President|Government|Kremlin|Pentagon)\b/.test(subject)) {
        SUBJECT_VERB.lastIndex = m.index + firstWord.length;
        continue;
      }
    }
    if (!linkIsPlausible(between) || (IS_BASE_VERB.test(verb) && !AUXILIARY.test(between)) ||
      (IS_ATTITUDE.test(verb) && !COPULA.test(between))) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "the exchange between Stalin and Kim reported in a previous paragraph", "Shifts observed in
    // their postures": a participle, not a report.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (between.trim() === '' && /^[a-z]+ed$/.test(verb) && /^ (?:in|above|below|earlier|here|previously|by|at|on|from|during|over)\b/.test(after)) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "the Indian claims cases", "this typical ICC claims process", "than the Customs reports.": a verb
    // of saying that is also a plural noun, read as the noun when a determiner comes before the name or
    // something other than a clause comes after it. After a possessive ("Fish's fears proved
    // well-founded") the noun is still someone's thought.
    if (between.trim() === '' && NOUN_LIKE_VERB.test(verb) && !/['’]s$/.test(subject) && (DETERMINER_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)) || !CLAUSE_AFTER.test(after))) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "The War Department was located in the northern half", "the thesis was questioned": a passive
    // verb of scholarship describes the subject, it does not report its view.
    if (verbClass(verb) === 'scholar' && /\b(?:was|were|is|are|been|be|became|become|becomes|got|get|gets)$/.test(between.trim()) && /(?:ed|en|wn)$/.test(verb)) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "The Discourse View (figure 2) highlights": the essay's own illustration, not a scholar.
    if (/\((?:see )?(?:fig(?:ure)?|table|map|chart|graph|plate)\.? ?\d/i.test(between)) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "She focuses on how …" reports a scholar's subject; "the ICC focused on", "The Project focuses on"
    // describe what an institution or the writer's own project did.
    if (/^focus/.test(verb) && !/^(?:he|she|He|She)$/.test(subject)) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "saw" is a view only when it sees something as something, or that something is so ("Koselleck saw
    // these as key", "he saw that the war was lost"). "Where Jefferson saw no future", "Norfolk saw the
    // most growth", "Seward saw himself overruled" narrate what a person (or place) met with.
    if (/^(?:saw|see|sees)$/.test(verb) && !/^ (?:that\b|[^.;:,]{1,50}? as\b)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 64))) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "the fullness of Jefferson's thought", "Locke's thought": after a possessive, "thought" is the body
    // of someone's ideas (intellectual history's noun), not a report of what they thought.
    if (between.trim() === '' && verb === 'thought' && /['’]s$/.test(subject)) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "enslaved Marylanders rejected that alignment", "the Virginians saw": a people named by a plural
    // (inhabitants, adherents) is a group acting in the past, not a scholar with a position. A scholar is
    // named by surname; a group's thought is left to the collective rules.
    if (verbClass(verb) === 'scholar' && subject.indexOf(' ') < 0 && GROUP_PLURAL.test(subject) && GROUP_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "Fear, not faction, explains": an abstract noun opening the sentence is not a scholar.
    if (subject.indexOf(' ') < 0 && isAbstractNoun(subject)) {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    // "Neither Stalin nor Truman nor Mao wanted", "Nobody in Moscow had expected": the writer's denial, not a report.
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (/\b(?:neither|nor|nobody|no one|none)\b[^.;:]{0,20}$/i.test(before) && verbClass(verb) === 'thought') {
      SUBJECT_VERB.lastIndex = m.index + firstWord.length;
      continue;
    }
    out.push({ subject, verb, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Bodies named with a determiner: "the Politburo decided", "the State Department warned". */
const BODY_VERB = new RegExp(
  `\\b[Tt]he (?:[\\p{Lu}][\\p{L}]{1,20} ){0,3}(?:Politburo|Cabinet|Department|Office|Ministry|Committee|Council|Congress|Senate|Parliament|Commons|Chiefs|Treasury|President|Government|Kremlin|Pentagon|government|leadership|Soviet leader|North Korean leader|Egyptian leader|authorities|officials|planners|diplomats|generals|ministers|advisers|advisors)((?: [\\p{Ll}][\\p{L}'’-]{0,14}){0,3}) (${SPEECH_VERBS}|${THOUGHT_VERBS})\\b`,
  'gu',
);

/**
 * An unnamed individual's words or observation: "As one correspondent noted:", "a visiting missionary
 * wrote", "another observer complained that". Who, where and when, the reader asks; a note answers.
 */
const UNNAMED_SPEAKER =
  /\b(?:[Oo]ne|[Aa]n?|[Aa]nother) (?:(?:[\p{Ll}-]{2,20}) )?(?:correspondent|observer|visitor|contemporary|journalist|reporter|critic|commentator|traveller|traveler|official|resident|witness|reviewer|editor|delegate|minister|diplomat|soldier|officer|missionary|clergyman|planter|merchant|settler|colonist|inspector|agent|informant|interviewee|eyewitness) (?:later |also |once |bitterly |famously )?(?:noted|wrote|remarked|observed|recalled|complained|declared|reported|explained|commented|lamented|warned|insisted|put it|testified|told)\b/gu;

/** "told Eisenhower that", "warned his colleagues that", ", writing that", "assessments admitted that": speech, whoever the subject. */
const TOLD_THAT =
  /\b[Aa]ccording to (?:the )?[\p{Lu}][\p{L}'’-]{1,30}|\b[Ii]n the words of (?:the |one |a |an |his |her |their )?[\p{L}][\p{L}'’-]{1,30}|(?<!\b(?:be|been|being|is|was|were|are) )\b(?:admitted|insisted|declared|announced|warned|stated|claimed|conceded|acknowledged|complained|boasted|promised|assured|confessed|recalled|remarked) that\b|, (?:writing|saying|declaring|insisting|claiming|warning|explaining|announcing|complaining|admitting|boasting|promising) (?:to [\p{L}-]{1,30} )?that\b|\bmade it clear (?:to [\p{Lu}][\p{L}-]{1,30} )?that\b|\b(?:told|tells|telling|wrote to|writing to|warned|assured|informed|promised|reminded|urged|explaining to|explained to) (?:[\p{Lu}][\p{L}-]{1,30}|him|her|them|(?:his|her|their|the) [\p{L}-]{1,20})(?: [\p{L}-]{1,20})? that\b/gu;

/**
 * Speech or thought in the passive, whose speaker a source must name: an instruction ("Interviewers were
 * instructed to capture", "the troops were ordered to"), or a verb of saying or foreseeing with its agent
 * ("was anticipated by weather forecasters", "was described by contemporaries as").
 */
const PASSIVE_SPEECH =
  /\b(?:was|were) (?:(?:also|explicitly|repeatedly|specifically|later|then|first) )?(?:instructed|ordered|told|directed|forbidden|urged) to\b|\b(?:was|were) (?:(?:widely|also|repeatedly|first|later) )?(?:anticipated|predicted|foreseen|forecast|described|denounced|condemned|praised|criticized|criticised|ridiculed|dismissed) by (?:(?:the|many|some|most|several|local|contemporary) )?(?:[\p{Ll}-]{2,20} )?(?:[\p{Lu}][\p{L}'’-]{1,30}|contemporaries|observers|critics|forecasters|officials|journalists|reporters|visitors|witnesses|residents|[\p{Ll}-]{2,20}(?:ers|ors|ists|ians))\b/gu;

/** "US military authorities perceived", "British officials feared": groups of people named by role. */
const ROLE_VERB = new RegExp(
  `\\b(?:authorities|officials|planners|policymakers|policy-makers|diplomats|generals|ministers|advisers|advisors|settlers|colonists|soldiers|officers|workers|peasants|voters|nationalists|delegates|negotiators|leaders|contemporaries|observers at the time)((?: [\\p{Ll}][\\p{L}'’-]{0,14}){0,2}) (${SPEECH_VERBS}|${THOUGHT_VERBS})\\b`,
  'gu',
);

/**
 * What people at large thought, which a source must show: "Members viewed these groups as", "many
 * Americans believed", "the common belief among", "knowledge that was understood as disappearing",
 * "Many reported that". Only verbs of thought (and "reported that"): "Editors asked their readers" and
 * "readers responded" describe practice the writer can see in the documents themselves.
 */
const COLLECTIVE_THOUGHT = new RegExp(
  `\\b(?:[Mm]embers|[Rr]esidents|[Rr]eaders|[Ee]ditors|[Rr]eformers|[Aa]ctivists|[Aa]bolitionists|[Cc]ritics|[Ss]upporters|[Oo]pponents|[Cc]itizens|[Pp]eople|[Aa]mericans|[Ee]uropeans|[Ww]omen|[Mm]en|[Pp]arents|[Ff]armers|[Ll]isteners|[Vv]iewers|[Aa]udiences|[Mm]any|[Mm]ost|[Ff]ew|[Oo]thers)((?: [\\p{Ll}][\\p{L}'’-]{0,14}){0,2}) (?:${THOUGHT_VERBS}|viewed|imagined|envisioned|figured|supposed|presumed|saw (?:[\\p{L}-]{1,20} ){1,3}as)\\b` +
    `|\\b(?:[Mm]any|[Mm]ost|[Ss]ome) (?:also |later |then )?reported that\\b` +
    `|\\b(?:was|were|is|are|been) (?:widely |commonly |generally |often |largely )?(?:seen|understood|viewed|regarded|perceived|considered|imagined|believed) (?:as|to be|to have)\\b` +
    `|\\b(?:[Tt]he )?(?:common|popular|widespread|general|prevailing) (?:belief|view|perception|assumption|opinion|sentiment)\\b` +
    // A motive given to a group ("joined because they imagined", "as they feared"), and a conviction held
    // somewhere ("There was no doubt in Washington that"): what people believed, which a source shows.
    `|\\b(?:because|since|as) they (?:(?:genuinely|firmly|truly|sincerely|also) )?(?:believed|imagined|thought|feared|hoped|assumed|felt that)\\b` +
    `|\\b[Tt]here was (?:no|little|some|widespread) doubt (?:in|among|within) (?:the )?[\\p{L}]`,
  'gu',
);

function findCollectiveThought(text: string): Finding[] {
  return collect(text, COLLECTIVE_THOUGHT, (m) =>
    // "people who thought the costs would fall on someone else": a relative clause describes, not reports.
    linkIsPlausible(m[1] ?? '') && !/\b(?:who|which|that)\b/.test(m[1] ?? '')
      ? { reason: 'reported-speech-or-thought', start: m.index, end: m.index + m[0].length, label: 'thought' }
      : null,
  );
}

export function findBodyVerbs(text: string): SubjectVerb[] {
  const roles = collect(text, ROLE_VERB, (m) =>
    linkIsPlausible(m[1] ?? '') ? ({ reason: 'reported-speech-or-thought', start: m.index, end: m.index + m[0].length, label: '' } as Finding) : null,
  );
  const told = collect(text, TOLD_THAT, (m) => ({ reason: 'reported-speech-or-thought', start: m.index, end: m.index + m[0].length, label: '' }) as Finding);
  told.push(...collect(text, UNNAMED_SPEAKER, (m) => ({ reason: 'reported-speech-or-thought', start: m.index, end: m.index + m[0].length, label: '' }) as Finding));
  if (/ (?:was|were) /.test(text)) told.push(...collect(text, PASSIVE_SPEECH, (m) => ({ reason: 'reported-speech-or-thought', start: m.index, end: m.index + m[0].length, label: '' }) as Finding));
  return [...told, ...roles, ...findCollectiveThought(text), ...collect(text, BODY_VERB, (m) =>
    linkIsPlausible(m[1] ?? '')
      ? ({ reason: 'reported-speech-or-thought', start: m.index, end: m.index + m[0].length, label: '' } as Finding)
      : null,
  )].map((f) => ({ subject: '', verb: '', start: f.start, end: f.end }));
}

/** "historians" → "[Hh]istorians": the nouns open sentences as often as not. */
const SCHOOL_NOUNS_ANY_CASE = SCHOOL_NOUNS.split('|')
  .map((noun) => `[${noun[0].toUpperCase()}${noun[0]}]${noun.slice(1)}`)
  .join('|');

const SCHOOL = new RegExp(
  `\\b(?:${SCHOOL_NOUNS_ANY_CASE})(?:\\s*\\[[^\\]]{0,10}\\])?(?: (?:have|has|had|also|long|now|often|then|in turn|such as|from))?(?: [\\p{Ll}][\\p{L}-]{0,14})? (?:${SCHOLAR_VERBS}|to interpret|[A-Z][\\p{L}]{1,20})\\b|\\b(?:traditionalists?|revisionists?|post-revisionists?|revisionist scholarship)\\b`,
  'gu',
);
const SCHOOL_GUARD = /historian|scholar|studies|traditionalist|revisionist|realist|historiograph|literature|orthodox|consensus|received|conventional|standard/i;
/**
 * Positions of the field at large: "Historians have since been kinder", "the consensus was that". "Have"
 * must be an auxiliary: "historians have relatively less sources" is the field's means, not its view.
 */
const FIELD = /\b(?:[Hh]istorians|[Ss]cholars) (?:(?:have|had)(?=\s(?:[a-z]{2,15}ly\s|since\s|long\s|also\s|often\s|now\s|sometimes\s){0,2}(?:been|[a-z]{2,20}ed|shown|seen|written|taken|drawn|made|found|given|known|thought|read|held|come|become|long|since)\b)|are|were|now|since|long|tend|tended|disagree|differ|debate|debated)\b|\b(?:the )?(?:consensus|orthodoxy|received (?:view|wisdom)|conventional (?:view|wisdom)|standard (?:view|account|interpretation)|orthodox (?:view|account|interpretation)) (?:was|is|has been|had been|held|holds)\b/g;
/**
 * The field's debates and turns, with no field noun: "Debates ensued about the narrative's authenticity",
 * "a controversy arose over", "the new social history … ignited interest in reassessing". Which debate,
 * whose turn: a note names them.
 */
const FIELD_DEBATE =
  /\b(?:[Dd]ebates?|[Cc]ontroversy|[Cc]ontroversies|[Dd]isagreements?) (?:has |have |had )?(?:long |since |quickly |soon )?(?:ensued|arose|arisen|erupted|raged|continues|continued|persists|persisted|emerged|developed|centred|centered) (?:about|over|around|on|concerning|regarding)\b|\b(?:ignited|sparked|revived|renewed|spurred|rekindled) (?:(?:new|fresh|scholarly|renewed|a new|an?) )?interest in (?:re-?(?:assessing|examining|evaluating|interpreting|considering|visiting)|revisiting)\b/g;

/**
 * The literature characterised as a whole, with no scholar named: "Most studies of emigration are
 * concerned with …", "Current research is attempting to …", "numerous studies have focused on",
 * "However, studies have typically relied on …", "The existing literature has ignored …". Which studies,
 * the reader asks; a note names them. A quantifier or qualifier before the noun ("most", "existing",
 * "recent") makes it the field's; a bare "studies" or "research" only as a clause's subject with a perfect
 * ("studies have relied"). Not the writer's own ("case studies", "our research", "further research is
 * needed": no qualifier of the field).
 */
const LITERATURE_NOUN = '(?:studies|scholarship|research|literature|works|accounts|histories|historiography)';
const LITERATURE_ABOUT = '(?: (?:of|on|about|in) [^,.;:()]{1,60}?)?';
const LITERATURE_VERB =
  '(?:have|has|had|is|are|was|were|tend|tended|tends|focus|focused|focuses|rely|relied|relies|emphasi[sz]e|emphasi[sz]ed|emphasi[sz]es|treat|treated|treats|ignore|ignored|ignores|overlook|overlooked|overlooks|neglect|neglected|neglects|assume|assumed|assumes|suggest|suggested|suggests|argue|argued|argues|show|showed|shows|depict|depicted|depicts|portray|portrayed|portrays|examine|examined|examines|explore|explored|explores|concentrate|concentrated|concentrates)';
const FIELD_LITERATURE = new RegExp(
  `\\b(?:[Mm]ost|[Mm]any|[Ff]ew|[Ss]everal|[Nn]umerous|[Cc]ountless|[Ee]xisting|[Ee]xtant|[Pp]rior|[Pp]ast|[Cc]urrent|[Ss]ubsequent|[Oo]lder|[Tt]raditional|[Rr]ecent|[Ee]arlier|[Pp]revious|[Aa]dditional|[Mm]uch) (?!case )(?:[\\p{L}-]{2,20} )?${LITERATURE_NOUN}${LITERATURE_ABOUT} ${LITERATURE_VERB}\\b` +
    `|(?:^|[.!?]\\s+|\\b(?:However|Yet|But|Still|Instead|Indeed|Traditionally|Typically|Generally|Historically|Until recently),\\s+)(?:[Ss]tudies|[Ss]cholarship|[Rr]esearch|[Tt]he (?:existing |scholarly |secondary |historical )?literature)${LITERATURE_ABOUT} (?:have|has|had) (?:[a-z]{2,15}ly )?(?:[a-z]{2,20}ed|shown|seen|drawn|taken|made|given|been)\\b`,
  'gu',
);

/** "Weathersby (1993, 1995)", "Jalal's The Sole Spokesman (1985", "May (1973)". */
const NAME_YEAR = /(?<![\p{L}])[\p{Lu}][\p{L}'’-]{1,30}(?:'s|’s)?(?: [\p{Lu}][\p{L}'’:-]{0,20}){0,8} \(\d{4}[a-z]?(?:, ?(?:\d{4}[a-z]?|pp?\. ?[\d–-]{1,12}))*\)/gu;
/** "Goncharov's observation", "May's analysis", "on her reading", "in his view", "Stewart's influential 2016 book". */
const POSSESSIVE_POSITION =
  /(?<![\p{L}])(?:[\p{Lu}][\p{L}-]{1,30}(?:'s|’s) |[Oo]n (?:his|her|their|this) |[Ii]n (?:his|her|their) )(?:observation|argument|analysis|view|account|reading|interpretation|thesis|study|claim|verdict|conclusion|research|work)\b|(?<![\p{L}])[\p{Lu}][\p{L}-]{1,30}(?:'s|’s) (?:(?:influential|important|classic|seminal|pioneering|recent|landmark|groundbreaking|path-breaking|first|new|later|earlier) )?(?:(?:1[5-9]|20)\d{2} )?(?:book|monograph|biography|dissertation|article)\b/gu;
/** "by Cumings", "provided by Jian in": a work named with its author. */
const WORK_BY = /\b(?:volumes?|book|study|work|monograph|article|investigation|analysis|account|biography) (?:of [^.;:]{1,80} )?(?:by|provided by) [\p{Lu}][\p{L}-]{1,30}\b/gu;

/**
 * The field at work, whatever the verb: "Historians of the book have investigated", "historians of
 * science frame", "Typically, scholars examine", "Historians rediscovered", "previous studies of the
 * affiches have emphasized". The verb is checked in code (`isFieldVerb`): "historians have relatively
 * less sources" has none.
 */
const FIELD_AT_WORK =
  /\b(?:[Hh]istorians|[Ss]cholars|[Pp]revious (?:studies|scholarship|work|research)|[Ee]arlier (?:studies|scholarship|work|research)|[Rr]ecent (?:studies|scholarship|work|research))(?: of (?:the )?[\p{Ll}][\p{L}-]{1,20}(?: [\p{Ll}][\p{L}-]{1,20})?)?(?:\s*\[[^\]]{0,10}\])?( (?:have|has|had))?(?: (?:long|also|often|typically|generally|recently|largely|mostly|since|rightly|extensively|increasingly|usually|tended to|tend to))? ([\p{Ll}][\p{L}-]{2,20})\b/gu;
/** Words that follow a field noun without being its verb. */
const NOT_FIELD_VERB = new Set([
  'are', 'were', 'who', 'whom', 'whose', 'that', 'which', 'and', 'have', 'had', 'has', 'with', 'such', 'like', 'also',
  'from', 'for', 'the', 'this', 'these', 'those', 'its', 'their', 'been', 'being', 'alike', 'too', 'but', 'nor', 'not',
  'all', 'both', 'each', 'more', 'less', 'many', 'some', 'other', 'others', 'working', 'writing', 'interested',
  'there', 'here', 'can', 'may', 'might', 'must', 'should', 'would', 'could', 'will', 'shall', 'did', 'does', 'do',
  // Needs and habits of the discipline, not a position: "the material that historians need to engage".
  'need', 'needs', 'use', 'work', 'rely', 'face', 'lack',
  // What the field cannot do is the writer's diagnosis of a gap, not a position to cite.
  'cannot',
]);
const PARTICIPLE_IRREGULAR = /^(?:shown|seen|written|taken|drawn|made|found|done|given|known|begun|thought|brought|sought|told|read|led|held|put|set|come|become|gone|left|kept|paid|built|understood)$/;

function isFieldVerb(verb: string, afterAuxiliary: boolean): boolean {
  if (NOT_FIELD_VERB.has(verb) || /ly$/.test(verb)) return false;
  if (afterAuxiliary) return /ed$/.test(verb) || PARTICIPLE_IRREGULAR.test(verb);
  // "historians acting as expert witnesses", "scholars working on the press": a participle describing them.
  if (/ing$/.test(verb)) return false;
  // Plural present or past: "examine", "frame", "rediscovered"; not a noun ("historians' debates" has none).
  return !/(?:ness|ment|tion|sion|ity|ism|ist|ists|ians|ars)$/.test(verb);
}

function findFieldAtWork(text: string): Finding[] {
  return collect(text, FIELD_AT_WORK, (m) =>
    isFieldVerb(m[2], m[1] !== undefined)
      ? { reason: 'historiography', start: m.index, end: m.index + m[0].length, label: 'a scholar’s position' }
      : null,
  );
}

/**
 * The field again, by pronoun, in the sentence after one that named it: "Historians of the book have
 * investigated … They have also traced the circulation of publications". The caller keeps it only when
 * the sentence before holds a scholar's position.
 */
const FIELD_CONTINUED =
  /^\s*(?:They|These (?:scholars|historians|studies|works|authors|critics)|Such (?:scholars|historians|studies|work))( (?:have|has|had))?(?: (?:also|further|since|long|often|likewise|similarly|moreover))? ([\p{Ll}][\p{L}-]{2,20})\b/u;

const IS_SCHOLAR_VERB = new RegExp(`^(?:${SCHOLAR_VERBS})$`);

export function findFieldContinued(sentence: string): { start: number; end: number } | null {
  const m = FIELD_CONTINUED.exec(sentence);
  if (!m || !isFieldVerb(m[2], m[1] !== undefined) || IS_THOUGHT_VERB.test(m[2]) || IS_SPEECH_VERB.test(m[2])) return null;
  // Without an auxiliary, only verbs of scholarship: "They argued" but not "They lived".
  if (m[1] === undefined && verbClass(m[2]) !== 'scholar') return null;
  if (m[1] === undefined && !IS_SCHOLAR_VERB.test(m[2])) return null;
  return { start: m.index, end: m.index + m[0].length };
}

export function findHistoriography(text: string): Finding[] {
  const make = (m: RegExpExecArray): Finding => ({
    reason: 'historiography',
    start: m.index,
    end: m.index + m[0].length,
    label: 'a scholar’s position',
  });
  // Cheap guards first: most paragraphs hold none of these, and the full patterns cost more.
  return [
    ...(SCHOOL_GUARD.test(text) ? [...collect(text, SCHOOL, make), ...collect(text, FIELD, make), ...findFieldAtWork(text)] : []),
    ...(/studies|scholarship|research|literature|works|accounts|histories|historiography/.test(text) ? collect(text, FIELD_LITERATURE, make) : []),
    ...(/\(\d{4}/.test(text) ? collect(text, NAME_YEAR, make) : []),
    ...(/['’]s |\b[OoIi]n (?:his|her|their|this) /.test(text) ? collect(text, POSSESSIVE_POSITION, make) : []),
    ...(/ by /.test(text) ? collect(text, WORK_BY, make) : []),
    ...(/ebate|ontrovers|isagreement|interest in/.test(text) ? collect(text, FIELD_DEBATE, make) : []),
  ];
}
