// What the Problems panel should count for a file: the command-line checker (dist/cli.js, the same model as
// the language server) run on it, so the UI test compares the workbench with an independent reading. The UI
// test passes the checker shipped in the installed .vsix when there is one, so both come from one build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './setup.mjs';

export function expectedProblemCount(file, cli = join(projectRoot, 'dist', 'cli.js')) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing; run npm run build`);
  const result = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8', timeout: 60_000 });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`the checker printed no JSON (exit ${result.status}): ${result.stderr || result.stdout}`.slice(0, 600));
  }
  const diagnostics = (Array.isArray(report) ? report : report.files ?? [report]).flatMap((entry) => entry.diagnostics ?? []);
  // The Problems panel does not list hints.
  const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== 'hint' && diagnostic.severity !== 4);
  const bySeverity = {};
  for (const diagnostic of shown) bySeverity[diagnostic.severity] = (bySeverity[diagnostic.severity] ?? 0) + 1;
  return { total: shown.length, summary: JSON.stringify(bySeverity) };
}
