// Mocha entry for the in-VS Code suite: VS Code's extension host calls `run()` (the @vscode/test-electron
// contract, also used by tools/vscode-test/run-vscode-tests.js over code-server). Rejects when a test fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, reporter: 'spec' });
  // `--grep TEXT` of the harness arrives as MOCHA_GREP in the extension host's environment.
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      const pending = runner.stats?.pending ?? 0;
      if (pending > 0) console.log(`${pending} skipped`);
      console.log(`${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else if (passed === 0) reject(new Error('no test ran'));
      else resolve();
    });
  });
}
