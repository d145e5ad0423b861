/**
 * Explorer benchmark: 100 MRAPs in the emulator, listed through the real SDK. "First level" is what the
 * view needs before it can draw: STS account id + every ListMultiRegionAccessPoints page + node
 * presentations. "With routes" adds GetMultiRegionAccessPointRoutes for every MRAP (what expanding all
 * of them costs). Target: first level < 1 s.
 */
import { present } from '../../client/src/explorer/nodes';
import { MrapApi, clearAccountIdCache } from '../../client/src/explorer/s3Control';
import { manyMrapsSeed } from '../emulator/seed';
import { startEmulator } from '../emulator/server';

export interface ExplorerBenchResult {
  readonly count: number;
  readonly runs: number;
  /** The very first run: includes loading the SDK and opening connections. */
  readonly firstLevelColdMs: number;
  readonly firstLevelMedianMs: number;
  readonly withRoutesMedianMs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `task` on every item with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function measureExplorer(count = 100, runs = 7): Promise<ExplorerBenchResult> {
  const emulator = await startEmulator({ seed: manyMrapsSeed(count) });
  const firstLevel: number[] = [];
  const withRoutes: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      clearAccountIdCache();
      const api = new MrapApi({ endpoint: emulator.url, credentials: async () => ({ accessKeyId: 'AKIDBENCHMARK', secretAccessKey: 'benchmark' }) });
      try {
        const started = performance.now();
        await api.getAccountId();
        const mraps = await api.listMraps();
        const items = mraps.map((mrap) => present({ kind: 'mrap', mrap }));
        if (items.length !== count) throw new Error(`expected ${count} MRAPs, listed ${items.length}`);
        firstLevel.push(performance.now() - started);
        await pool(mraps, 10, (m) => api.getRoutes(m));
        withRoutes.push(performance.now() - started);
      } finally {
        api.dispose();
      }
    }
  } finally {
    await emulator.close();
  }
  return { count, runs, firstLevelColdMs: firstLevel[0]!, firstLevelMedianMs: median(firstLevel), withRoutesMedianMs: median(withRoutes) };
}

export async function benchExplorer(): Promise<void> {
  const r = await measureExplorer();
  const verdict = r.firstLevelMedianMs < 1000 ? 'within' : 'OVER';
  console.log(
    `explorer: ${r.count} MRAPs, first level median ${r.firstLevelMedianMs.toFixed(1)} ms (cold ${r.firstLevelColdMs.toFixed(1)} ms; ${verdict} the 1 s target), ` +
      `with routes of all ${r.count} median ${r.withRoutesMedianMs.toFixed(1)} ms (${r.runs} runs)`,
  );
}
