/**
 * United States congressional documents. Notes cite them by Congress, session and number
 * ("*Clerks in the State Department*, 41st Cong. 2nd Sess., HED 9 (Ser. 1416), pp. 1–2";
 * "*Congressional Globe*, 41st Cong. 2nd Sess., …"), while a bibliography lists the series they
 * were printed in once ("U.S. Congressional Serial Set", "Congressional Globe", "congressional
 * documents and debates…"), not every document.
 */
import type { BibliographyEntry } from '../types';

/** "41st Cong., 2nd Sess.", "98th Congress, 1st session"; "14 Stat. L. 305", "14 Stat. 305". */
const congressional = /\b\d{1,3}(?:st|nd|rd|th|d)\s+Cong(?:\.|ress\b)/;
const statute = /\b\d{1,3}\s+Stat\.\s*(?:L\.\s*)?\d/;

export function citesCongressionalDocument(text: string): boolean {
  return congressional.test(text) || statute.test(text);
}

export function citesStatute(text: string): boolean {
  return statute.test(text);
}

/** An entry for the printed series of congressional documents, not a work about Congress by someone. */
export function listsCongressionalDocuments(entry: BibliographyEntry): boolean {
  if (entry.authors.length > 0 || entry.editors.length > 0) return false;
  return /\b(?:Serial Set|congressional documents|Congressional Globe|Congressional Record|Statutes at Large|American State Papers)\b/i.test(entry.text);
}
