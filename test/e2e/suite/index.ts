import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

/**
 * The extensionTestsPath entry point: VS Code loads this module in the
 * extension host and calls run(); the promise resolving means the suite passed.
 * @vscode/test-electron (runTests({ extensionDevelopmentPath, extensionTestsPath }))
 * and scripts/e2e/run.mjs (code-server) both use this contract.
 *
 * Mocha runs every *.e2e.js file beside this one. When KUBESIM_E2E_RESULTS names
 * a file, a JSON summary goes there too, so a harness that cannot read the
 * extension host's console still learns which tests failed and why.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 240_000, reporter: 'spec' });
  const grep = process.env.KUBESIM_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.e2e.js')).sort()) mocha.addFile(path.join(__dirname, f));

  const results: { title: string; state: 'passed' | 'failed'; error?: string }[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? String(err) }));
  });
  const out = process.env.KUBESIM_E2E_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify({ failures, results }, null, 2));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
