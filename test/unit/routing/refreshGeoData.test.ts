import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../support/paths';

/**
 * tools/refresh-geo-data.mjs needs the network, so its transformations are checked offline: fed with
 * upstream-shaped input rebuilt from the committed files, they must give those files back.
 */
interface Refresh {
  deriveEdges(upstream: unknown, current: unknown): { edges: unknown[]; count: number };
  deriveRtt(upstream: unknown, current: unknown): { regions: string[]; symmetricMs: { matrix: number[][] }; directedMs: { matrix: number[][] } };
  deriveRegions(partitions: string, defaultDoc: string, optInDoc: string, matrixRegions: string[], current: unknown): { regions: unknown[] };
}

const GEO = path.join(REPO_ROOT, 'server', 'src', 'core', 'data', 'geo');
const read = (f: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(GEO, f), 'utf8')) as Record<string, unknown>;
const load = (): Promise<Refresh> => import(pathToFileURL(path.join(REPO_ROOT, 'tools', 'refresh-geo-data.mjs')).href) as Promise<Refresh>;

describe('tools/refresh-geo-data.mjs transformations', () => {
  it('edges: the upstream object keyed by IATA code gives edges.json back (Barcelona fix included)', async () => {
    const { deriveEdges } = await load();
    const current = read('edges.json') as { edges: Record<string, unknown>[] };
    const upstream = Object.fromEntries(
      current.edges.map((e) => {
        const wrongBarcelona = e.code === 'BLA' ? { latitude: 10.11, longitude: -64.69 } : { latitude: e.lat, longitude: e.lon };
        const rest = { city: e.city, country: e.country, countryCode: e.countryCode, cloudfrontPricingRegion: e.cloudfrontPricingRegion, ...(e.hasRegionalEdgeCache === undefined ? {} : { hasRegionalEdgeCache: e.hasRegionalEdgeCache }) };
        return [e.code, { ...rest, ...wrongBarcelona }];
      }),
    );
    const out = deriveEdges(upstream, current);
    assert.deepEqual(out, current);
  });

  it('inter-Region RTT: CloudPing-shaped rows give the directed matrix and its symmetric mean', async () => {
    const { deriveRtt } = await load();
    const current = read('interregion-rtt.json') as { regions: string[]; directedMs: { matrix: number[][] }; symmetricMs: { matrix: number[][] } };
    const upstream = current.regions.map((region, i) => ({ region, averages: current.regions.map((regionTo, j) => ({ regionTo, average: current.directedMs.matrix[i]?.[j] })) }));
    const out = deriveRtt(upstream, current);
    assert.deepEqual(out.regions, current.regions);
    assert.deepEqual(out.directedMs.matrix, current.directedMs.matrix);
    out.symmetricMs.matrix.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - (current.symmetricMs.matrix[i]?.[j] ?? NaN)) <= 0.1 + 1e-9, `${i},${j}`)));
  });

  it('regions: the SDK partitions table plus the two MRAP documentation lists give regions.json back', async () => {
    const { deriveRegions } = await load();
    const current = read('regions.json') as { regions: { code: string; mrapSupported: boolean; mrapOptIn: boolean | null }[] };
    const partitions = path.join(REPO_ROOT, 'node_modules', '@aws-sdk', 'core', 'dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');
    const defaults = current.regions.filter((r) => r.mrapSupported && !r.mrapOptIn).map((r) => `| ${r.code} |`).join('\n');
    const optIn = current.regions.filter((r) => r.mrapOptIn).map((r) => `<li>${r.code}</li>`).join('');
    const matrix = (read('interregion-rtt.json') as { regions: string[] }).regions;
    const out = deriveRegions(fs.readFileSync(partitions, 'utf8'), defaults, optIn, matrix, current);
    assert.deepEqual(out, current);
  });
});
