// Entry point VS Code calls (extensionTestsPath) once the extension under development is loaded: runs every
// *.test.js beside this file with mocha and settles with the result, which the workbench reports as the
// run's exit code. Under the code-server runner the extension host's stdout is not visible, so the reporter's
// lines and a summary are also written to the files named by APPARATUS_TEST_LOG / APPARATUS_TEST_RESULTS.
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  failed: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const logPath = process.env.APPARATUS_TEST_LOG;
  const resultsPath = process.env.APPARATUS_TEST_RESULTS;
  if (logPath) {
    writeFileSync(logPath, '');
    const consoleLog = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      appendFileSync(logPath, format(...args) + '\n');
      consoleLog(...args);
    };
  }
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec', forbidOnly: true });
  if (process.env.APPARATUS_TEST_GREP) mocha.grep(process.env.APPARATUS_TEST_GREP);
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    const failed: SuiteResults['failed'] = [];
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const results: SuiteResults = {
        passes: stats?.passes ?? 0,
        failures,
        pending: stats?.pending ?? 0,
        failed,
      };
      if (resultsPath) writeFileSync(resultsPath, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else if (results.passes === 0) reject(new Error('no extension test ran'));
      else resolve();
    });
    runner.on('fail', (test, error: Error) => failed.push({ title: test.fullTitle(), error: String(error?.message ?? error) }));
  });
}
