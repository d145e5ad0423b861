import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIST, FIXTURES, REPO_ROOT } from '../support/paths';

const CLI = path.join(DIST, 'cli.js');
const fixture = (name: string): string => path.join(FIXTURES, 'routing', name);

function s3mrap(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'simulate', ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonOut {
  mrap: string;
  from: { label: string; lat: number; lon: number };
  ingress: { code: string; city: string; lat: number; lon: number };
  outcome: string;
  chosen: { region: string; bucket: string; rttMs: number } | null;
  candidates: { region: string; bucket: string; state: string; rttMs: number; basis: string }[];
  explanation: string[];
}

function json(...args: string[]): JsonOut {
  const r = s3mrap(...args, '--format', 'json');
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as JsonOut;
}

// Data for hand-checkable expectations: the edge list and the measured matrix.
const GEO = path.join(REPO_ROOT, 'server', 'src', 'core', 'data', 'geo');
const edges = (JSON.parse(fs.readFileSync(path.join(GEO, 'edges.json'), 'utf8')) as { edges: { code: string; city: string; lat: number; lon: number }[] }).edges;
const rtt = JSON.parse(fs.readFileSync(path.join(GEO, 'interregion-rtt.json'), 'utf8')) as { regions: string[]; symmetricMs: { matrix: number[][] } };
const tokyoRegion = { lat: 35.68, lon: 139.69 }; // ap-northeast-1 in regions.json
function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
const measured = (a: string, b: string): number => rtt.symmetricMs.matrix[rtt.regions.indexOf(a)]?.[rtt.regions.indexOf(b)] ?? NaN;

describe('cli: s3mrap simulate', function () {
  before(function () {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  });

  it('Tokyo, buckets in us-east-1, eu-west-1 and ap-northeast-1: ap-northeast-1, exact JSON', () => {
    const out = json(fixture('three-regions.yaml'), '--from', 'tokyo');
    const nrt = edges.find((e) => e.code === 'NRT');
    assert.ok(nrt);
    // The client stands at the NRT edge: access = 10 ms last mile. The nearest anchor, ap-northeast-1,
    // is about 64 km away (inflation 2.25): 2.25 * 2 * 64 / 204 = 1.4 ms. ap-northeast-1 itself is the
    // distance model plus 3 ms; the others add the measured median from ap-northeast-1 (149 and 201 ms).
    const toAnchor = (2.25 * 2 * haversineKm(nrt, tokyoRegion)) / 204;
    const expected = {
      mrap: 'global-assets',
      from: { label: 'Tokyo', lat: nrt.lat, lon: nrt.lon },
      ingress: { code: 'NRT', city: 'Tokyo', lat: nrt.lat, lon: nrt.lon },
      outcome: 'routed',
      chosen: { region: 'ap-northeast-1', bucket: 'assets-ap-northeast-1', rttMs: Math.round(10 + 3 + toAnchor) },
      candidates: [
        { region: 'ap-northeast-1', bucket: 'assets-ap-northeast-1', state: 'active', rttMs: Math.round(10 + 3 + toAnchor), basis: 'estimated' },
        { region: 'us-east-1', bucket: 'assets-us-east-1', state: 'active', rttMs: Math.round(10 + toAnchor + measured('ap-northeast-1', 'us-east-1')), basis: 'measured' },
        { region: 'eu-west-1', bucket: 'assets-eu-west-1', state: 'active', rttMs: Math.round(10 + toAnchor + measured('ap-northeast-1', 'eu-west-1')), basis: 'measured' },
      ],
    };
    assert.deepEqual({ ...out, explanation: undefined }, { ...expected, explanation: undefined });
    assert.deepEqual(Object.keys(out), ['mrap', 'from', 'ingress', 'outcome', 'chosen', 'candidates', 'explanation']);
    assert.equal(out.explanation[0], `Client at Tokyo (${nrt.lat.toFixed(2)}, ${nrt.lon.toFixed(2)}).`);
    assert.ok(out.explanation.includes(`Routed to ap-northeast-1 (bucket assets-ap-northeast-1): the closest active Region, ≈14 ms.`), out.explanation.join('\n'));
    assert.ok(out.explanation.some((e) => e.startsWith('Candidate 2: us-east-1 (bucket assets-us-east-1, active): ≈161 ms = access 10 + backbone 151; via anchor ap-northeast-1')));
  });

  it('Tokyo with ap-northeast-1 passive: us-east-1', () => {
    const out = json(fixture('three-regions.yaml'), '--from', 'Tokyo', '--passive', 'ap-northeast-1');
    assert.equal(out.chosen?.region, 'us-east-1');
    assert.deepEqual(out.candidates.map((c) => [c.region, c.state, c.basis]), [
      ['ap-northeast-1', 'passive', 'estimated'],
      ['us-east-1', 'active', 'measured'],
      ['eu-west-1', 'active', 'measured'],
    ]);
    assert.ok(out.explanation.includes('Skipped ap-northeast-1: passive (routing dial 0), it receives no new traffic.'));
  });

  it('Frankfurt with us-east-1 and eu-west-1 (Regions given by --region-of): eu-west-1, replication lag noted', () => {
    const out = json(fixture('replicated.yaml'), '--from', 'frankfurt', '--region-of', 'Primary=us-east-1', '--region-of=Secondary=eu-west-1');
    assert.equal(out.mrap, 'Mrap');
    assert.deepEqual(out.chosen && [out.chosen.region, out.chosen.bucket], ['eu-west-1', 'Secondary']);
    assert.deepEqual(out.candidates.map((c) => [c.region, c.basis]), [['eu-west-1', 'estimated'], ['us-east-1', 'measured']]);
    assert.equal(out.ingress.code, 'FRA');
    assert.ok(out.explanation.some((e) => e.startsWith('404 risk (lag): every other bucket replicates to eu-west-1')));
  });

  it('New York on the same MRAP: us-east-1, and nothing replicates eu-west-1 -> us-east-1 (404 risk)', () => {
    const out = json(fixture('replicated.yaml'), '--from', 'new york', '--region-of', 'Primary=us-east-1', '--region-of', 'Secondary=eu-west-1');
    assert.equal(out.chosen?.region, 'us-east-1');
    assert.ok(out.explanation.some((e) => e.startsWith('404 risk (missing): nothing replicates eu-west-1 -> us-east-1')));
  });

  it('every active Region down: fails until someone fails over (exit 0, outcome failed)', () => {
    const out = json(fixture('three-regions.yaml'), '--from', 'tokyo', '--down', 'us-east-1,ap-northeast-1', '--passive', 'eu-west-1');
    assert.equal(out.outcome, 'failed');
    assert.equal(out.chosen, null);
    assert.deepEqual(out.candidates.map((c) => [c.region, c.state]), [['ap-northeast-1', 'down'], ['us-east-1', 'down'], ['eu-west-1', 'passive']]);
    assert.ok(out.explanation.some((e) => /requests fail until someone fails over \(sets eu-west-1 active/.test(e)));
  });

  it('--fail-open routes to the healthy passive Region, labelled as inferred', () => {
    const out = json(fixture('three-regions.yaml'), '--from', 'tokyo', '--down', 'us-east-1,ap-northeast-1', '--passive', 'eu-west-1', '--fail-open');
    assert.equal(out.outcome, 'routed');
    assert.equal(out.chosen?.region, 'eu-west-1');
    assert.ok(out.explanation.some((e) => e.startsWith('Fail-open (inferred from generic Global Accelerator behaviour, not documented for MRAP)')));
  });

  it('a client inside a Region uses measured medians', () => {
    const out = json(fixture('three-regions.yaml'), '--from', 'eu-central-1');
    assert.deepEqual(out.ingress.code, 'eu-central-1');
    assert.deepEqual(out.candidates.map((c) => [c.region, c.basis, c.rttMs]), [
      ['eu-west-1', 'measured', Math.round(measured('eu-central-1', 'eu-west-1'))],
      ['us-east-1', 'measured', Math.round(measured('eu-central-1', 'us-east-1'))],
      ['ap-northeast-1', 'measured', Math.round(measured('eu-central-1', 'ap-northeast-1'))],
    ]);
  });

  it('picks an MRAP with --mrap (logical id or name) and reads lat,lon', () => {
    const out = json(fixture('two-mraps.json'), '--mrap', 'americas', '--from', '-23.5,-46.6', '--region-of', 'legacy-bucket=us-east-2');
    assert.equal(out.mrap, 'americas');
    assert.deepEqual(out.from, { label: '-23.5,-46.6', lat: -23.5, lon: -46.6 });
    assert.equal(out.ingress.code, 'GRU');
    assert.deepEqual(out.candidates.map((c) => c.region), ['sa-east-1', 'us-east-2', 'us-west-2']);
    assert.equal(json(fixture('two-mraps.json'), '--mrap', 'Europe', '--from', 'stockholm').chosen?.region, 'eu-north-1');
  });

  it('text output names the decision', () => {
    const r = s3mrap(fixture('three-regions.yaml'), '--from', 'sao paulo');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^global-assets: from Sao Paulo via edge GRU \(Sao Paulo\)\n=> routed to us-east-1 \(bucket assets-us-east-1\)/);
    // a failover of us-east-1 sends the Americas to eu-west-1 (the next closest active Region from there)
    assert.match(r.stdout, /\nFailover:\n {2}After a failover \(us-east-1 set passive\), new connections follow about 2 minutes later; existing connections stay until they finish\.\n/);
    assert.match(r.stdout, /edge locations? move to eu-west-1: [^\n]*\bSao Paulo\b/);
  });

  const problems: [string, string[], RegExp][] = [
    ['all Regions passive', [fixture('three-regions.yaml'), '--from', 'tokyo', '--passive', 'us-east-1,eu-west-1,ap-northeast-1'], /every Region is passive: AWS rejects this routing configuration \(InvalidRequest\)/],
    ['bucket Region unknown', [fixture('replicated.yaml'), '--from', 'tokyo'], /cannot tell the Region of buckets 'Primary', 'Secondary'; use --region-of Primary=<region>/],
    ['several MRAPs, none picked', [fixture('two-mraps.json'), '--from', 'tokyo'], /has 2 Multi-Region Access Points; pick one with --mrap: Europe \(europe\), Americas \(americas\)/],
    ['unknown city', [fixture('three-regions.yaml'), '--from', 'frnkfurt'], /unknown location 'frnkfurt'; closest: Frankfurt am Main/],
    ['ambiguous city', [fixture('three-regions.yaml'), '--from', 'san'], /'san' is ambiguous: San Francisco, Santiago/],
    ['state for a Region outside the MRAP', [fixture('three-regions.yaml'), '--from', 'tokyo', '--down', 'us-west-2'], /us-west-2 is not a Region of global-assets/],
    ['missing --from', [fixture('three-regions.yaml')], /simulate needs --from/],
    ['bad format', [fixture('three-regions.yaml'), '--from', 'tokyo', '--format', 'xml'], /--format must be text or json/],
    ['unknown Region in --passive', [fixture('three-regions.yaml'), '--from', 'tokyo', '--passive', 'mars-1'], /--passive: unknown Region 'mars-1'/],
    ['missing file', [fixture('nope.yaml'), '--from', 'tokyo'], /cannot read .*nope\.yaml.*ENOENT/],
  ];
  for (const [title, args, message] of problems) {
    it(`exit 2: ${title}`, () => {
      const r = s3mrap(...args);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
    });
  }
});
