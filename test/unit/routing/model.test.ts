import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { backboneEstimate, INGRESS_EDGES, REGIONS, resolveLocation, RoutingInputError, simulate, type ClientLocation, type MrapRegion, type RegionState } from '../../../server/src/core/routing';
import { REPO_ROOT } from '../../support/paths';

/** The measured data, read independently of the core so the expectations do not reuse its code. */
const GEO = path.join(REPO_ROOT, 'server', 'src', 'core', 'data', 'geo');
const rtt = JSON.parse(fs.readFileSync(path.join(GEO, 'interregion-rtt.json'), 'utf8')) as { regions: string[]; symmetricMs: { matrix: number[][] } };
const regionsRaw = (JSON.parse(fs.readFileSync(path.join(GEO, 'regions.json'), 'utf8')) as { regions: { code: string; lat: number; lon: number }[] }).regions;
const measured = (a: string, b: string): number => rtt.symmetricMs.matrix[rtt.regions.indexOf(a)]?.[rtt.regions.indexOf(b)] ?? NaN;
const coords = (code: string): { lat: number; lon: number } => regionsRaw.find((r) => r.code === code) ?? { lat: NaN, lon: NaN };

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
const fibreMs = (km: number): number => (2 * km) / 204;

function at(where: string): ClientLocation {
  const found = resolveLocation(where);
  if (!found.ok) throw new Error(found.message);
  return found.location;
}

function mrap(spec: string): MrapRegion[] {
  // "us-east-1 eu-west-1:passive ap-northeast-1:down"
  return spec.split(' ').map((s) => {
    const [region = '', state = 'active'] = s.split(':');
    return { region, bucket: `b-${region}`, state: state as RegionState };
  });
}

describe('routing: decisions from measured data', () => {
  const cases: { from: string; regions: string; chosen: string | null; order: string[]; failOpen?: boolean }[] = [
    { from: 'tokyo', regions: 'us-east-1 eu-west-1 ap-northeast-1', chosen: 'ap-northeast-1', order: ['ap-northeast-1', 'us-east-1', 'eu-west-1'] },
    { from: 'tokyo', regions: 'us-east-1 eu-west-1 ap-northeast-1:passive', chosen: 'us-east-1', order: ['ap-northeast-1', 'us-east-1', 'eu-west-1'] },
    { from: 'frankfurt', regions: 'us-east-1 eu-west-1', chosen: 'eu-west-1', order: ['eu-west-1', 'us-east-1'] },
    // routing-model.md section 3 examples
    { from: 'nairobi', regions: 'eu-west-1 ap-south-1 us-east-1', chosen: 'ap-south-1', order: ['ap-south-1', 'eu-west-1', 'us-east-1'] },
    { from: 'berlin', regions: 'eu-west-1 us-east-1', chosen: 'eu-west-1', order: ['eu-west-1', 'us-east-1'] },
    { from: 'denver', regions: 'us-east-1 us-west-2', chosen: 'us-west-2', order: ['us-west-2', 'us-east-1'] },
    { from: 'sao paulo', regions: 'us-east-1 sa-east-1:down', chosen: 'us-east-1', order: ['sa-east-1', 'us-east-1'] },
    // a client inside a Region uses the matrix: us-east-2 is measured closer to us-east-1 than ca-central-1 is
    { from: 'us-east-1', regions: 'ca-central-1 us-east-2 eu-west-1', chosen: 'us-east-2', order: ['us-east-2', 'ca-central-1', 'eu-west-1'] },
    { from: 'tokyo', regions: 'us-east-1:down eu-west-1:passive ap-northeast-1:down', chosen: null, order: ['ap-northeast-1', 'us-east-1', 'eu-west-1'] },
    { from: 'tokyo', regions: 'us-east-1:down eu-west-1:passive ap-northeast-1:down', chosen: 'eu-west-1', order: ['ap-northeast-1', 'us-east-1', 'eu-west-1'], failOpen: true },
    // fail-open looks only at the three closest Regions: eu-west-1 is fourth from Tokyo here
    { from: 'tokyo', regions: 'us-east-1:down eu-west-1:passive ap-northeast-1:down ap-northeast-2:down', chosen: null, order: ['ap-northeast-1', 'ap-northeast-2', 'us-east-1', 'eu-west-1'], failOpen: true },
    { from: 'tokyo', regions: 'us-east-1:down ap-northeast-1:down', chosen: null, order: ['ap-northeast-1', 'us-east-1'], failOpen: true },
  ];
  for (const c of cases) {
    it(`${c.from} {${c.regions}}${c.failOpen ? ' fail-open' : ''} -> ${c.chosen ?? 'fails'}`, () => {
      const s = simulate({ name: 't', regions: mrap(c.regions), from: at(c.from), failOpen: c.failOpen });
      assert.equal(s.chosen?.region ?? null, c.chosen);
      assert.equal(s.outcome, c.chosen ? 'routed' : 'failed');
      assert.deepEqual(s.candidates.map((x) => x.region), c.order);
      assert.equal(s.viaFailOpen, Boolean(c.failOpen && c.chosen));
      if (!c.chosen) assert.ok(s.failure && s.explanation.some((e) => e.startsWith('Not routed')), 'a failure says why');
    });
  }

  it('Tokyo -> us-east-1 is access + distance to the anchor ap-northeast-1 + its measured median', () => {
    const s = simulate({ name: 't', regions: mrap('us-east-1 ap-northeast-1'), from: at('tokyo') });
    const nrt = INGRESS_EDGES.find((e) => e.code === 'NRT');
    assert.ok(nrt);
    assert.equal(s.ingress.code, 'NRT');
    const kmToAnchor = haversineKm(nrt, coords('ap-northeast-1')); // about 64 km: inflation 2.25
    const access = 10 + 0; // last mile; the Tokyo client is at the NRT edge itself
    const expected = access + (2.25 * 2 * kmToAnchor) / 204 + measured('ap-northeast-1', 'us-east-1');
    const us = s.candidates.find((c) => c.region === 'us-east-1');
    assert.ok(us);
    assert.equal(us.basis, 'measured');
    assert.ok(Math.abs(us.rttMs - expected) < 0.01, `${us.rttMs} vs ${expected}`);
    const tokyo = s.candidates.find((c) => c.region === 'ap-northeast-1');
    assert.equal(tokyo?.basis, 'estimated'); // the nearest anchor is the target itself: distance model + 3 ms
    assert.ok(Math.abs((tokyo?.rttMs ?? 0) - (10 + 3 + (2.25 * 2 * kmToAnchor) / 204)) < 0.01);
  });

  it('a client inside a Region gets the measured median itself', () => {
    const s = simulate({ name: 't', regions: mrap('us-east-1 eu-west-1'), from: at('eu-central-1') });
    assert.equal(s.ingress.inRegion, true);
    for (const c of s.candidates) {
      assert.equal(c.basis, 'measured');
      assert.equal(c.rttMs, measured('eu-central-1', c.region));
    }
  });

  it('refuses an all-passive configuration as AWS does (InvalidRequest)', () => {
    assert.throws(() => simulate({ name: 't', regions: mrap('us-east-1:passive eu-west-1:passive'), from: at('tokyo') }), (e: unknown) => e instanceof RoutingInputError && /InvalidRequest/.test(e.message));
  });

  it('refuses unknown and duplicate Regions and empty MRAPs', () => {
    assert.throws(() => simulate({ name: 't', regions: mrap('us-east-9'), from: at('tokyo') }), /unknown AWS Region 'us-east-9'/);
    assert.throws(() => simulate({ name: 't', regions: mrap('us-east-1 us-east-1:passive'), from: at('tokyo') }), /appears twice/);
    assert.throws(() => simulate({ name: 't', regions: [], from: at('tokyo') }), /no Regions/);
  });

  it('explains failover: the next Region, about 2 minutes, existing connections stay', () => {
    const s = simulate({ name: 't', regions: mrap('us-east-1 eu-west-1'), from: at('frankfurt') });
    assert.equal(s.nextChoice?.region, 'us-east-1');
    assert.ok(s.explanation.some((e) => /new connections go to us-east-1.*about 2 minutes.*existing connections stay on eu-west-1/.test(e)));
  });
});

