#!/usr/bin/env node
// The peer the benchmark compares Apparatus with: the unified language server running remark with
// GFM (footnotes) and the three remark-lint rules that do footnote diagnostics: markers without a
// note, notes without a marker, and notes defined twice. This is how a writer gets such diagnostics
// today without Apparatus. Run: node bench/peer/server.mjs --stdio
import remarkGfm from 'remark-gfm';
import remarkLint from 'remark-lint';
import remarkLintNoDuplicateDefinitions from 'remark-lint-no-duplicate-definitions';
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references';
import remarkLintNoUnusedDefinitions from 'remark-lint-no-unused-definitions';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createUnifiedLanguageServer } from 'unified-language-server';

process.title = 'remark-peer-language-server';

createUnifiedLanguageServer({
  configurationSection: 'remark',
  ignoreName: '.remarkignore',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  rcName: '.remarkrc',
  // No `remark` package is installed, so the engine falls back to this processor.
  processorName: 'remark',
  processorSpecifier: 'remark',
  defaultProcessor: unified().use(remarkParse),
  plugins: [
    remarkGfm,
    remarkLint,
    remarkLintNoUndefinedReferences,
    remarkLintNoUnusedDefinitions,
    remarkLintNoDuplicateDefinitions,
  ],
});
