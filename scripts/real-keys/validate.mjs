#!/usr/bin/env node
// Checks the shape of an answer key for a published essay, from the essay's text alone (it never
// runs the resolver): every note label is keyed, in order; every entry fragment occurs exactly
// once in the bibliography section (or the companion bibliography file the key names); kinds and
// locators are well formed. A key marked `"notesOnly": true` is for an essay with no bibliography:
// its fragments name the full references in the notes, and each must first occur in a note.
// Usage: node scripts/real-keys/validate.mjs test/fixtures/real/NAME.expected.json [...]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function bibliographyRegion(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^#{1,6}\s*\**\s*(bibliography|bibliograf[íi]a|bibliographie|references|referencias|références|works cited|sources|fuentes)(?![\p{L}])/iu.test(line.trim()));
  if (start < 0) return null;
  const level = lines[start].match(/^#+/)[0].length;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const heading = lines[i].match(/^(#{1,6})\s/);
    if (heading && (heading[1].length <= level || /^#{1,6}\s*notes\s*$/i.test(lines[i].trim()))) { end = i; break; }
  }
  return lines.slice(start + 1, end).join('\n');
}

let failures = 0;
for (const keyPath of process.argv.slice(2)) {
  const problems = [];
  const key = JSON.parse(readFileSync(keyPath, 'utf8'));
  const essay = readFileSync(keyPath.replace(/\.expected\.json$/, '.md'), 'utf8');
  // A key may name a companion file beside the essay that holds the bibliography (a chapter and its
  // book's bibliography page): fragments then name entries of that file, front matter aside.
  const region = key.notesOnly
    ? null
    : key.bibliography
      ? readFileSync(join(dirname(keyPath), key.bibliography), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
      : bibliographyRegion(essay);
  if (region === null && !key.notesOnly) problems.push('no bibliography heading found');
  if (key.notesOnly && bibliographyRegion(essay) !== null) problems.push('notesOnly, but the essay has a bibliography heading');
  const labels = [...essay.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]);
  const keyed = Object.keys(key.notes ?? {});
  const missing = labels.filter((label) => !keyed.includes(label));
  const extra = keyed.filter((label) => !labels.includes(label));
  if (missing.length) problems.push(`notes not keyed: ${missing.join(', ')}`);
  if (extra.length) problems.push(`keyed notes not in the essay: ${extra.join(', ')}`);
  if (!['dev', 'test'].includes(key.split)) problems.push('split must be dev or test');
  const checkFragment = (where, fragment) => {
    if (typeof fragment !== 'string' || fragment.length < 4) return problems.push(`${where}: fragment ${JSON.stringify(fragment)} too short`);
    if (fragment.includes('\n')) return problems.push(`${where}: fragment crosses a line`);
    if (key.notesOnly) {
      // The work's full reference in the notes: its fragment's first occurrence is in a note.
      const at = essay.indexOf(fragment);
      const lineStart = essay.lastIndexOf('\n[^', at);
      const noteStart = essay.slice(0, at).search(/^\[\^[^\]]+\]:/m);
      if (at < 0) return problems.push(`${where}: fragment ${JSON.stringify(fragment)} does not occur in the essay`);
      if (noteStart < 0 || lineStart < 0) problems.push(`${where}: fragment ${JSON.stringify(fragment)} first occurs outside the notes`);
      return;
    }
    const count = region ? region.split(fragment).length - 1 : 0;
    if (count !== 1) problems.push(`${where}: fragment ${JSON.stringify(fragment)} occurs ${count} times in the bibliography`);
  };
  for (const [label, citations] of Object.entries(key.notes ?? {})) {
    if (!Array.isArray(citations) || citations.length === 0) { problems.push(`note ${label}: no citations`); continue; }
    for (const citation of citations) {
      if (!['full', 'short', 'ibid', 'none'].includes(citation.kind)) problems.push(`note ${label}: kind ${citation.kind}`);
      if (!(citation.locator === null || typeof citation.locator === 'string')) problems.push(`note ${label}: locator must be a string or null`);
      if (!Array.isArray(citation.entries)) { problems.push(`note ${label}: entries must be an array`); continue; }
      if (citation.kind === 'none' && (citation.entries.length || citations.length > 1)) problems.push(`note ${label}: a none note is one object with no entries`);
      for (const fragment of citation.entries) checkFragment(`note ${label}`, fragment);
    }
  }
  for (const fragment of key.uncited ?? []) checkFragment('uncited', fragment);
  for (const item of key.ambiguous ?? []) for (const fragment of item.candidates ?? []) checkFragment(`ambiguous ${item.note}`, fragment);
  if (!Array.isArray(key.uncited)) problems.push('uncited must be a list');
  const citations = Object.values(key.notes ?? {}).flat().length;
  console.log(`${keyPath}: ${Object.keys(key.notes ?? {}).length} notes, ${citations} citations, ${problems.length ? problems.length + ' problems' : 'ok'}`);
  for (const problem of problems) console.log(`  ${problem}`);
  if (problems.length) failures++;
}
process.exit(failures ? 1 : 0);
