import { analyseEssay } from './server/src/model/analyse';
const text = `Body.[^1] Two.[^2] Three.[^3]\n\n[^1]: See Sherlock, "Changing Perceptions,"241.\n[^2]: Paravicini, "Europäische Hofordnungen," 14.\n[^3]: See: Bastian, Heymann, and Jacomy, "Gephi." See also: <https://gephi.org/>.\n\n## Bibliography\n\nSherlock, Peter. "Changing Perceptions of Space." *Journal* 3 (2010): 230–50.\n\nParavicini, Werner. "Europäische Hofordnungen als Gattung und Quelle."In In *Höfe und Hofordnungen*, edited by Holger Kruse, 13–20. Sigmaringen: Thorbecke, 1999.\n\nBastian, Mathieu, Sebastien Heymann, and Mathieu Jacomy. "Gephi: An Open Source Software." In *Proceedings*, 361–62. 2009.\n`;
const essay = analyseEssay(text, {});
for (const n of essay.notes) for (const c of n.citations) console.log(n.label, c.kind, c.entries, c.locator?.text, c.unresolved);
for (const e of essay.bibliography.entries) console.log(e.key, JSON.stringify((e as any).title ?? (e as any).parsed?.title));
