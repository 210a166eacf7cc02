// `npm run test:ui`: a user's session with the packaged extension. Installs the .vsix from `npm run package`
// into code-server, opens samples/korea-1950.md (a temporary copy) in headless Chromium, then, as a person
// would: hovers marker 12 with the mouse and reads the hover; presses F12 on marker 23 and reads the cursor's
// line from the status bar; clicks the status bar's notes · sources · problems item and reads the Sources view;
// opens the Problems panel and counts its entries; opens the Markdown preview and reads its notes
// (ui-preview.mjs). Each step saves a screenshot to docs/images/ (hover.png, definition.png,
// sources-view.png, problems.png, preview.png).
//
//   node scripts/vscode/run-ui-tests.mjs [--vsix FILE] [--no-package]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { strict as assert } from 'node:assert';
import { ensureTools, projectRoot } from './setup.mjs';
import { installExtension, makeSandbox, startCodeServer } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';
import { findVsix, packageExtension } from './vsix.mjs';
import { runMain, seconds } from './processes.mjs';
import { expectedProblemCount } from './expected.mjs';
import { previewStep } from './ui-preview.mjs';

const HARD_LIMIT_MS = Number(process.env.APPARATUS_VSCODE_TIMEOUT_MS ?? 5 * 60_000);
const SAMPLE = 'korea-1950.md';
const imagesDir = join(projectRoot, 'docs', 'images');

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    'no-package': { type: 'boolean', default: false },
  },
});

function say(message) {
  process.stdout.write(`[test:ui] ${message}\n`);
}

