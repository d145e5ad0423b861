import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { yamlTemplate } from './generate';
import { fmt, median } from './measure';

/** `s3mrap check` on 1,000 small templates, as a CI job runs it (target < 5 s). */
export function benchCliMany(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3mrap-bench-'));
  try {
    const text = yamlTemplate(6);
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(dir, `t${i}.yaml`), text);
    const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = Date.now();
      const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.status === 2) throw new Error(r.stderr);
      times.push(Date.now() - t);
    }
    console.log(`\ns3mrap check on 1,000 small templates: ${fmt(median(times))} (median of 3; target < 5 s)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
