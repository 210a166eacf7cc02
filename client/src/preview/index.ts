/**
 * The Markdown preview's side of the extension: `extendMarkdownIt`, which VS Code's built-in preview
 * calls with its markdown-it instance (`"markdown.markdownItPlugins": true` in package.json), adds
 * the notes plugin, fed with the language server's answers as `PreviewResolutions` keeps them.
 */
import * as vscode from 'vscode';
import type { MarkdownIt } from './markdownIt';
import { notesPlugin } from './notesPlugin';
import { type FetchPreviewNotes, PreviewResolutions } from './resolutions';

export interface PreviewApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function markdownPreview(context: vscode.ExtensionContext, fetch: FetchPreviewNotes): PreviewApi {
  const resolutions = new PreviewResolutions(fetch);
  context.subscriptions.push(resolutions);
  return {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      try {
        notesPlugin(md, { resolutionFor: (env) => resolutions.lookup(env) });
      } catch (error) {
        // A markdown-it VS Code has changed under us: the preview still renders, without notes.
        console.error(`Apparatus: the preview's notes plugin could not be added: ${String(error)}`);
      }
      return md;
    },
  };
}
