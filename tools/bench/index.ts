/** `npm run bench`: every benchmark, medians of several runs. Pass names to run only some (e.g. `analysis`). */
import { benchAnalysis } from './analysis';
import { benchCdk } from './cdk';
import { benchCliMany } from './cliMany';
import { benchExplorer } from './explorer';
import { benchRouting } from './routing';

const benches: Record<string, () => void | Promise<void>> = {
  analysis: benchAnalysis,
  cdk: benchCdk,
  cli: benchCliMany,
  explorer: benchExplorer,
  routing: () => {
    const r = benchRouting();
    console.log(`\n${r.name}: ${r.medianMs.toFixed(3)} ms median (target < ${r.targetMs} ms)`);
  },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const [name, run] of Object.entries(benches)) {
    if (wanted.length === 0 || wanted.includes(name)) await run();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
