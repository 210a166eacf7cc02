/**
 * Works a bibliography rightly leaves out. The Chicago Manual (17th ed., 14.198) says newspaper and
 * magazine articles are usually cited in notes only, so an essay whose bibliography lists no
 * periodical at all is following the rule when its notes cite dated issues: a warning that each
 * "matches no entry" would be a wall of false alarms. An essay that does list its newspapers and
 * cites one it does not list has a real gap, and is still told.
 *
 * The same holds of other kinds of source the manual lets notes cite alone: legal cases and
 * statutes, web pages, interviews and personal communications, general dictionaries and
 * encyclopedias. Each is left out only when the
 * bibliography lists nothing of its kind; one listed is a sign the writer lists them all. Classical
 * texts cited by their standard divisions ("Tac. *Ann.* 4.5", "Thuc. 1.22.4") are never compared:
 * the abbreviations name no entry a reader could look up, and a bibliography lists modern editions
 * if anything.
 */
import type { Bibliography } from '../types';
import { findTitles, stripMarkup } from '../bibliography/spans';
import { findDates, imprintInParentheses, monthPattern } from '../bibliography/dates';

/** "13 Dec. 1891", "March 3, 1921", "March 1921": the date of an issue. */
const issueDate = new RegExp(String.raw`(?:\b\d{1,2}\s+${monthPattern}\s+\d{4}|\b${monthPattern}\s+\d{1,2},\s+\d{4}|\b${monthPattern}\s+\d{4})\b`);
/** An italic title, then perhaps its place in parentheses, then (perhaps linked) the date of an issue. */
const periodicalIssue = new RegExp(String.raw`\*[^*\n]{2,80}\*,?\s*(?:\([^()\n]{1,60}\),?\s*)?\[?` + issueDate.source);

/** A citation of a dated issue of a periodical: "*Wheeling Sunday Register* (Wheeling, WV), 13 Dec. 1891, p. 9". */
export function citesPeriodicalIssue(text: string): boolean {
  return periodicalIssue.test(text);
}

