import { loadLabelledEssays } from '../test/fixtures/claims/load';
const re = new RegExp(process.argv[2], process.argv[3] ?? 'u');
const which = process.argv[4] ?? 'real';
let t = 0, f = 0;
for (const e of loadLabelledEssays()) {
  if (e.split !== 'dev') continue;
  if ((which === 'real') !== e.name.startsWith('real-')) continue;
  for (const s of e.paragraphs.flatMap(p => p.sentences)) {
    if (s.hasMarker) continue;
    if (!re.test(s.text)) continue;
    const truth = s.needsCitation;
    truth ? t++ : f++;
    console.log(truth ? 'T' : '-', s.text.slice(0, 170));
  }
}
console.log(`true ${t} false ${f}`);
