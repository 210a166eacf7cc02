/**
 * What a CSL processor's HTML becomes: Markdown for a hover, plain text for comparing with
 * Pandoc; and how Pandoc prints a rendered citation inside a note (its rules, not the style's):
 * a citation that does not open its note goes in parentheses, a narrative citation (`@key` in a
 * note) loses the style's closing full stop, and a note starts with a capital.
 *
 * Pure string functions.
 */
import type { CitationCluster } from './noteOrder';

/** One citation rendered by a CSL engine at its place in note order. */
export interface RenderedCitation {
  noteNumber: number;
  /** The citation as its note prints it, in Markdown and in plain text. */
  markdown: string;
  text: string;
  /** The bibliography entry of each work cited, by key, in Markdown. */
  bibliography: Map<string, string>;
  /** The style's title ("Chicago Manual of Style 17th edition (full note)"). */
  style: string;
  /** Why the style the essay names is not the one used (null when it is, or names none). */
  fallback: string | null;
}

/** Renders a citation of the essay it was made for; null when none of its keys has an entry. */
export type CitationRenderer = (cluster: CitationCluster) => RenderedCitation | null;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#38': '&', '#60': '<', '#62': '>', '#34': '"', '#39': "'" };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (ENTITIES[name] !== undefined) return ENTITIES[name];
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}

/** Markdown's own characters in text that is not Markdown. */
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** citeproc-js HTML (`<i>`, `<b>`, small caps, `<div class="csl-entry">`) as Markdown. */
export function htmlToMarkdown(html: string): string {
  let out = '';
  // Italics that close and open again at once, or wrap nothing, would print stray asterisks.
  const tidy = html.replace(/<\/(i|b)><\1>|<(i|b)><\/\2>/g, '');
  for (const part of tidy.split(/(<[^>]+>)/)) {
    if (part.startsWith('<')) {
      if (/^<\/?(?:i|em)>$/i.test(part)) out += '*';
      else if (/^<\/?(?:b|strong)>$/i.test(part)) out += '**';
      // other tags (spans, divs, sup) carry nothing a hover can show
    } else out += escapeMarkdown(decode(part));
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** citeproc-js HTML as plain text. */
export function htmlToText(html: string): string {
  return decode(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
}

/**
 * A cluster's rendering as Pandoc prints it in its note (HTML in, HTML out). Pandoc renders every
 * citation as a note; one written inside a note is then put back into that note: in parentheses
 * when text comes before it, after the author when it is narrative.
 */
export function asPrintedInNote(cluster: CitationCluster, html: string): string {
  let out = html.trim();
  const narrative = cluster.inNote && cluster.items.length > 0 && cluster.items[0].mode === 'author-in-text';
  if (cluster.inNote && (narrative || !cluster.atNoteStart)) out = withoutFinalStop(out);
  if (cluster.inNote && !narrative && !cluster.atNoteStart) out = `(${out})`;
  if (cluster.atNoteStart) out = capitalised(out);
  return out;
}

function withoutFinalStop(html: string): string {
  return html.replace(/\.((?:<\/[^>]+>)*)$/, '$1');
}

/** The first letter outside a tag, in upper case ("see Davis" → "See Davis"). */
function capitalised(html: string): string {
  return html.replace(/^((?:<[^>]+>)*)(\p{Ll})/u, (whole, tags: string, letter: string) => tags + letter.toUpperCase());
}
