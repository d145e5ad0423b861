/**
 * Language-server benchmark (npm run bench:lsp): speaks LSP over stdio to dist/server.js, like an editor.
 * For templates of 100, 1,000 and 5,000 resources it measures didOpen -> first diagnostics,
 * edit -> diagnostics of the edited version, completion and hover latency, and the server's peak RSS.
 * Each size runs RUNS times in a fresh server; the reported number is the median over the runs.
 * Besides wall-clock times it reports the CPU time of the server's main thread (from the kernel's
 * schedstat): on a shared, loaded machine a wall time also counts the waits for a free core.
 */
import * as fs from 'node:fs';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../lspClient';
import { yamlTemplate } from './generate';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EDITS = 20;
const REQUESTS = 50;

interface RunResult {
  initialize: number;
  open: number;
  editP50: number;
  editP95: number;
  completionP50: number;
  completionP95: number;
  hoverP50: number;
  hoverP95: number;
  brokenP50: number;
  rssMb: number;
  openCpu: number;
  editCpu: number;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

const median = (values: number[]): number => percentile(values, 50);

/** CPU time (ms) the server's main thread has run so far; NaN where /proc has no schedstat. */
function mainThreadCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

async function runOnce(size: number, run: number): Promise<RunResult> {
  const client = new LspTestClient();
  try {
    const started = now();
    await client.initialize();
    const initialize = now() - started;
    const text = yamlTemplate(size);
    const lines = text.split('\n');
    const uri = `file:///bench/run${run}/template-${size}.yaml`;

    let cpu = mainThreadCpuMs(client.pid);
    let t = now();
    await client.openAndWait(uri, text);
    const open = now() - t;
    const openCpu = mainThreadCpuMs(client.pid) - cpu;
    cpu = mainThreadCpuMs(client.pid);

    // Edits in the middle of the document: toggle a StorageClass value, one at a time, each awaited.
    const editLines = lines.map((l, i) => (l.includes('StorageClass: ') ? i : -1)).filter((i) => i >= 0);
    const edits: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const line = editLines[Math.floor(((i + 0.5) / EDITS) * editLines.length)] ?? 0;
      const col = (lines[line] ?? '').indexOf('StorageClass: ') + 'StorageClass: '.length;
      const next = i % 2 === 0 ? 'STANDARD_IA' : 'STANDARD';
      const current = (lines[line] ?? '').slice(col);
      lines[line] = (lines[line] ?? '').slice(0, col) + next;
      t = now();
      const version = await client.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col + current.length } }, text: next }]);
      await client.diagnosticsFor(uri, version);
      edits.push(now() - t);
    }
    const editCpu = (mainThreadCpuMs(client.pid) - cpu) / EDITS;

    // Completion at value positions (StorageClass enum) and key positions (inside Destination).
    const completion: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const line = editLines[Math.floor(((i + 0.5) / REQUESTS) * editLines.length)] ?? 0;
      const character = i % 2 === 0 ? (lines[line] ?? '').length : 14;
      t = now();
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
      completion.push(now() - t);
    }
    const hoverLines = lines.map((l, i) => (l.includes('Regions:') ? i : -1)).filter((i) => i >= 0);
    const hover: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const line = hoverLines[Math.floor(((i + 0.5) / REQUESTS) * hoverLines.length)] ?? 0;
      t = now();
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 8 } });
      hover.push(now() - t);
    }
    // Typing a half-written key (a syntax error) in the middle of the document, one character per edit.
    const brokenLine = editLines[Math.floor(editLines.length / 2)] ?? 0;
    const broken: number[] = [];
    for (let i = 0; i < EDITS / 2; i++) {
      const insert = i === 0 ? '\n              Sto' : 'r';
      const at = i === 0 ? { line: brokenLine, character: (lines[brokenLine] ?? '').length } : { line: brokenLine + 1, character: 16 + i };
      t = now();
      const version = await client.change(uri, [{ range: { start: at, end: at }, text: insert }]);
      await client.diagnosticsFor(uri, version);
      broken.push(now() - t);
    }
    return {
      initialize,
      open,
      brokenP50: percentile(broken.slice(1), 50),
      editP50: percentile(edits, 50),
      editP95: percentile(edits, 95),
      completionP50: percentile(completion, 50),
      completionP95: percentile(completion, 95),
      hoverP50: percentile(hover, 50),
      hoverP95: percentile(hover, 95),
      rssMb: peakRssMb(client.pid),
      openCpu,
      editCpu,
    };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const header = '| resources | initialize ms | open->diag ms (server CPU) | edit->diag p50/p95 ms (server CPU, mean) | completion p50/p95 ms | hover p50/p95 ms | edit->diag in broken YAML p50 ms | peak RSS MB |';
  for (const size of SIZES) {
    const runs: RunResult[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await runOnce(size, r));
    const m = (k: keyof RunResult): string => median(runs.map((x) => x[k])).toFixed(1);
    rows.push(`| ${size} | ${m('initialize')} | ${m('open')} (${m('openCpu')}) | ${m('editP50')} / ${m('editP95')} (${m('editCpu')}) | ${m('completionP50')} / ${m('completionP95')} | ${m('hoverP50')} / ${m('hoverP95')} | ${m('brokenP50')} | ${m('rssMb')} |`);
    process.stderr.write(`${size} done\n`);
  }
  process.stdout.write(`Language server over stdio, medians of ${RUNS} runs (${EDITS} edits, ${REQUESTS} completions and hovers per run)\n\n${header}\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
});
