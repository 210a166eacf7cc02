import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apparatusDiagnostics, diagnosticsWhen, withCode } from './support/diagnostics';
import { activeExtension, openSample, waitFor } from './support/workspace';

/** The HTML VS Code's own Markdown preview renders for a document, with the extension's plugin. */
async function previewHtml(document: vscode.TextDocument): Promise<string> {
  const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
  assert.equal(typeof html, 'string', 'markdown.api.render returns HTML');
  return html;
}

function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

suite('Markdown preview', () => {
  suiteSetup(async () => {
    await openSample('korea-1950.md');
    await activeExtension();
  });

  test('renders the footnotes of the sample as numbered notes with a notes section and back-links', async () => {
    const { document } = await openSample('korea-1950.md');
    const html = await previewHtml(document);
    const numbers = [...html.matchAll(/<sup class="apparatus-ref[^"]*"><a href="#apparatus-note-(\d+)"/g)].map((m) => Number(m[1]));
    const markers = (document.getText().match(/\[\^\d+\](?!:)/g) ?? []).length;
    assert.equal(numbers.length, markers, 'one superscript per marker');
    assert.deepEqual(numbers.slice(0, 5), [1, 2, 3, 4, 5]);
    assert.match(html, /<section class="apparatus-notes">/);
    assert.match(html, /<a href="#apparatus-ref-1" class="apparatus-backref"/);
    assert.doesNotMatch(html.replace(/title="[^"]*"/g, ''), /\[\^1\]/, 'no raw marker is left');
  });

  test("once the server has answered, a note number's title gives the note and its resolved source", async () => {
    const { document } = await openSample('korea-1950.md');
    const title = await waitFor(async () => {
      const html = await previewHtml(document);
      const match = /<a href="#apparatus-note-12" id="apparatus-ref-12" title="([^"]*)"/.exec(html);
      return match && match[1].includes('Source:') ? decode(match[1]) : undefined;
    }, 'the preview has the server\'s sources for note 12');
    assert.match(title, /^12\. Khrushchev/);
    assert.match(title, /Source: .*Talbott.*Khrushchev Remembers/);
  });

  test('marks a note the editor reports, with the same message as the Problems panel', async () => {
    const { document } = await openSample('defects.md');
    const diagnostics = await diagnosticsWhen(document.uri, (found) => withCode(found, 'unresolved-citation').length > 0, 'defects.md has an unresolved citation');
    const message = withCode(diagnostics, 'unresolved-citation')[0].message;
    const html = await waitFor(async () => {
      const rendered = decode(await previewHtml(document));
      return rendered.includes(message) ? rendered : undefined;
    }, 'the preview shows the unresolved citation\'s message');
    const marked = [...html.matchAll(/<sup class="apparatus-ref apparatus-problem"><a [^>]*title="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(marked.some((title) => title.includes(message)), `a marked note names "${message}"`);
    assert.ok(apparatusDiagnostics(document.uri).length > 0);
  });

});
