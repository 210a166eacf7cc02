/**
 * The model's diagnostics as LSP diagnostics: severity from the settings (a rule set to "off" is
 * dropped), `source: "apparatus"`, the rule as `code` with a link to its page when there is one,
 * related places in the same document, the `Unnecessary` tag, and the model's `data` passed on
 * for quick fixes.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Diagnostic as ModelDiagnostic, Essay, Severity } from '../model/types';
import { type ApparatusSettings, effectiveSeverity } from './config';

export const diagnosticSource = 'apparatus';

const lspSeverity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where a rule is documented (an absolute URI), or undefined when it has no page. */
export type RuleDocs = (code: string) => string | undefined;

/**
 * The rule pages found under `folder` (`missing-note.md`, `unsupported-claim/quotation.md` or
 * `unsupported-claim-quotation.md`), listed once. A rule without a page, or a folder that is not
 * there (the docs were not shipped), gives no link rather than a dead one.
 */
export function ruleDocsIn(folder: string, log: (message: string) => void = () => undefined): RuleDocs {
  const pages = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.md')) pages.set(`${prefix}${entry.name.slice(0, -3)}`, pathToFileURL(path.join(dir, entry.name)).href);
    }
  };
  try {
    if (existsSync(folder)) walk(folder, '');
  } catch (error) {
    log(`Rule pages under ${folder} could not be listed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (code) => pages.get(code) ?? pages.get(code.replace(/\//g, '-'));
}

export function toLspDiagnostic(
  diagnostic: ModelDiagnostic,
  uri: string,
  settings: ApparatusSettings,
  ruleDocs: RuleDocs = () => undefined,
): Diagnostic | null {
  const severity = effectiveSeverity(settings, diagnostic.code, diagnostic.severity);
  if (severity === 'off') return null;
  const result: Diagnostic = {
    range: diagnostic.range,
    severity: lspSeverity[severity],
    code: diagnostic.code,
    source: diagnosticSource,
    message: diagnostic.message,
  };
  const href = ruleDocs(diagnostic.code);
  if (href) result.codeDescription = { href };
  if (diagnostic.related.length > 0) {
    result.relatedInformation = diagnostic.related.map((related) => ({
      location: { uri: related.origin ?? uri, range: related.range },
      message: related.message,
    }));
  }
  if (diagnostic.tags.includes('unnecessary')) result.tags = [DiagnosticTag.Unnecessary];
  if (diagnostic.data !== undefined) result.data = diagnostic.data;
  return result;
}

/**
 * LSP diagnostics already made from a model diagnostic, for a document and settings: the model
 * hands back the same diagnostic objects for what an edit did not touch.
 */
const converted = new WeakMap<ModelDiagnostic, { uri: string; settings: ApparatusSettings; ruleDocs: RuleDocs | undefined; lsp: Diagnostic | null }>();

export function provideDiagnostics(
  essay: Essay,
  uri: string,
  settings: ApparatusSettings,
  ruleDocs?: RuleDocs,
): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const diagnostic of essay.diagnostics) {
    let last = converted.get(diagnostic);
    if (!last || last.uri !== uri || last.settings !== settings || last.ruleDocs !== ruleDocs) {
      last = { uri, settings, ruleDocs, lsp: toLspDiagnostic(diagnostic, uri, settings, ruleDocs) };
      converted.set(diagnostic, last);
    }
    if (last.lsp) result.push(last.lsp);
  }
  return result;
}

/** Counts by severity, for the workspace check's summary. Hints count as information. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === DiagnosticSeverity.Error) errors++;
    else if (diagnostic.severity === DiagnosticSeverity.Warning) warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
