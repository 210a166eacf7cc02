// The preview step of `npm run test:ui`: opens VS Code's Markdown preview beside the sample, as a person
// would (the command palette's "Markdown: Open Preview to the Side"), and checks what the packaged
// extension's notes plugin put in it: one superscript per marker, numbered in reading order, the notes
// section, the server's source in a number's tooltip and a marked problem. Saves docs/images/preview.png (the text) and preview-notes.png (the notes section).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';

/** The webview frame that holds the rendered preview (nested iframes), once it shows the notes. */
async function previewFrame(page, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => document.querySelector('.apparatus-notes') !== null).catch(() => false);
      if (found) return frame;
    }
    await page.waitForTimeout(250);
  }
  assert.fail('the Markdown preview shows a notes section');
}

/** What the preview shows of the notes: numbers in order, notes listed, and the title of `label`'s number. */
function readPreview(frame, label) {
  return frame.evaluate((label) => {
    const numbers = [...document.querySelectorAll('sup.apparatus-ref > a')].map((a) => Number(a.textContent));
    const notes = document.querySelectorAll('.apparatus-notes-list > li[id^="apparatus-note-"]').length;
    const title = document.querySelector(`a#apparatus-ref-${label}`)?.getAttribute('title') ?? '';
    const problems = [...document.querySelectorAll('sup.apparatus-ref.apparatus-problem > a')].map((a) => a.getAttribute('title') ?? '');
    return { numbers, notes, title, problems };
  }, label);
}

/** Whether the element `selector` is within the preview's visible area. */
function inView(frame, selector) {
  return frame.evaluate((selector) => {
    const box = document.querySelector(selector)?.getBoundingClientRect();
    return box !== undefined && box.top >= -2 && box.bottom <= window.innerHeight + 2; // scrolled into view lands at sub-pixel offsets
  }, selector);
}

async function waitInView(page, frame, selector, what) {
  for (let attempt = 0; attempt < 25; attempt++) {
    if (await inView(frame, selector)) return;
    await page.waitForTimeout(200);
  }
  const where = await frame.evaluate((selector) => ({ scrollY: window.scrollY, height: window.innerHeight, top: document.querySelector(selector)?.getBoundingClientRect().top, href: location.href.slice(0, 80) }), selector);
  assert.fail(`${what} (${JSON.stringify(where)})`);
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

export async function previewStep(page, { text, imagesDir }) {
  // Room for the preview: no panel (an earlier step opened Problems); the editor focused at the top of
  // the essay, so the preview (which follows the editor) opens on the first paragraphs and their notes.
  if (await page.locator('.part.panel').isVisible().catch(() => false)) await runCommand(page, 'View: Hide Panel');
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Markdown: Open Preview to the Side');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Preview to the Side' }).first().click();
  let frame = await previewFrame(page);
  // The preview renders again when the language server's sources arrive, and that may replace its
  // frame ("Frame was detached"): each use finds the live one.
  const live = async () => (frame.isDetached() ? (frame = await previewFrame(page)) : frame);

  const markers = (text.match(/\[\^\d+\](?!:)/g) ?? []).length;
  const labels = new Set(text.match(/\[\^\d+\](?!:)/g) ?? []).size;
  // The numbers come from the text at once; the sources come from the language server, then the preview refreshes.
  let shown;
  for (let attempt = 0; attempt < 100; attempt++) {
    shown = await readPreview(await live(), '12').catch(() => undefined);
    if (shown?.title.includes('Source:')) break;
    await page.waitForTimeout(200);
  }
  assert.ok(shown, 'the preview could be read');
  assert.equal(shown.numbers.length, markers, `one superscript per marker (${markers})`);
  shown.numbers.reduce((highest, number) => {
    assert.ok(number <= highest + 1, `note ${number} comes after note ${highest}`);
    return Math.max(highest, number);
  }, 0);
  assert.equal(shown.notes, labels, 'the notes section lists every note once');
  assert.match(shown.title, /^12\. Khrushchev/, "note 12's number carries the note");
  assert.match(shown.title, /Source: .*Khrushchev Remembers/, "and the source the server resolved it to");
  assert.ok(shown.problems.some((title) => /Note 4: .*1995/.test(title)), 'note 4 (no Stueck 1995 in the bibliography) is marked with its problem');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(imagesDir, 'preview.png') });

  // A note number leads to its note, and the note's back-link back to the number.
  await (await live()).click('a#apparatus-ref-2');
  await waitInView(page, await live(), '#apparatus-note-2', 'clicking note number 2 shows note 2 in the notes section');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(imagesDir, 'preview-notes.png') });
  await (await live()).click('#apparatus-note-2 a.apparatus-backref');
  await waitInView(page, await live(), 'a#apparatus-ref-2', "clicking note 2's back-link shows its number in the text again");
  return `${shown.numbers.length} note numbers, ${shown.notes} notes listed, ${shown.problems.length} marked`;
}