/** Whether the bibliography lists periodicals: a section for them, or an entry that is a periodical's title alone. */
export function listsPeriodicals(bibliography: Bibliography): boolean {
  if (bibliography.sections.some((section) => /\b(?:newspapers?|periodicals?|press|magazines?)\b/i.test(section.title))) return true;
  // Articles of dated issues listed one by one: the writer lists what they cite from periodicals.
  if (bibliography.entries.some((entry) => citesPeriodicalIssue(entry.text))) return true;
  // "*Colorado Chieftain* (Pueblo, Colorado)", "*The Times* (London)": a title alone, no imprint.
  return bibliography.entries.some(
    (entry) => entry.authors.length === 0 && entry.editors.length === 0 && /^\s*\*[^*]+\*[\s.,(]/.test(entry.text) && stripMarkup(entry.text).length < 120 && !/\w:\s/.test(entry.text),
  );
}

/** The cues a citation may open with ("See", "*cf.*"). */
const cue = String.raw`(?:[*_]?(?:[Ss]ee(?:\s+also)?|[Cc]f\.?|[Cc]ompare|[Aa]lso)[*_]?[,:]?\s+)*`;

/** "347 U.S. 483", "78 Stat. 241", "163 F. Supp. 2d 12", "[1995] 2 AC 1": a law report or statute book, volume and page. */
const lawReport =
  /\b\d{1,4}\s+(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.\s?Supp\.(?:\s?[23]d)?|F\.(?:\s?(?:2d|3d|4th))?|Stat\.|U\.\s?S\.\s?C\.(?:\s?A\.)?|A\.\s?C\.|AC|Q\.\s?B\.|K\.\s?B\.|W\.\s?L\.\s?R\.|WLR|All\s?E\.?R\.?|(?:Cal|Mass|Pa|Va|N\.\s?Y|N\.\s?E|S\.\s?E|S\.\s?W|N\.\s?W|So)\.(?:\s?[23]d)?)\s+(?:§\s*)?\d{1,5}/u;
/**
 * "Brown v. Board of Education", "R v Smith", "*Plessy v. Ferguson*": a case name, as a citation
 * opens with it ("v" in lower case: "Richard V. Reeves" is a person).
 */
const caseName = new RegExp(String.raw`^${cue}[*_]?\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of|the|and|for|&|ex\s+rel\.|\p{Lu}[\p{L}.'’&-]*))*\s+v\.?\s+\p{Lu}`, 'u');
/** After a case name: its law report, or its year in parentheses or brackets. */
const caseYear = /[([](?:[^()[\]]{0,40}\s)?(?:1[5-9]\d\d|20\d\d)[)\]]/;
/** "Pub. L. 88-352", "29 U.S.C. § 794d", "Section 508 of the Rehabilitation Act", "Civil Rights Act of 1964,", "U.S. Const. art. I". */
const statute = new RegExp(
  [
    String.raw`\bPub(?:lic)?\.?\s*L(?:aw|\.)\s*(?:No\.\s*)?\d+[-–]\d+`,
    String.raw`\b\d+\s+U\.\s?S\.\s?C\.(?:\s?A\.)?\s*(?:§|[Ss]ec)`,
    String.raw`\b[Ss]ection\s+\d+\w*\s+of\s+the\s+(?:\p{Lu}[\p{L}'’-]*\s+(?:(?:of|for|and|with)\s+)?)+Act\b`,
    String.raw`^${cue}(?:\p{Lu}[\p{L}'’-]*\s+(?:(?:of|for|and|on|to|with)\s+)?){1,8}Act\s+of\s+(?:1[5-9]\d\d|20\d\d)\b`,
    String.raw`\bConst\.\s+(?:art|amend)\.`,
  ].join('|'),
  'u',
);

/** A citation of a legal case or a statute. */
export function citesLaw(text: string): boolean {
  if (statute.test(text)) return true;
  // A work about a case ("Patterson, *Brown v. Board of Education*, 45") opens with its author, not the case.
  return caseName.test(text) ? lawReport.test(text) || caseYear.test(text) : /^[^*_“"]*\b\d{1,4}\s+(?:U\.\s?S\.|S\.\s?Ct\.|F\.\s?Supp\.)\s+\d/.test(text);
}

function listsLaw(bibliography: Bibliography): boolean {
  if (bibliography.sections.some((section) => /\b(?:legal|cases|statutes|laws?|legislation|court|acts|treaties)\b/i.test(section.title))) return true;
  return bibliography.entries.some((entry) => citesLaw(entry.text) || / v\.? \p{Lu}/u.test(entry.text.slice(0, 80)));
}

/** A web page: an address, and no imprint, DOI or journal volume that would make it a printed work read online. */
export function citesWebPage(written: string): boolean {
  // ("*Wheeling Sunday Register* (Wheeling, WV), [13 Dec. 1891](https://chroniclingamerica…)": an
  // issue of a newspaper, its date linked to a scan of it, is a newspaper issue, not a web page.)
  const text = written.replace(/\[([^\[\]\n]{4,40})\]\(<?[^()\s<>]*>?\)/g, (link, label: string) => (findDates(label).length > 0 ? label : link));
  if (!/https?:\/\/|\bwww\./i.test(text)) return false;
  if (/doi\.org|\bdoi:/i.test(text)) return false;
  if (imprintInParentheses.test(text)) return false; // (Place: Publisher, 1990)
  return !/\*[^*]+\*\s+\d+(?:,\s*no\.\s*\d+)?\s*\((?:[^()]*\s)?(?:1[5-9]\d\d|20\d\d)\)/.test(text); // *Journal* 12, no. 3 (1990)
}

function listsWebPages(bibliography: Bibliography): boolean {
  if (bibliography.sections.some((section) => /\b(?:web\s*sites?|online|internet|digital)\b/i.test(section.title))) return true;
  return bibliography.entries.some((entry) => entry.url !== null || /https?:\/\/|\bwww\./i.test(entry.text));
}

/**
 * The words that name a communication no library holds: "personal communication", "email message",
 * "telephone conversation", "text message", "phone call". One vocabulary for the two questions asked
 * of it (a kind a bibliography rightly omits; a reference in full in a note of its own). Only a
 * word's first letter may be a capital (the patterns have no "i" flag, so that \p{Lu} keeps
 * telling a name from a word).
 */
const COMMUNICATION = String.raw`(?:[Pp]ersonal\s+communication|(?:[Aa]n\s+)?[Ee]-?mail(?:\s+message)?|(?:[Aa]\s+)?(?:[Tt]elephone\s+|[Pp]rivate\s+)?[Cc]onversation|(?:[Aa]\s+)?[Tt]ext\s+message|(?:[Aa]\s+)?(?:[Tt]elephone|[Pp]hone)\s+call)`;
/** The writer, as the other party of a communication: "to the author", "with the present writer", "by me". */
const WRITER = String.raw`(?:the\s+(?:present\s+)?(?:author|writer)s?|me)`;

/** An interview or a personal communication: "Interview with …", "email to the author", "conversation with …". */
const interviewOrCommunication = new RegExp(
  String.raw`\b(?:[Ii]nterview(?:ed)?\s+(?:with|by)|(?:[Oo]ral[- ][Hh]istory|[Tt]elephone)\s+interview|${COMMUNICATION}\s+(?:to|from|with)\s+(?:${WRITER}|\p{Lu})|[Pp]ersonal\s+communication)\b`,
  'u',
);

export function citesInterview(text: string): boolean {
  return interviewOrCommunication.test(text);
}

function listsInterviews(bibliography: Bibliography): boolean {
  if (bibliography.sections.some((section) => /\b(?:interviews?|oral\s+histor(?:y|ies)|correspondence)\b/i.test(section.title))) return true;
  return bibliography.entries.some((entry) => /\binterview/i.test(entry.text));
}

/**
 * A classical text cited by its standard divisions: an abbreviated author and perhaps an
 * abbreviated work, then book, chapter and section ("Tac. *Ann.* 4.5", "Thuc. 1.22.4", "Hom. Il.
 * 6.145", "Gen. 1:3"), and no year of publication.
 */
const classicalReference = new RegExp(String.raw`^${cue}\p{Lu}\p{Ll}{1,7}\.\s+(?:[*_]?\p{Lu}[\p{L}]{0,10}\.?[*_]?\.?\s+){0,2}(?:[IVXL]{1,6}\.?\s*)?\d{1,4}(?:[.:]\d{1,4})+(?![\d/])`, 'u');

/**
 * The same with the author and the work in full ("Herodotus, *Histories* 2.59, 123", "Strabo,
 * *Geography* 17.1.33, 808c", "Xenophon (*Cyropaedia* 6.2.9, 7.1.45)"), or fragments of a lost work
 * ("Hesiod fr. 106, 107 (Most)", "Sappho fr. 140").
 */
// Also an author of two names ("Cassius Dio", "Diodorus Siculus"), a book in roman ("*Metamorphoses*
// XI.5"), and divisions written with commas ("*Life of Antony* 74, 1–2", "*Historiae Romanae* 50, 5, 3");
// a comma after the title ("Ovid, *Metamorphoses*, 2.401–530"), the author's possessive ("Virgil’s
// *Aeneid*, 5.405–13") or the work alone in parentheses ("(*Aeneid*, 5.461–64)").
const classicalInFull = new RegExp(
  String.raw`(?:(?:^|[,;:(]\s*|\b(?:[Ss]ee|[Cc]f\.?|[Cc]ompare)\s+)${cue}\p{Lu}\p{Ll}{2,14}(?:\s+\p{Lu}\p{Ll}{2,14})?(?:['’]s)?,?\s+\(?|\(\s*(?=[*_]))(?:[*_][^*_\n]{2,60}[*_],?\s+(?:(?:\d{1,4}|[IVXL]{1,6})(?:\.\d{1,4})+|\d{1,4}(?:,\s*\d{1,4}(?:[–-]\d{1,4})?)+(?![\d\p{L}]))|frr?\.\s*\d)`,
  'u',
);

/**
 * Greek and Latin authors, pagan and Christian, as notes name them: the canon a classicist cites by
 * its standard divisions, whatever their form ("Plato, *Timaeus*, 91d", "Cicero, *Pro Flacco*, 37",
 * "Euripides, *Medea*, 240–245", "Martial 2.42, 8.33.17"). A closed list, as the months are: no
 * modern author a bibliography lists is written with one of these names alone.
 */
const ANCIENT_AUTHORS = String.raw`(?:Aelian|Aeschines|Aeschylus|Alcaeus|Alcman|Ammianus(?:\s+Marcellinus)?|Anacreon|Apollodorus|Apollonius(?:\s+of\s+Rhodes|\s+Rhodius)?|Appian|Apuleius|Aratus|Archilochus|Aristophanes|Aristotle|Arrian|Artemidorus|Athenaeus|Augustine|Aulus\s+Gellius|Ausonius|Bacchylides|Caesar|Callimachus|Cassius\s+Dio|Dio\s+Cassius|Catullus|Celsus|Cicero|Claudian|Clement\s+of\s+Alexandria|Columella|Demosthenes|Dio\s+Chrysostom|Diodorus(?:\s+Siculus)?|Diogenes\s+Laertius|Dionysius\s+of\s+Halicarnassus|Ennius|Epictetus|Euripides|Eusebius|Festus|Frontinus|Galen|Gellius|Herodas|Herodian|Herodotus|Hesiod|Hesychius|Hippocrates|Homer|Horace|Hyginus|Isocrates|Jerome|Josephus|Julian|Juvenal|Livy|Longus|Lucan|Lucian|Lucretius|Lycurgus|Lysias|Macrobius|Manilius|Martial|Menander|Nepos|Nonnus|Origen|Ovid|Pausanias|Persius|Petronius|Philo|Philostratus|Photius|Pindar|Plato|Plautus|Pliny(?:\s+the\s+(?:Elder|Younger))?|Plotinus|Plutarch|Pollux|Polybius|Porphyry|Procopius|Propertius|Ptolemy|Quintilian|Sallust|Sappho|Seneca|Servius|Sextus\s+Empiricus|Silius\s+Italicus|Simonides|Solon|Sophocles|Soranus|Statius|Stobaeus|Strabo|Suetonius|Tacitus|Terence|Tertullian|Theocritus|Theognis|Theophrastus|Thucydides|Tibullus|Valerius\s+Maximus|Varro|Velleius\s+Paterculus|Virgil|Vergil|Vitruvius|Xenophon)`;
/** A division of an ancient text: "91d", "35.43", "3.6.3–4", "240–245", "6.11a.7", "IV.5". */
const DIVISION = String.raw`(?:\d{1,4}[a-e]?(?:\.\d{1,4}[a-e]?)*|[IVXL]{1,6}\.\d{1,4}(?:\.\d{1,4})*)(?:\s*(?:-{1,2}|[–—])\s*\d{1,4}[a-e]?)?`;
// One cue at most, not a run of them: the pattern is tried at every word, and a repeated cue
// would make each try read to the end of the note (quadratic on "see see see …").
const oneCue = String.raw`(?:[*_]?(?:[Ss]ee(?:\s+also)?|[Cc]f\.?|[Cc]ompare|[Aa]lso|e\.\s?g\.)[*_]?[,:]?\s+)?`;
// (At the end of a sentence that introduces it: "For sealings, Cicero, *Pro Flacco*, 37", "e.g. Plato, *Timaeus*, 91c".
// Where a reference starts, not after a given name: "Winslow Homer, *Letters*, 12" is a modern work.)
const byAncientAuthor = new RegExp(
  String.raw`(?:^|[(;:,]\s*|[.?!]\s+|\s(?:and|or|&)\s+)${oneCue}${ANCIENT_AUTHORS}(?:['’]s)?,?\s+(?:[*_][^*_\n]{2,80}[*_],?\s+(?:\([^()]{1,40}\)\s+)?)?${DIVISION}(?:\s*[,;]\s*${DIVISION})*(?:\s*\([^()]{1,60}\))?\s*[.;]?\s*$`,
  'u',
);

/**
 * Works of the same canon that notes cite by title alone, the author named in the sentence ("So,
 * Hesiod declares, … (*Theogony* 590)"): a closed list of the titles as a single italic span.
 */
const ANCIENT_TITLES = String.raw`(?:Iliad|Odyssey|Theogony|Works\s+and\s+Days|Aeneid|Georgics|Eclogues|Metamorphoses|Ars\s+Amatoria|Remedia(?:\s+Amoris)?|Amores|Fasti|Tristia|Heroides|Timaeus|Symposium|Phaedrus|Phaedo|Natural\s+History|Naturalis\s+Historia|NH|HN|Nicomachean\s+Ethics|History\s+of\s+Animals|Historia\s+Animalium|Poetics|Anabasis|Cyropaedia|Oeconomicus|Memorabilia|Medea|Bacchae|Hippolytus|Agamemnon|Antigone|Lysistrata|Ecclesiazusae|Thesmophoriazusae|Onomasticon|Deipnosophistae|Moralia|De\s+Rerum\s+Natura|De\s+Officiis|De\s+Architectura|Satyricon|Germania|Agricola|Bibliotheca(?:\s+historica)?|Geographica|Gynecology|Gynaecology)`;
/**
 * An ancient text by its title alone: one of the canon's titles with its divisions ("*Theogony*,
 * 590", "*History of Animals* 8 (9): 1.608"), or any italic title with divisions in the dotted form
 * of book, chapter and section ("*Historia Augusta* 3.6.3"), which a modern work's volume and page
 * ("*Collected Works* 2.214") never has three of. (Not an abbreviated title: "*P.Mich.Aphrod.* 2.41" is a papyrus by its
 * edition's siglum, which a bibliography of sigla must list.)
 */
const byTitleAlone = new RegExp(
  String.raw`^${oneCue}(?:[*_]${ANCIENT_TITLES}[*_],?\s+[\d(][\d\s().:;,a-e–—-]{0,40}|[*_](?![^*_\n]{0,60}\.)[^*_\n]{2,60}[*_],?\s+(?:\d{1,4}|[IVXL]{1,6})[a-e]?(?:\.\d{1,4}[a-e]?){2,}(?:\s*(?:-{1,2}|[–—])\s*\d{1,4}[a-e]?)?(?:\s*[,;]\s*${DIVISION})*)\s*[.;]?\s*$`,
  'u',
);

export function citesClassicalText(text: string): boolean {
  // (Asked of one citation's text several times in a row: when it is resolved, when its pinpoint is
  // read, when an embedded one is kept. The last answer is kept for the next question.)
  if (text === lastClassical.text) return lastClassical.cites;
  const written = text.trim();
  const cites = (classicalReference.test(written) || classicalInFull.test(written) || byAncientAuthor.test(written) || byTitleAlone.test(written)) && !/\b(?:1[5-9]\d\d|20\d\d)\b/.test(text);
  lastClassical = { text, cites };
  return cites;
}
let lastClassical = { text: '', cites: false };

/**
 * The divisions an ancient text is cited by, as written at the end of its reference ("6.11a.7" of
 * "Polybius 6.11a.7.", "2.42, 8.33.17" of "Martial 2.42, 8.33.17", "8 (9): 1.608"), or null when the
 * text is no such reference. They are its pinpoint, as pages are a modern work's.
 */
export function classicalDivisions(text: string): string | null {
  if (text.length > 300 || !citesClassicalText(text)) return null;
  return divisionsAtEnd.exec(text.trim())?.[1] ?? null;
}
const divisionsAtEnd = new RegExp(
  String.raw`(?:^|[\s,(])((?:\d{1,4}\s*\(\d{1,3}\):\s*)?${DIVISION}(?:\s*[,;]\s*${DIVISION})*)\s*\)?(?:\s*\([^()]{1,60}\))?\s*[.;]?\s*$`,
  'u',
);

/**
 * A papyrus, ostracon or tablet by its edition's siglum and number, as papyrologists cite them
 * ("*P.Coll.Youtie* 1.30", "P.Oxy. 1.119", "O.Claud. 2.245", "*C.Étiq.Mom.* 1706"): the Checklist of
 * Editions is their bibliography, and a paper lists the editions only when it discusses them.
 */
/** An edition's siglum run together ("P.Coll.Youtie", "O.Claud.", "C.Étiq.Mom."), accents perhaps apart. */
const SIGLUM = String.raw`\p{Lu}{1,3}\.(?:\p{Lu}\p{M}?[\p{L}\p{M}]*\.?){1,3}`;
const editionSiglum = new RegExp(
  String.raw`(?:^|\b(?:in|[Ss]ee(?:\s+also)?|[Cc]f\.)\s+|[,;:(]\s*)[*_]?(?:${SIGLUM}|[POT]\.\s(?:\p{Lu}\p{M}?[\p{L}\p{M}'’-]*\.?\s?){1,3})[*_]?\.?,?\s+(?:[IVX]{1,4}\s+)?(?!(?:1[5-9]\d\d|20\d\d)\b)\d{1,5}(?:[./]\d{1,5})?[a-z]?(?![\p{L}\d])`,
  'u',
);
/** An entry that opens with a siglum ("P.Fay. = Grenfell and Hunt, …"). */
const entryOpeningWithSiglum = new RegExp(String.raw`^[*_]?${SIGLUM}[*_]?\.?\s*(?:=|[:,(]|\s\d)`, 'u');

export function citesPapyrusEdition(text: string): boolean {
  return editionSiglum.test(text.trim()) && !/\b(?:1[5-9]\d\d|20\d\d)\b/.test(text);
}

function listsPapyrusEditions(bibliography: Bibliography): boolean {
  return bibliography.entries.some((entry) => entryOpeningWithSiglum.test(entry.text.trim()) || citesPapyrusEdition(entry.text));
}

/**
 * An entry of a general dictionary or encyclopedia, which Chicago lets notes cite alone: "*Oxford
 * English Dictionary*, s.v. “harbour”", "*Encyclopaedia Britannica*". A specialised reference work
 * ("*Coptic Encyclopedia* 7: 2133") is cited like a book.
 */
export function citesGeneralReferenceWork(text: string): boolean {
  return /\bs\.\s?v\.|\b(?:Oxford English Dictionary|OED|Dictionary of National Biography|American National Biography|Dictionary of American Biography|Encyclop(?:a|ae|æ)dia Britannica|Merriam-Webster|Webster['’]s(?: [A-Z][a-z]+)* Dictionary|Wikipedia)\b/.test(text);
}

function listsReferenceWorks(bibliography: Bibliography): boolean {
  return bibliography.entries.some((entry) => /\b(?:Dictionary|Encyclop(?:a|ae|æ)dia|Wikipedia)\b/.test(entry.title ?? entry.text.slice(0, 120)));
}

/** A citation whose work the bibliography rightly leaves out (see above). */
export function rightlyOmitted(text: string, bibliography: Bibliography): boolean {
  return whyOmitted(text, bibliography) !== null;
}

/** What kind of work the bibliography rightly leaves out, in words for the writer; null when it should list it. */
export function whyOmitted(text: string, bibliography: Bibliography): string | null {
  if (citesClassicalText(text)) return 'an ancient text cited by its standard divisions';
  if (citesPapyrusEdition(text) && !listsPapyrusEditions(bibliography)) return 'a papyrus or manuscript cited by its edition or collection';
  if (citesPeriodicalIssue(text) && !listsPeriodicals(bibliography)) return 'a newspaper or magazine issue, and the bibliography lists none';
  if (citesLaw(text) && !listsLaw(bibliography)) return 'a law or legal case, and the bibliography lists none';
  if (citesInterview(text) && !listsInterviews(bibliography)) return 'an interview or a communication';
  if (citesGeneralReferenceWork(text) && !listsReferenceWorks(bibliography)) return 'a general reference work';
  return citesWebPage(text) && !listsWebPages(bibliography) ? 'a web page, and the bibliography lists none' : null;
}

/**
 * A personal communication cited in a note of its own: "Emily Whal, email message to Van Hyning,
 * October 14, 2021"; "Ada Cole, personal communication, 3 May 2019"; "Email from Ada Cole to the
 * author, 3 May 2019". The Chicago Manual (14.214) cites these in notes and never in the
 * bibliography: a reference in full, with nothing to look up.
 */
// An interview or a letter is one only when the writer was its other party ("interview by the
// author", "Letter from Ada Cole to the author"): others are documents an archive may hold.
const communication = String.raw`(?:${COMMUNICATION}|(?:[Aa]n\s+)?[Ii]nterview\s+(?:by|with)\s+${WRITER}|(?:[Aa]\s+)?[Ll]etter\s+to\s+${WRITER})`;
const person = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`;
const personalCommunicationPattern = new RegExp(
  // ("I am grateful to Bonnie Clark … Conversation with the author, November 29, 2023.": the other party
  // named in the sentence before, the communication with the writer on its own.)
  String.raw`^(?:${person},\s+${communication}\b|${communication}\s+(?:from|with)\s+${person}\b|${COMMUNICATION}\s+(?:with|to|from)\s+${WRITER}\b|(?:[Aa]n\s+)?(?:[Ii]nterview\s+with|[Ll]etter\s+from)\s+${person}\s+(?:by|to)\s+${WRITER}\b)[^;]{0,120}\b(?:1[5-9]\d\d|20\d\d)\b[^;]{0,20}$`,
  'u',
);

export function citesPersonalCommunication(text: string): boolean {
  // One reported in a published work or held in an archive ("…, conversation with Okafor, in Okafor,
  // *Harbour Lights*, 14", "…, quoted in …") cites that work or that collection.
  if (!personalCommunicationPattern.test(stripMarkup(text).trim())) return false;
  return findTitles(text).length === 0 && !/\b(?:[Ii]n|[Qq]uoted\s+in|[Cc]ited\s+in)\s+\p{Lu}/u.test(text);
}
