/** Benchmarks (npm run bench): medians of several runs. Filled in by the benchmark work. */
export {};
