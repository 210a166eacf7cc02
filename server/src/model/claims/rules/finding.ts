/**
 * What a claim rule reports, and the linear scan every rule uses.
 *
 * Rules run on plain prose (see ../prose.ts) and return prose offsets. Every pattern is linear: no
 * nested quantifiers and bounded repetition, so that a 2 MB paragraph of junk costs no more than a
 * 2 MB paragraph of prose.
 */
import type { ClaimReason } from '../../types';

export interface Finding {
  reason: ClaimReason;
  start: number;
  end: number;
  /** How the message names it: "a document (telegram)", "a date (19 January 1950)". */
  label: string;
}

export function collect(text: string, pattern: RegExp, make: (m: RegExpExecArray) => Finding | null): Finding[] {
  const out: Finding[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const finding = make(m);
    if (finding) out.push(finding);
  }
  return out;
}
