import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', 'cdk.out', '.git', '.aws-sam', 'out', 'dist', '.tools']);
export const CHECKED_EXTENSIONS = /\.(ya?ml|json|template|ts|mts|js|mjs)$/i;
const NEVER = /\.d\.ts$|package(-lock)?\.json$|tsconfig.*\.json$/i;

export interface Target {
  /** The path as the user gave it (or as found under a folder they gave). */
  readonly file: string;
  /** Named directly on the command line (not found by walking a folder). */
  readonly explicit: boolean;
}

/** Expand folders into the files to check; throws with a clear message for missing paths. */
export function collectTargets(args: readonly string[]): Target[] {
  const out: Target[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      throw new Error(`cannot read '${arg}': no such file or folder`);
    }
    if (stat.isDirectory()) walk(arg, out);
    else out.push({ file: arg, explicit: true });
  }
  return out;
}

function walk(dir: string, out: Target[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full, out);
    } else if (e.isFile() && CHECKED_EXTENSIONS.test(e.name) && !NEVER.test(e.name)) {
      out.push({ file: full, explicit: false });
    }
  }
}
