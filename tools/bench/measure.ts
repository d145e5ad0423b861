/** Timing helpers: medians of several runs after a warm-up, and peak RSS. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function timeMs(fn: () => void, runs = 9, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

export function fmt(ms: number): string {
  return `${ms.toFixed(1).padStart(7)} ms`;
}

export function rssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
