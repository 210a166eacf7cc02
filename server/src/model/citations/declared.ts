/**
 * Short names an essay declares for the works it cites, the way historians shorten a long
 * archival reference: "…, Horace Mann Bond Papers, MS 411, …, UMass Amherst Libraries (hereafter
 * cited as HMBP)." and later "\"First and Highly Tentative Draft of an Outline,\" HMBP." The later
 * note cites what the declaring note cited. Like Ibid., it depends on the notes before it, so the
 * names declared so far carry a signature the note cache compares.
 */
import { hereafterName } from '../bibliography/entry';
import { SUBJECT_OF_REFERENCE } from './segment';

const leadingCue = new RegExp(String.raw`^(?:${SUBJECT_OF_REFERENCE})?[\s*_]*(?:(?:see|cf\.|also)[\s,:*_]+)*`, 'i');

export class DeclaredNames {
  private readonly names = new Map<string, { pattern: RegExp; keys: string[] }>();
  /** Changes whenever a name is declared: the same signature means the same names, in the same order. */
  signature = '';

  /** The short name a citation's text declares, if any. */
  static declaredIn(text: string): string | null {
    return hereafterName(text);
  }

  /** The short name declared right after a citation, before anything else the note cites. */
  static declaredAfter(note: string, end: number, drafts: readonly { start: number }[]): string | null {
    const next = drafts.reduce((nearest, draft) => (draft.start >= end && draft.start < nearest ? draft.start : nearest), note.length);
    const after = note.slice(end, next);
    return /^[\s.,;]*[([]\s*(?:here(?:in)?after|henceforth)\b/i.test(after) ? hereafterName(after) : null;
  }

  declare(name: string, keys: string[]): void {
    if (keys.length === 0 || this.names.has(name)) return;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    // An acronym is written as declared ("HMBP", not "hmbp"); a name of words in any case.
    const flags = /^[A-Z&.]+$/.test(name) ? 'u' : 'iu';
    this.names.set(name, { pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags), keys });
    this.signature += `${name}\u0000${keys.join(',')}\u0001`;
  }

  /** Whether a citation opens with a declared short name ("Bonheur sketchbook, 4r"). */
  opens(text: string): boolean {
    // ("For Ms. 616, see Migne, *Patrologia Latina*, vol. 153": what the reference is for, the cue, and
    // the declared work after its author's name.)
    const opening = text.replace(leadingCue, '');
    for (const { pattern } of this.names.values()) {
      const found = pattern.exec(opening);
      if (found && (found.index === 0 || /^\p{Lu}[\p{L}'’-]+,\s+[*_]*$/u.test(opening.slice(0, found.index)))) return true;
    }
    return false;
  }

  /** The works a citation names by a declared short name (not the declaration itself). */
  find(text: string): string[] | null {
    if (this.names.size === 0 || hereafterName(text)) return null;
    for (const { pattern, keys } of this.names.values()) if (pattern.test(text)) return keys;
    return null;
  }
}
