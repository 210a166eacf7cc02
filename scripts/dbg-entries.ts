import { readFileSync } from 'node:fs';
import { analyseEssay } from '../server/src/model/analyse';
const essay = analyseEssay(readFileSync(process.argv[2], 'utf8'));
for (const e of essay.bibliography.entries) console.log(e.key, '|', JSON.stringify(e.authors.map(p=>p.surname)), e.corporateAuthor, '|', e.title?.slice(0,50), '|', e.text.slice(0,80).replace(/\n/g,'⏎'));
