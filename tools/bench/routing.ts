import { resolveLocation, simulate, type MrapRegion } from '../../server/src/core/routing';

export interface RoutingBench {
  readonly name: string;
  readonly medianMs: number;
  readonly targetMs: number;
}

const SCENARIOS: { from: string; regions: MrapRegion[] }[] = [
  { from: 'tokyo', regions: regions('us-east-1 eu-west-1 ap-northeast-1') },
  { from: 'nairobi', regions: regions('eu-west-1 ap-south-1 us-east-1') },
  // the largest MRAP AWS allows: 17 Regions
  { from: '-33.9,18.4', regions: regions('us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 sa-east-1 eu-west-1 eu-west-2 eu-west-3 eu-central-1 eu-north-1 ap-south-1 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-southeast-1 ap-southeast-2') },
];

function regions(spec: string): MrapRegion[] {
  return spec.split(' ').map((region) => ({ region, bucket: `b-${region}`, state: 'active' }));
}

/** Median wall time of one simulation (location lookup included) over the scenarios; target < 5 ms. */
export function benchRouting(runs = 200): RoutingBench {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const s of SCENARIOS) {
      const t0 = performance.now();
      const where = resolveLocation(s.from);
      if (!where.ok) throw new Error(where.message);
      simulate({ name: 'bench', regions: s.regions, from: where.location });
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { name: 'routing simulation (median)', medianMs: times[Math.floor(times.length / 2)] ?? NaN, targetMs: 5 };
}
