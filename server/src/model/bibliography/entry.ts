/**
 * Reads one bibliography entry the way a reader does: who wrote it, what it is called, where and
 * when it appeared. Handles the layouts historians use: Chicago ("Gaddis, John Lewis. *We Now
 * Know*. Oxford: Clarendon Press, 1997."), the surname-initials form common in student essays
 * ("Stueck W.W., *Rethinking the Korean War* (…, 2002)"), repeated authors ("———."), bodies as
 * authors ("Foreign Relations of the United States, …"), archives and newspapers.
 */
import type { BibliographyEntry, Person } from '../types';
import { findTitles, stripMarkup, type TitleSpan } from './spans';
import { findDates, findYears, seasonPattern, monthWordPattern } from './dates';
import { documentIds, acronymOf } from './documents';
import { SURNAME_PARTICLES, trimEndOf, trimStartOf } from '../text';

/** What an entry's own text says; its key, range and section come from where it stands. */
export type ParsedEntry = Omit<BibliographyEntry, 'key' | 'text' | 'range' | 'section'> & {
  /** The entry repeats the previous entry's authors ("———."). */
  repeatsPreviousAuthor: boolean;
};

// Markdown converters escape the rule: "\_\_\_\_\_." and "\-\-\-." are the previous author, not italics.
// ("⸻", the three-em dash character Chicago 14.68 asks for, and the two-em "⸺".)
const repeatedAuthor = /^\s*(?:[⸺⸻]{1,2}|[—–]{1,3}|-{2,6}|_{3,}|(?:\\[_-]){3,})\s*[.,]?/;
const corporateWords =
  /\b(?:Department|Office|Council|Committee|Commission|Archives?|Library|Ministry|Government|Institute|Institution|University|Agency|Bureau|Museum|Society|Union|Party|Foreign Relations|United States|United Nations|Congress|Parliament|Senate|Assembly|Records|Papers|Collection|Centre|Center|Foundation|Association|Company|Corporation|Organi[sz]ation|Times|Post|Herald|Tribune|Gazette|Journal|Review|Press)\b/;
const initialsToken = /^(?:\p{Lu}\.-?){0,4}\p{Lu}\.?$/u;
const editorMark = /\(\s*eds?\.?\s*\)|,?\s+\beds?\.(?=\s|,|$)|\(\s*editors?\s*\)|\(\s*compiler\s*\)|,?\s*\bcomp\./gi;
const translatorMark = /\(\s*trans\.?\s*\)|,?\s*\btrans\.(?=\s|,|$)/gi;

/** No bibliography entry is longer; past it, text is not read (so a pasted mass cannot stall the reader). */
const maxEntryLength = 2000;

/**
 * The short name a text declares for what it cites: "(hereafter HMBP)", "(hereafter cited as
 * Block Papers)", "[Hereinafter referred to as *Executive Office Building.*]", "(henceforth FRUS)".
 */
export function hereafterName(text: string): string | null {
  return hereafterDeclaration(text)?.name ?? null;
}

