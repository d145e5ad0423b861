import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { DIST, REPO_ROOT } from './paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI the way a user (or CI) does, from the repository root. */
export function runCli(args: readonly string[], cwd = REPO_ROOT): CliRun {
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
