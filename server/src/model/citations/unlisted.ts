/**
 * Works a note gives in full that the bibliography does not list. A later short form by the same
 * author may name one of them ("Reynold Higgins, “The Discovery of Tanagra Statuettes,” *Apollo* 75
 * (1962)" in one note, "Higgins, “Discovery of Tanagra,” 589" in another) while the bibliography
 * lists another work of that author (*Tanagra and the Figurines*): the short form points back to the
 * full note (Chicago 14.29), not to the listed work its author's name alone would find.
 *
 * Like Ibid. and declared names, this depends on the notes before it, so the works recorded so far
 * carry a signature the note cache compares.
 */
import { findTitles, titleWords } from '../bibliography/spans';
import { foldName } from '../text';

export interface UnlistedWork {
  surname: string;
  words: ReadonlySet<string>;
}

/**
 * "Reynold Higgins, “…”", "See, for example, Lucilla Burn, *…*", "The epigraph is from Reynold Higgins,
 * “…”": the author named in full (given name first), then the title, at the head of the reference or
 * after a few words that introduce it.
 */
const authorThenTitle = /^(?:[^.;:]{0,60}?\s)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(\p{Lu}[\p{L}'’-]+),\s+[*_“"]/u;
/** "Higgins, Reynold. “The Discovery …”": the same reference as a bibliography writes it, surname first. */
const surnameFirstThenTitle = /^(?:(?:[Ss]ee|[Cc]f\.)(?:\s+also)?,?\s+)?(\p{Lu}[\p{L}'’-]+),\s+\p{Lu}\p{Ll}+(?:\s+(?:\p{Lu}\p{Ll}+|\p{Lu}\.))*\.\s+[*_“"]/u;
/** "Higgins, “…”": the surname alone, then the short title. */
const surnameThenTitle = /^(?:(?:[Ss]ee|[Cc]f\.)(?:\s+also)?,?\s+)?(\p{Lu}[\p{L}'’-]+),\s+[*_“"]/u;

export class UnlistedWorks {
  private readonly works: UnlistedWork[] = [];
  /** Changes whenever a work is recorded: the same signature means the same works, in the same order. */
  signature = '';

  /** Records the work a full reference the bibliography lacks gives, when its author and title can be read. */
  record(text: string): UnlistedWork | null {
    const author = surnameFirstThenTitle.exec(text) ?? authorThenTitle.exec(text);
    const title = author ? findTitles(text).find((span) => span.start >= author[0].length - 1) : undefined;
    if (!author || !title) return null;
    const words = titleWords(title.value);
    if (words.length === 0) return null;
    const work = { surname: foldName(author[1]), words: new Set(words) };
    this.add(work);
    return work;
  }

  /** Adds a work a cached note recorded before. */
  add(work: UnlistedWork): void {
    this.works.push(work);
    this.signature += `${work.surname}\u0000${[...work.words].join(' ')}\u0001`;
  }

  /**
   * Whether a short form ("Higgins, “Discovery of Tanagra,” 589") names a recorded work rather than
   * `listedTitle`, the title of the entry its author's name found: every word of its short title is
   * in the recorded work's title, and not every one in the listed title.
   */
  namesUnlisted(text: string, listedTitle: string): boolean {
    if (this.works.length === 0) return false;
    const author = surnameThenTitle.exec(text);
    const title = author ? findTitles(text)[0] : undefined;
    if (!author || !title) return false;
    const written = titleWords(title.value);
    if (written.length === 0) return false;
    const listed = new Set(titleWords(listedTitle));
    if (written.every((word) => listed.has(word))) return false;
    const surname = foldName(author[1]);
    return this.works.some((work) => work.surname === surname && written.every((word) => work.words.has(word)));
  }
}
