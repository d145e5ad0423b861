/** Benchmarks (npm run bench): medians of several runs. Filled in by the benchmark work. */
import { benchRouting } from './routing';

const routing = benchRouting();
console.log(`${routing.name}: ${routing.medianMs.toFixed(3)} ms (target < ${routing.targetMs} ms)`);