/** The short name declared and where its declaration ("(hereafter …", ", hereafter cited as …") begins. */
export function hereafterDeclaration(text: string): { name: string; start: number } | null {
  // (Or after a comma, with "cited as": "Rosa Bonheur sketchbook, …, 850837, hereafter cited as Bonheur sketchbook.")
  const match =
    /[([]\s*(?:here(?:in)?after|henceforth)(?:\s*,)?\s+(?:(?:cited|referred\s+to|quoted)\s+)?(?:as\s+)?[“"]?([^()[\]“”"]{2,60}?)[”"]?\s*[.,]?\s*[)\]]/i.exec(text) ??
    /,\s*here(?:in)?after\s+(?:cited|referred\s+to)\s+as\s+[“"]?([^()[\]“”".;]{2,60}?)[”"]?\s*(?:[.;]|$)/i.exec(text);
  if (!match) return null;
  const name = match[1].replace(/[*_]/g, '').replace(/[.,\s]+$/, '').trim();
  return /\p{Lu}/u.test(name) ? { name, start: match.index } : null;
}

/**
 * The letter a label gives a work of its year ("**Michon 1923**b", "short: Flock et al. 2021a"): the
 * one that tells an author's works of a year apart when the entry's own year has none.
 */
export function letterOfYearIn(label: string, year: number): string | undefined {
  return new RegExp(String.raw`\b${year}(?:\*\*)?([a-z])(?![\p{L}\d])`, 'u').exec(label)?.[1];
}

/** A bold label and a hard break opening an entry ("**Aurigemma 1961**<br />", "**_ARV_<sup>2</sup>**<br />"). */
const entryLabel = /^\*\*[^*\n]{1,80}\*\*[a-z]?\s*<br\s*\/?>\s*\n/;

export function parseEntry(source: string): ParsedEntry {
  const written = source.trim().slice(0, maxEntryLength);
  // The rule read, it is blanked (at its length, so offsets hold): "\_\_\_" must not open italics.
  // "**Gaday et al. 2006**<br />" over the reference in a list item: the label notes cite the entry
  // by, not its author or title; blanked at its length, as the rule below is.
  const label = entryLabel.exec(written);
  const unlabelled = label ? ' '.repeat(label[0].length) + written.slice(label[0].length) : written;
  const rule = repeatedAuthor.exec(unlabelled.trimStart());
  const lead = unlabelled.length - unlabelled.trimStart().length;
  const text = rule ? unlabelled.slice(0, lead) + ' '.repeat(rule[0].length) + unlabelled.slice(lead + rule[0].length) : unlabelled;
  const titles = findTitles(text);
  const url = /<?(https?:\/\/[^\s>)]+)>?/.exec(text)?.[1] ?? null;

  const repeats = rule !== null;
  // ("⸻, and Lucía Pereira Pardo. “…”": the same authors and another; the others are this entry's own.)
  const coauthors = repeats ? /^\s*and\s+(?=\p{Lu})/u.exec(text.slice(lead + rule![0].length)) : null;
  const authorPart = repeats ? (coauthors ? authorPartOf(text.slice(0, lead + rule![0].length) + ' '.repeat(coauthors[0].length) + text.slice(lead + rule![0].length + coauthors[0].length), titles) : '') : authorPartOf(text, titles);
  const people = parsePeople(authorPart);
  const title = titles[0] ?? null;
  const untitledName = !title && people.corporate ? documentTitleAfter(text, people.corporate) : null;
  const container = containerOf(text, titles);
  const yearInfo = yearOf(text, titles, url);
  const pages = pagesOf(text, titles, yearInfo.end);
  // An article about NSC 68 is not NSC 68: a person's work is identified by its author, not by
  // the documents its title names.
  const ids = documentIds(people.persons.length > 0 ? blank(text, titles) : text);
  const aliases = new Set<string>();
  if (people.corporate) {
    const acronym = acronymOf(people.corporate.replace(/\([^)]*\)/g, ' '));
    if (acronym) aliases.add(acronym);
    // "CIA (Central Intelligence Agency)": the body's own short name.
    const shortName = /^([A-Z]{2,8})\s*\(/.exec(people.corporate);
    if (shortName) aliases.add(shortName[1].toLowerCase());
    const spelled = /\(([^)]+)\)/.exec(people.corporate);
    const spelledAcronym = spelled ? acronymOf(spelled[1]) : null;
    if (spelledAcronym) aliases.add(spelledAcronym);
  }
  for (const match of text.matchAll(/\(([A-Z]{2,8})\)/g)) aliases.add(match[1].toLowerCase());
  // "*ETCSL* = Black, Jeremy A. et al. 1998–2006. *The Electronic Text Corpus…*": an abbreviation
  // list's entry, the abbreviation first, then the work it stands for.
  // ("RIME 1 = Frayne, Douglas R. 2008…": a series abbreviated with its volume.)
  const abbreviation = /^[*_]{0,2}([\p{L}][\p{L}\d.-]{1,11}(?: \d{1,3})?)[*_]{0,2}\s*=\s+\S/u.exec(text);
  if (abbreviation) aliases.add(abbreviation[1].replace(/\./g, '').toLowerCase());
  // "CCAG. 1898-1953. *Catalogus codicum astrologorum graecorum.*": a work listed under its siglum,
  // in capitals, before its date; notes cite it so ("*CCAG* 7.213-224").
  const siglum = /^[*_]{0,2}([A-Z][A-Z\d&]{1,7})[*_]{0,2}[.,]?\s+\(?(?:1[5-9]\d\d|20\d\d)\b/u.exec(text);
  if (siglum) aliases.add(siglum[1].toLowerCase());
  // "… Horace Mann Bond Papers, … (hereafter cited as HMBP)": the name the essay's notes use.
  const hereafter = hereafterName(text);
  if (hereafter && /^[A-Z][A-Z&.]{1,9}$/.test(hereafter)) aliases.add(hereafter.replace(/\./g, '').toLowerCase());
  // "Letters from this edition are identified as GUW.": the siglum the notes cite its items by.
  const declared = declaredSiglum(text);
  if (declared) aliases.add(declared.toLowerCase());
  // A work known by an acronym in the title ("Foreign Relations of the United States" → FRUS).
  // (Not for a person's work the name reader missed: "Smith, Joseph. No title [Review of *Foreign
  // Relations of the United States, 1952–1954*…]" is a review, not the series.)
  if (title && !people.persons.length && !/^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?\.\s/u.test(text)) {
    const acronym = acronymOf(title.value);
    if (acronym && acronym.length >= 3) aliases.add(acronym);
  }

  return {
    authors: people.editorsOnly ? [] : people.persons,
    editors: people.editorsOnly ? people.persons : [],
    etAl: people.etAl,
    corporateAuthor: people.corporate,
    repeatsPreviousAuthor: repeats,
    year: yearInfo.year,
    // ("**Michon 1923b**<br />" over "Michon, Étienne. … 1923.": the letter that tells the author's
    // works of a year apart is written in the label only.)
    season: (label && yearInfo.year !== null ? letterOfYearIn(label[0], yearInfo.year) : undefined) ?? yearInfo.season,
    issue: issueOf(text, titles),
    // A note's quoted title holds the comma that follows it ("…Humanities," in *Debates…*): punctuation, not title.
    title: title ? title.value.replace(/(?<=\S)[,;:]$/, '') : untitledName,
    isPart: Boolean(title && title.style === 'quoted' && container),
    container,
    volume: volumeOf(text, titles),
    pages,
    url,
    documentIds: ids,
    dates: findDates(text)
      .filter((date) => !titles.some((span) => span.start <= date.start && date.start < span.end))
      .map((date) => date.iso),
    aliases: [...aliases],
  };
}

/**
 * A document listed without title markup after its body: "Foreign Relations of the United States,
 * NSC report 8-2, 22 March 1949" → "NSC report 8-2". Not a date, a volume or an address.
 */
function documentTitleAfter(text: string, corporate: string): string | null {
  const start = text.indexOf(corporate);
  if (start < 0) return null;
  const next = /^[,.]\s*([^,.<]{2,80}?)\s*(?=[,.]|$)/.exec(text.slice(start + corporate.length));
  if (!next) return null;
  const candidate = next[1].trim();
  if (/^\d/.test(candidate) || /^(?:vol|accessed|pp?)\b/i.test(candidate) || findDates(candidate).length > 0) return null;
  return candidate;
}

/** Names, then a year and a stop: the head of an author–date entry ("Rochberg, F. 1988a. "). */
const authorDateHead = /^(\p{Lu}[^()\n]{0,160}?)\s\(?(?:1[5-9]\d\d|20\d\d)(?:\s*[–-]\s*\d{2,4})?[a-z]?\)?[.:,]\s/u;
const opensWithParticles = new RegExp(String.raw`^(?:${SURNAME_PARTICLES}\s+)*\p{Lu}`, 'u');
const openingParticle = new RegExp(String.raw`^${SURNAME_PARTICLES}\s`, 'i');
// ("et" and "und" after a name; "y" and "e" after a full stop or a comma, or before another person
// named in full ("Pérez, Juan y María López"), but not inside a compound surname: "Ortega y Gasset",
// "Teixeira e Sousa".)
const foreignAnd = new RegExp(String.raw`(?:(?<=[\p{L}.,])\s+(?:et|und)|(?<=[.,])\s+(?:y|e)|(?<=\p{L})\s+(?:y|e)(?=\s+\p{Lu}\p{Ll}+\s+\p{Lu}))\s+(?=\p{Lu})`, 'gu');

/**
 * The siglum an entry says its items are cited by: "Letters from this edition are identified as
 * GUW." Only a declaration in those words: an acronym of a body is no edition's siglum.
 */
export function declaredSiglum(text: string): string | null {
  return /\b(?:identified|cited|designated)\s+(?:in\s+the\s+notes\s+)?as\s+[“"]?([A-Z][A-Z&]{1,9})\b/.exec(text)?.[1] ?? null;
}
/** The lower-case words a list of names may hold: "and", "with", "eds.", particles. */
const nameWords = /\b(?:and|with|eds?|von|van|der|den|del|della|des|du|de|la|le|et\s+al)\b/g;

/** The text before the title; with no title, up to the first sentence or comma boundary. */
function authorPartOf(text: string, titles: TitleSpan[]): string {
  // "Robert Fortenbaugh entitled *The Nine Capitols…*": a work named in a note's sentence.
  if (titles.length > 0 && titles[0].start > 0) {
    const before = text.slice(0, titles[0].start).replace(/,?\s+(?:entitled|titled|called)\s*$/, ' ');
    // "Rochberg, F. 1988a. Elements of the Babylonian Contribution…. *Journal…*": in an author–date
    // list whose article titles go unmarked, the names end at the year, whatever follows it.
    const dated = authorDateHead.exec(before);
    if (dated && !/(?:^|[\s,])\p{Ll}{4,}/u.test(dated[1].replace(nameWords, ' '))) return dated[1];
    // "Jansma, Taeke. Review of *…*, by Cyril Moss": a person, then words about the work (a review,
    // an introduction), not a body called "Jansma, Taeke. Review of".
    const person = /^(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?,\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\.\s+(?=\p{Lu}\p{Ll}+\s+\p{Ll})/u.exec(before);
    return person ? person[1] : before;
  }
  if (titles.length > 0) return '';
  // No title markup: "Foreign Relations of the United States, NSC report 8-2, …" or
  // "The National Archives, Kew (TNA). FO 371." — the name ends at the first ", " or ". "
  // that does not follow an initial.
  const boundary = /(?<!\b\p{Lu})[.,](?=\s)/u.exec(text);
  return boundary ? text.slice(0, boundary.index) : text;
}

interface People {
  persons: Person[];
  corporate: string | null;
  etAl: boolean;
  editorsOnly: boolean;
}

export function parsePeople(part: string): People {
  // Author-date bibliographies put the year after the names: "Kennan, George F. 1947.", "Thomas,
  // Ross I. 2013–20a." (an online catalogue published over years), or say
  // the work is not yet out: "Hoyer, D. forthcoming(a)."
  let text = stripMarkup(part).replace(/\s+/g, ' ').trim().replace(/\s\(?(?:1[5-9]\d\d|20\d\d)(?:[–-]\d\d)?[a-z]?\)?[.,]?$|\sn\.d\.$|\s\(?(?:forthcoming|in press|in preparation)(?:\s?\([a-z]\)|[a-z])?\)?[.,]?$/, '').trim();
  const editorsOnly = editorMark.test(text);
  editorMark.lastIndex = 0;
  // Whitespace collapsed after each removal: a run of spaces before `\s*\b…` patterns is quadratic.
  text = text.replace(editorMark, ' ').replace(/\s+/g, ' ').replace(translatorMark, ' ').replace(/\s+/g, ' ');
  const etAl = /\bet al\.?/i.test(text);
  text = text.replace(/,?\s*\bet al\.?/i, ' ').replace(/\s+/g, ' ').trim();
  // "Liccioli, L. et Bombardieri, L.", "Müller und Schulz", "García y Pérez": the last name joined
  // as French, German or Spanish join it, read as "and" is.
  text = text.replace(foreignAnd, ' and ');
  text = trimEndOf(trimStartOf(text, ',.;:'), ',.;:');
  // "Abusch, T. / D. Schwemer (2011):": the year before a colon, left once the colon is trimmed.
  text = text.replace(/\s\((?:1[5-9]\d\d|20\d\d)[a-z]?\)$/, '');
  // "Schlesinger, Jr., Arthur M.": the suffix written before the given names belongs after them.
  text = text.replace(/^([^,;]+),\s*(Jr\.?|Sr\.?|II|III|IV),\s*([^,;]+)/u, '$1, $3 $2');
  // "King, Martin Luther, Jr.": the suffix after the given names is part of them, not a second person.
  text = text.replace(/^([^,;]+,\s*[^,;]+),\s*(Jr\.?|Sr\.?|II|III|IV)(?=$|[,;]|\s+and\b)/u, '$1 $2');
  if (!text) return { persons: [], corporate: null, etAl, editorsOnly: false };

  const words = text.split(/[\s,]+/).filter(Boolean);
  // Names of people have no lower-case words but "and" and particles; names of bodies do ("of the").
  // ("Arvieux, Laurent d'": an elided particle after the given names, as French names are inverted.)
  // ("Abd el-Maksoud", "ibn Khaldun": the Arabic article and "ibn" are particles of a name too.)
  const lowerCase = words.filter((w) => /^\p{Ll}/u.test(w) && !/^(?:and|de|van|von|der|da|di|del|la|le|du|ten|ter|y|d['’]|dell['’]|ibn|bin|bint)$/.test(w) && !/^(?:al|el)-\p{Lu}/u.test(w));
  const nameWords = words.filter((w) => !initialsToken.test(w) && w !== 'and');
  // A long list of people is a body's name, unless semicolons part the people ("Turchin, P.; Brennan, R.; …").
  const semicolonList = (text.match(/;/g)?.length ?? 0) >= 2;
  // "Crane, Gregory, Alison Babeu, David Bamman, Thomas Breuel, …": many people, each a name of a
  // few words between commas, the first inverted.
  // (One reading of the names between commas and "and", for this test and for the order of names below.)
  const commaList = text.split(/\s*,\s*(?:and\s+)?|\s+and\s+/);
  const peopleList = commaList.length >= 4 && commaList.every((name) => /^(?:\p{Lu}[\p{L}'’.-]*\s?){1,4}$/u.test(name.trim()));
  if (corporateWords.test(text) || /^The\s/.test(text) || lowerCase.length > 0 || (nameWords.length > 9 && !semicolonList && !peopleList)) {
    return { persons: [], corporate: text, etAl, editorsOnly: false };
  }

  // "Turchin, P.; Brennan, R.; Currie, T.", "Abusch, T./Schwemer, D.", "Abusch, T. / D. Schwemer":
  // people separated by semicolons or slashes, each written as a whole name (inverted or not).
  const listed = text.split(/\s*;\s*(?:and\s+)?|\s*\/\s*(?=\p{Lu})/u).filter(Boolean);
  if (listed.length > 1 && listed.every((name) => /^\p{Lu}/u.test(name) && name.split(',').length <= 2)) {
    const people = listed.map((name): Person => {
      const [surname, given] = name.split(/\s*,\s*/);
      return given !== undefined ? { surname, given } : personFromWords(name);
    });
    return { persons: people, corporate: null, etAl, editorsOnly };
  }
  // "Rebecca Sutton Koeser, Nick Budak, Gissoo Doroudian, and Xinyi Li" (a note's full reference):
  // every name given name first, none inverted.
  const direct = commaList.filter(Boolean);
  if (direct.length >= 3 && direct.every((name) => /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+$/u.test(name.trim())) && !/^(?:de|da|del|van|von|der|den|la|le|du|di)\s/i.test(direct[0])) {
    return { persons: direct.map(personFromWords), corporate: null, etAl, editorsOnly };
  }
  const chunks = text.split(/\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|;\s*)/).filter(Boolean);
  const persons: Person[] = [];
  chunks.forEach((chunk, index) => {
    // "Gaddis, John Lewis" (inverted first author) may also hold further authors after commas
    // in surname-initials lists ("Higham R.D.S., Brune L.H."): split those first.
    const commaParts = chunk.split(/\s*,\s*/);
    if (index === 0 && commaParts.length >= 2 && !initialsToken.test(commaParts[0].split(' ').pop() ?? '')) {
      const [surname, given, ...rest] = commaParts;
      // ("de Villefosse, Antoine-Marie Héron": a surname may open with its particle.)
      if (surname.split(' ').length <= 3 && opensWithParticles.test(surname)) {
        // "Rompay, Lucas van": the particle inverted after the given name belongs to the surname
        // that notes write "Van Rompay".
        const particle = /\s((?:(?:van|von|de|der|den|du|la|le|ten|ter)\s?)+)$/i.exec(given ?? '');
        persons.push(particle ? { surname: `${particle[1].trim()} ${surname}`, given: (given ?? '').slice(0, particle.index) } : { surname, given: given ?? '' });
        for (const extra of rest) persons.push(personFromWords(extra));
        return;
      }
    }
    // "Walsh, K. and Schwalbe, M.": a later author inverted too, the initials after the comma.
    if (index > 0 && commaParts.length === 2 && /^\p{Lu}[\p{L}'’-]+$/u.test(commaParts[0]) && commaParts[1].split(/\s+/).every((token) => initialsToken.test(token))) {
      persons.push({ surname: commaParts[0], given: commaParts[1] });
      return;
    }
    for (const part of commaParts) if (part) persons.push(personFromWords(part));
  });
  const valid = persons.filter((person) => /^\p{Lu}/u.test(person.surname) || openingParticle.test(person.surname));
  if (valid.length === 0) return { persons: [], corporate: text, etAl, editorsOnly: false };
  return { persons: valid, corporate: null, etAl, editorsOnly };
}

/** "Stueck W.W." (surname first), "S.N. Goncharov" or "Mary Jones" (surname last). */
function personFromWords(chunk: string): Person {
  const tokens = chunk.trim().split(/\s+/);
  const firstInitial = tokens.findIndex((token) => initialsToken.test(token));
  // "Stueck W.W." has its initials last; "Bruce J. Allyn" has a middle initial and the surname last.
  if (firstInitial > 0 && tokens.slice(firstInitial).every((token) => initialsToken.test(token))) {
    return { surname: tokens.slice(0, firstInitial).join(' '), given: tokens.slice(firstInitial).join(' ') };
  }
  // Given names first: the surname is the last word, with its particles ("Charles de Gaulle").
  let surnameStart = tokens.length - 1;
  while (surnameStart > 0 && /^(?:de|van|von|der|da|di|del|la|le|du|ten|ter)$/i.test(tokens[surnameStart - 1])) surnameStart--;
  return { surname: tokens.slice(surnameStart).join(' '), given: tokens.slice(0, surnameStart).join(' ') };
}

function containerOf(text: string, titles: TitleSpan[]): string | null {
  if (titles.length >= 2) return titles[1].value;
  return null;
}

interface YearInfo {
  year: number | null;
  season: string | null;
  end: number;
}

/**
 * The publication year: preferably inside the parentheses of the publication details
 * ("(NY: Da Capo, 1987)", "(winter 1995)", "(Feb.1989)"), otherwise the last year outside titles,
 * the URL and an "accessed … on" clause.
 */
function yearOf(text: string, titles: TitleSpan[], url: string | null): YearInfo {
  const blocked = [...titles];
  if (url) {
    const start = text.indexOf(url);
    blocked.push({ start, end: start + url.length, value: url, style: 'italic' });
  }
  const accessed = /\baccessed\b/i.exec(text);
  const limit = accessed ? accessed.index : text.length;
  const years = findYears(text).filter(
    (year) => year.start < limit && !blocked.some((span) => span.start <= year.start && year.start < span.end),
  );
  if (years.length === 0) return { year: null, season: null, end: -1 };
  const inParens = years.filter((year) => {
    const open = text.lastIndexOf('(', year.start);
    const close = text.indexOf(')', year.start);
    return open >= 0 && close > 0 && text.lastIndexOf(')', year.start) < open;
  });
  // Author–date: "Mauss, Marcel. 2001. *A General Theory of Magic*. … reprint from 1950." The year
  // written right after the names, before any title, is the one the notes cite it by.
  const first = years[0];
  const firstTitle = titles.length > 0 ? Math.min(...titles.map((title) => title.start)) : text.length;
  // ("Reimer, P. J., E. Bard, *et al.* 2013.": "et al." in italics is still the names.)
  const afterNames = first.start < firstTitle && /^[^*_“"‘(\d]{2,200}[.,]\s+\(?$/.test(text.slice(0, first.start).replace(/[*_]+(et\s+al\.?)[*_]+/g, '$1')) && /^(?:[a-z]|\([a-z]\))?\)?[.:,]/.test(text.slice(first.end));
  const chosen = afterNames ? first : inParens.length ? inParens[inParens.length - 1] : years[years.length - 1];
  // A range ("1981–1990"): the first year names the work.
  const rangeStart = /(1[5-9]\d\d|20\d\d)\s*[-–]\s*$/.exec(text.slice(Math.max(0, chosen.start - 8), chosen.start));
  const year = rangeStart ? Number(rangeStart[1]) : chosen.year;
  const around = text.slice(Math.max(0, chosen.start - 20), chosen.end + 2);
  const openParen = around.lastIndexOf('(', 20);
  const context = openParen >= 0 ? around.slice(openParen) : around.slice(10);
  // "1989a", "1989b": author-date bibliographies tell one author's works of a year apart by a letter.
  // Also written in parentheses: "2013(b)".
  // Also after the last year of a work published over several ("2013–20a").
  const suffix = /^(?:[–-]\d\d)?(?:([a-z])|\(([a-z])\))(?![\p{L}])/u.exec(text.slice(chosen.end));
  if (suffix) return { year, season: suffix[1] ?? suffix[2], end: chosen.end + suffix[0].length };
  const inFullDate = findDates(text).some((date) => date.start <= chosen.start && chosen.start < date.end);
  const season = inFullDate
    ? null
    : (seasonPattern.exec(context)?.[1].toLowerCase() ?? monthWordPattern.exec(context)?.[0] ?? null);
  return { year, season, end: chosen.end };
}

function issueOf(text: string, titles: TitleSpan[]): string | null {
  const outside = blank(text, titles);
  const match = /\b(Issue\s*\d+|(?:Working Paper\s*)?No\.\s*\d+|N\.\s*\d+|no\.\s*\d+)/i.exec(outside);
  return match ? text.slice(match.index, match.index + match[0].length) : null;
}

function volumeOf(text: string, titles: TitleSpan[]): string | null {
  const outside = blank(text, titles);
  const match = /\b[Vv]ol(?:ume)?\.?\s*([IVXLC]+|\d+)\b/.exec(outside) ?? /\*\s+(\d{1,4})(?=,?\s*(?:no\.|\())/.exec(text);
  return match ? match[1] : null;
}

/** Replaces title spans with spaces so patterns do not match inside titles; offsets stay valid. */
function blank(text: string, spans: { start: number; end: number }[]): string {
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}

/** Expands the abbreviated end of a range: 333-34 → 334, 114-5 → 115, 1299-302 → 1302. */
export function expandRangeEnd(from: string, to: string): number {
  if (to.length >= from.length) return Number(to);
  return Number(from.slice(0, from.length - to.length) + to);
}

function pagesOf(text: string, titles: TitleSpan[], yearEnd: number): ParsedEntry['pages'] {
  const outside = blank(text, titles);
  const explicit = [...outside.matchAll(/\bpp?\.\s*(\d{1,5})\s*[-–—]\s*(\d{1,5})\b/g)];
  const chicago = /\):\s*(\d{1,5})\s*[-–—]\s*(\d{1,5})\b/.exec(outside);
  // "*Revue d’Égyptologie* 27: 206–209", "*JEA* 64(2): 12–19": a journal's volume, a colon, the pages.
  const afterVolume = /\b\d{1,4}(?:\s*\(\d{1,3}(?:[-–/]\d{1,3})?\))?:\s*(\d{1,5})\s*[-–—]\s*(\d{1,5})\b/.exec(outside.slice(Math.max(0, yearEnd)));
  const bare = yearEnd >= 0 ? /^[^\d]*?\b(\d{1,5})\s*[-–—]\s*(\d{1,5})\b/.exec(outside.slice(yearEnd)) : null;
  const match = explicit[explicit.length - 1] ?? chicago ?? afterVolume ?? bare;
  if (!match) return null;
  const from = Number(match[1]);
  const to = expandRangeEnd(match[1], match[2]);
  if (!(to >= from)) return null;
  return { text: `${match[1]}-${match[2]}`, from, to };
}