/** 1-based line and column of the first in-text marker [^label] (not its definition) in `text`. */
function markerLineColumn(text, label) {
  const needle = `[^${label}]`;
  let index = text.indexOf(needle);
  while (index >= 0 && text[index + needle.length] === ':') index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} occurs in ${SAMPLE}`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** 1-based line of the first line starting with `prefix`. */
function lineStartingWith(text, prefix) {
  const index = text.split('\n').findIndex((line) => line.startsWith(prefix));
  assert.ok(index >= 0, `a line of ${SAMPLE} starts with ${JSON.stringify(prefix)}`);
  return index + 1;
}

/**
 * Moves the cursor with Go to Line (Ctrl+G), as a person would, and waits until the status bar shows it there.
 * The quick input computes its pick from the typed value asynchronously, so an Enter pressed right after
 * the value is filled in can close it without moving; then the move is made again (at most three times).
 */
async function goToLineColumn(page, line, column) {
  let at;
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: new RegExp(`Go to line ${line}\\b`) }).first()
      .waitFor({ timeout: 2_000 }).catch(() => {});
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    for (let poll = 0; poll < 10; poll++) {
      at = await statusBarCursor(page);
      if (at.line === line) return at;
      await page.waitForTimeout(100);
    }
  }
  assert.fail(`Go to Line moves the cursor to line ${line} (the status bar shows line ${at?.line})`);
}

/** The cursor's 1-based line and column as the status bar shows them ("Ln 74, Col 1"). */
async function statusBarCursor(page) {
  const text = await page.locator('[id="status.editor.selection"]').innerText();
  const match = /Ln (\d+), Col (\d+)/.exec(text);
  assert.ok(match, `status bar shows the cursor position (got ${JSON.stringify(text)})`);
  return { line: Number(match[1]), column: Number(match[2]) };
}

/** Screen coordinates of the middle of `needle`'s first rendered occurrence in the editor. */
async function pointAtRenderedText(page, needle) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
      const at = text.indexOf(needle);
      if (at < 0) continue;
      // Walk the line's text nodes to the character offset, then measure a DOM range over the needle.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let offset = 0;
      const range = document.createRange();
      let started = false;
      const middle = at + Math.floor(needle.length / 2);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (!started && middle < offset + length) {
          range.setStart(node, middle - offset);
          range.setEnd(node, middle - offset + 1);
          started = true;
          break;
        }
        offset += length;
      }
      if (!started) continue;
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return undefined;
  }, needle);
}

/**
 * Where `needle` is drawn on screen, once the editor shows it: a freshly opened editor can restore its
 * scroll position after a jump, so when the text is not drawn the cursor is moved (which reveals it).
 */
async function revealRenderedText(page, needle) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const point = await pointAtRenderedText(page, needle);
    if (point) return point;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(250);
  }
  assert.fail(`${needle} is drawn in the editor`);
}

async function main() {
  const started = Date.now();
  const tools = ensureTools();
  say(`VS Code ${tools.vscode.version} (code-server), Chromium ${tools.chromiumPath}`);
  const vsix = options.vsix ?? (options['no-package'] ? findVsix() : packageExtension());
  assert.ok(vsix, 'a .vsix exists (npm run package)');
  say(`package: ${vsix} (${seconds(started)})`);

  const sandbox = makeSandbox('apparatus-ui-tests');
  say(installExtension(sandbox, vsix).split('\n').pop());
  const installedDir = readdirSync(sandbox.extensions).find((name) => name.startsWith('apparatus.apparatus-'));
  assert.ok(installedDir, `the extension is installed in ${sandbox.extensions}`);
  // The checker from the same build when the package ships it; else the project's (built by npm run package).
  const shippedCli = join(sandbox.extensions, installedDir, 'dist', 'cli.js');
  const installedCli = existsSync(shippedCli) ? shippedCli : join(projectRoot, 'dist', 'cli.js');
  const workspace = join(sandbox.root, 'workspace');
  cpSync(join(projectRoot, 'samples'), workspace, { recursive: true });
  const samplePath = join(workspace, SAMPLE);
  const text = readFileSync(samplePath, 'utf8');

  const server = await startCodeServer(sandbox);
  const { context } = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const authority = new URL(server.origin).host;
  const payload = [['openFile', `vscode-remote://${authority}${samplePath}`]];
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator(`.tab[aria-label*="${SAMPLE}"]`).first().waitFor({ timeout: 30_000 });
  // Ready once the language server has published its first diagnostics (the status bar counts them).
  await page.waitForFunction(() => {
    const text = document.getElementById('status.problems')?.textContent ?? '';
    return (text.match(/\d+/g) ?? []).some((count) => Number(count) > 0);
  }, undefined, { timeout: 60_000 });
  say(`workbench open with ${SAMPLE}, diagnostics published, after ${seconds(started)}`);
  mkdirSync(imagesDir, { recursive: true });

  const results = [];
  const step = async (name, body) => {
    const stepStarted = Date.now();
    try {
      await body();
      results.push({ name, ok: true });
      say(`✔ ${name} (${seconds(stepStarted)})`);
    } catch (error) {
      results.push({ name, ok: false });
      say(`✘ ${name}: ${error instanceof Error ? error.message : String(error)}`);
      await page.screenshot({ path: join(sandbox.logs, `failed-${results.length}.png`) }).catch(() => {});
    }
  };

  await step('hovering marker 12 with the mouse shows the source, Khrushchev Remembers', async () => {
    const marker = markerLineColumn(text, '12');
    await goToLineColumn(page, marker.line, marker.column);
    // The language server answers once it has analysed the file; retry the hover until it has content.
    // The editor may still be settling (restoring its scroll position), so the marker is found on screen
    // again before each attempt; the mouse leaves and comes back so that every attempt is a fresh hover.
    const hover = page.locator('.monaco-hover-content', { hasText: 'Khrushchev Remembers' }).first();
    for (let attempt = 0; attempt < 15; attempt++) {
      const point = await revealRenderedText(page, '[^12]');
      await page.mouse.move(point.x, point.y + 80);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      if (await hover.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false)) break;
    }
    const content = await page.locator('.monaco-hover-content').allInnerTexts();
    assert.ok(content.some((entry) => entry.includes('Khrushchev Remembers')),
      `the hover names Khrushchev Remembers (hover text: ${JSON.stringify(content.join(' | ').slice(0, 300))})`);
    await page.waitForTimeout(500); // let the hover finish fading in before the picture
    await page.screenshot({ path: join(imagesDir, 'hover.png') });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  await step('F12 on marker 23 (Ibid.) moves the cursor to the Mansourov entry in the bibliography', async () => {
    const marker = markerLineColumn(text, '23');
    const entryLine = lineStartingWith(text, 'Mansourov A.Y.');
    const before = await goToLineColumn(page, marker.line, marker.column + 2);
    await page.keyboard.press('F12');
    let after = before;
    for (let attempt = 0; attempt < 50 && after.line !== entryLine; attempt++) {
      await page.waitForTimeout(200);
      after = await statusBarCursor(page);
    }
    assert.equal(after.line, entryLine, `the cursor is on line ${entryLine}, the Mansourov entry`);
    await page.screenshot({ path: join(imagesDir, 'definition.png') });
  });

  await step('the status bar counts notes, sources and problems; clicking it shows the Sources view', async () => {
    const status = page.locator('.statusbar-item', { hasText: /\d+ notes · \d+ sources · \d+ problems?/ }).first();
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    const reads = (await status.innerText()).replace(/\s+/g, ' ').trim();
    assert.match(reads, /40 notes · 19 sources · \d+ problems?/, `the status bar item reads ${JSON.stringify(reads)}`);
    await status.click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Sources/i }) }).first();
    const tree = view.locator('.monaco-list-row');
    await tree.filter({ hasText: 'Primary sources' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // The folder's file tree and the outline share the Explorer: fold them so the Sources view has the height.
    const others = page.locator('.pane-header[aria-expanded="true"]').filter({ hasNotText: /^\s*Sources/i });
    for (let count = await others.count(); count > 0; count--) await others.first().click();
    // Widen the side bar (drag its edge) so that labels and counts are not cut short in the picture.
    const edge = await page.locator('.part.sidebar').boundingBox();
    if (edge) {
      await page.mouse.move(edge.x + edge.width + 1, edge.y + edge.height / 2);
      await page.mouse.down();
      await page.mouse.move(edge.x + edge.width + 160, edge.y + edge.height / 2, { steps: 8 });
      await page.mouse.up();
    }
    await tree.filter({ hasText: 'Secondary sources' }).first().waitFor({ state: 'visible' });
    const mansourov = tree.filter({ hasText: 'Mansourov 1995' }).first();
    assert.match(await mansourov.innerText(), /cited in 7 notes/);
    await mansourov.click();
    // Clicking a source opens its entry; its notes are its children (expanded by the click, or with →).
    const lastNote = tree.filter({ hasText: '[^27]' }).first();
    if (!(await lastNote.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false))) {
      await mansourov.focus();
      await page.keyboard.press('ArrowRight');
      await lastNote.waitFor({ state: 'visible', timeout: 10_000 });
    }
    const entryLine = lineStartingWith(text, 'Mansourov A.Y.');
    let at = await statusBarCursor(page);
    for (let attempt = 0; attempt < 25 && at.line !== entryLine; attempt++) {
      await page.waitForTimeout(200);
      at = await statusBarCursor(page);
    }
    assert.equal(at.line, entryLine, `clicking Mansourov 1995 moves the cursor to its entry, line ${entryLine}`);
    assert.ok(await tree.filter({ hasText: 'never cited' }).count() >= 1, 'a source never cited is flagged');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(imagesDir, 'sources-view.png') });
    await page.keyboard.press('Escape');
  });

  await step('the Problems panel lists the diagnostics of the sample', async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible' });
    const expected = expectedProblemCount(samplePath, installedCli);
    // The panel's tab badge counts every entry, also those scrolled out of the (virtualised) list.
    const badge = page.locator('.panel .composite-bar .action-item.checked .badge-content');
    let shown = 0;
    for (let attempt = 0; attempt < 50; attempt++) {
      shown = Number((await badge.first().innerText().catch(() => '0')).replace(/\D/g, '') || 0);
      if (shown === expected.total) break;
      await page.waitForTimeout(200);
    }
    const rows = await panel.locator('.monaco-list-row').count();
    say(`Problems panel: badge ${shown}, ${rows} rows rendered; the command-line checker reports ${expected.total} (${expected.summary})`);
    assert.equal(shown, expected.total, 'the Problems panel counts as many entries as the checker finds');
    assert.ok(rows > 1, 'the panel lists the file and its entries');
    await page.screenshot({ path: join(imagesDir, 'problems.png') });
  });

  await step('the Markdown preview shows the notes, numbered, with their sources and problems', async () => {
    say(`preview: ${await previewStep(page, { text, imagesDir })}`);
  });

  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  say(`finished in ${seconds(started)} against VS Code ${tools.vscode.version}`);
  process.stdout.write(`ui tests: ${passed} passed, ${failed} failed\n`);
  if (failed) say(`screenshots of the failures: ${sandbox.logs} (kept with APPARATUS_KEEP_SANDBOX=1)`);
  return failed === 0 ? 0 : 1;
}

runMain('test:ui', HARD_LIMIT_MS, main);
