/** `npm run bench`: every benchmark, medians of several runs. Pass names to run only some (e.g. `explorer`). */
import { benchExplorer } from './explorer';

const benches: Record<string, () => void | Promise<void>> = {
  explorer: benchExplorer,
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
