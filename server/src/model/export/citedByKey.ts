/**
 * After a conversion to Pandoc citations a note cites `[@maylessons1973, p. 74]`, no longer the
 * typed reference; the typed entry it was exported from is still cited, so it must not be reported
 * "never cited". Each Pandoc key that is the export key of a typed entry counts as a citation of it.
 */
import type { Bibliography } from '../types';
import type { CitationFacts } from '../citations/index';
import type { PandocModel } from '../pandoc/index';
import { exportKeys } from './keys';
import { exportableEntries } from './index';

export function citationsByExportKey(bibliography: Bibliography, pandoc: PandocModel): CitationFacts[] {
  if (pandoc.uses.length === 0 || bibliography.entries.length === 0) return [];
  const used = new Set(pandoc.uses.map((use) => use.key));
  const facts: CitationFacts[] = [];
  for (const [entryKey, exportKey] of exportKeys(exportableEntries(bibliography.entries))) {
    if (!used.has(exportKey)) continue;
    const use = pandoc.uses.find((candidate) => candidate.key === exportKey)!;
    facts.push({
      noteLabel: '',
      ambiguousIbid: false,
      citation: { text: `@${exportKey}`, range: use.range, kind: 'short', locator: null, entries: [entryKey], unresolved: null, candidates: [], nearMatch: null, ibidChain: [], mediatedBy: null },
    });
  }
  return facts;
}
