/** Page locators: "p.72", "pp.333-34", "p. 114-5", "pp. 369-71", Chicago's bare ", 52–53." */
import type { Locator } from '../types';
import { expandRangeEnd } from '../bibliography/entry';

export interface FoundLocator extends Locator {
  start: number;
  end: number;
}

const marked = /(?<![\p{L}])(pp?\.|pages?|fols?\.|ff?\.|paras?\.|cols?\.|chap\.|ch\.|chapter|§)\s*(\d{1,5}|[ivxlcdm]{1,8})(?:\s*[-–—]\s*(\d{1,5}|[ivxlcdm]{1,8}))?(?:ff\.?|f\.|n\d*)?(?![\p{L}\d])/giu;
/** "no. 367" in a published collection of documents: only when nothing else locates the citation. */
const documentNumber = /\bnos?\.\s*(\d{1,5})(?:\s*[-–—]\s*(\d{1,5}))?\s*[.;]?\s*$/;
const bare = /(?:,["”’']?|\):)\s*(\d{1,5}|[ivxlc]{1,7})(?:\s*[-–—]\s*(\d{1,5}|[ivxlc]{1,7}))?(?:n\d*|ff?\.?)?\)?\s*[.;]?\s*$/;
/** "(Oxford: Clarendon Press, 1997), 45, which…": the page right after the publication details. */
const afterPublication = /\((?:[^()]*\b(?:1[5-9]\d\d|20\d\d)\b[^()]*)\)[,:]\s*(\d{1,5}|[ivxlc]{1,7})(?:\s*[-–—]\s*(\d{1,5}|[ivxlc]{1,7}))?(?=[\s.,;)]|$)/;

function toLocator(text: string, from: string, to: string | undefined, start: number): FoundLocator {
  const numeric = /^\d+$/.test(from) && (!to || /^\d+$/.test(to));
  return {
    text,
    from,
    to: to ? (numeric ? String(expandRangeEnd(from, to)) : to) : null,
    start,
    end: start + text.length,
  };
}

/** Author-date: "Gaddis 2011, 385" — the page after the year. */
const afterYear = /\b(?:1[5-9]\d\d|20\d\d)[a-z]?,\s*(\d{1,5})(?:\s*[-–—]\s*(\d{1,5}))?(?=[\s.,;)]|$)/;

/** The first marked locator in the text; else a bare page number or range at its end. */
export function findLocator(text: string): FoundLocator | null {
  marked.lastIndex = 0;
  const match = marked.exec(text);
  if (match) return toLocator(match[0], match[2], match[3], match.index);
  const dated = afterYear.exec(text);
  if (dated && !/\(\s*$/.test(text.slice(0, dated.index)) && !/\d{1,2}\s+\p{L}+\s+$/u.test(text.slice(0, dated.index))) {
    const start = dated.index + dated[0].lastIndexOf(dated[1], dated[0].length - (dated[2]?.length ?? 0) - 1);
    const written = dated[0].slice(dated[0].lastIndexOf(dated[1], dated[0].length - (dated[2]?.length ?? 0) - 1));
    return toLocator(written, dated[1], dated[2], start);
  }
  const volumePage = /\b(\d{1,3}):(\d{1,5})(?:\s*[-–—]\s*(\d{1,5}))?\s*[.;]?\s*$/.exec(text);
  if (volumePage && !/\)\s*$/.test(text.slice(0, volumePage.index))) {
    // "16:1043": volume 16, page 1043.
    const written = volumePage[0].replace(/\s*[.;]?\s*$/, '');
    return { ...toLocator(written, volumePage[2], volumePage[3], volumePage.index), end: volumePage.index + written.length };
  }
  const passim = /,\s*(passim)\.?\s*$/.exec(text);
  if (passim) return { text: 'passim', from: null, to: null, start: passim.index + passim[0].indexOf('passim'), end: passim.index + passim[0].indexOf('passim') + 6 };
  const tail = afterPublication.exec(text) ?? bare.exec(text);
  if (tail) {
    const page = Number(tail[1]);
    // ", 1997." ends a full reference with its year, not a page.
    if (!tail[2] && page >= 1500 && page <= 2099) return null;
    const start = tail.index + tail[0].lastIndexOf(tail[1], tail[0].length - (tail[2]?.length ?? 0) - 1);
    const rangeEnd = tail[2] ? text.indexOf(tail[2], start + tail[1].length) + tail[2].length : start + tail[1].length;
    const suffix = /^(?:n\d*|ff?\.?)/.exec(text.slice(rangeEnd))?.[0] ?? '';
    return toLocator(text.slice(start, rangeEnd + suffix.length), tail[1], tail[2], start);
  }
  const numbered = documentNumber.exec(text);
  if (numbered) {
    const written = numbered[0].replace(/\s*[.;]?\s*$/, '');
    return { ...toLocator(written, numbered[1], numbered[2], numbered.index), end: numbered.index + written.length };
  }
  return null;
}

/** Is the locator outside the page range of an article? Non-numeric locators never are. */
export function outsidePages(locator: Locator, pages: { from: number; to: number }): boolean {
  const from = Number(locator.from);
  const to = locator.to === null ? from : Number(locator.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || locator.from === null) return false;
  return from < pages.from || to > pages.to;
}