describe('routing: never faster than light in fibre', () => {
  // every Region, in MRAP-sized groups (at most 17 Regions each)
  const everyRegion = REGIONS.map((r): MrapRegion => ({ region: r.code, bucket: r.code, state: 'active' }));
  const groups = [everyRegion.slice(0, 12), everyRegion.slice(12, 24), everyRegion.slice(24)];
  it('from every edge city to every Region', () => {
    for (const edge of INGRESS_EDGES) {
      for (const regions of groups) {
        const s = simulate({ name: 't', regions, from: at(`${edge.lat},${edge.lon}`), lastMileMs: 0 });
        for (const c of s.candidates) {
          const floor = fibreMs(haversineKm(edge, coords(c.region)));
          assert.ok(c.rttMs >= floor - 1e-9, `${edge.city} -> ${c.region}: ${c.rttMs} < ${floor}`);
        }
      }
    }
  });
  it('from every Region (measured medians included) and from arbitrary points', () => {
    for (const from of [...REGIONS.map((r) => r.code), '0,0', '-45,170', '64.1,-21.9', '-90,0']) {
      for (const regions of groups) {
        const s = simulate({ name: 't', regions, from: at(from), lastMileMs: 0 });
        for (const c of s.candidates) {
          const floor = fibreMs(haversineKm(s.from, coords(c.region)));
          assert.ok(c.rttMs >= floor - 1e-9, `${from} -> ${c.region}: ${c.rttMs} < ${floor}`);
        }
      }
    }
  });
});

/** routing-model.md section 4: leave one Region out, predict its RTT to every other measured Region. */
describe('routing: leave-one-Region-out validation against the measured matrix', () => {
  it('median absolute error under 10 % (and the best of two Regions picked at least 90 % of the time)', () => {
    const errors: number[] = [];
    let pairs = 0;
    let agreed = 0;
    for (const a of REGIONS.filter((r) => r.inLatencyMatrix)) {
      const predictions: { p: number; m: number }[] = [];
      for (const b of REGIONS.filter((r) => r.inLatencyMatrix && r !== a)) {
        const p = backboneEstimate(a, b, new Set([a.code])).ms;
        const m = measured(a.code, b.code);
        errors.push(Math.abs(p - m) / m);
        predictions.push({ p, m });
      }
      for (let i = 0; i < predictions.length; i++) {
        for (let j = i + 1; j < predictions.length; j++) {
          const x = predictions[i];
          const y = predictions[j];
          if (!x || !y) continue;
          pairs++;
          if (x.p < y.p === x.m < y.m) agreed++;
        }
      }
    }
    assert.equal(errors.length, 32 * 31);
    const sorted = [...errors].sort((x, y) => x - y);
    const median = ((sorted[495] ?? 1) + (sorted[496] ?? 1)) / 2;
    assert.ok(median < 0.1, `median error ${(median * 100).toFixed(1)} %`);
    assert.ok(agreed / pairs >= 0.9, `picked the measured-best of two ${((agreed / pairs) * 100).toFixed(1)} %`);
  });
});
