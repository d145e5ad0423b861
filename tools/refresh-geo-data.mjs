#!/usr/bin/env node
// Re-derives server/src/core/data/geo/{edges,interregion-rtt,regions}.json from their upstream sources.
//
// Usage: node tools/refresh-geo-data.mjs [--check]    (--check: fetch and compare, write nothing)
//
// Needs network access to github.com, docs.aws.amazon.com and an installed @aws-sdk/core (npm). Without
// network it stops with a clear message and exit status 1; the committed files stay as they are.
//
// Sources and transformations (keep in step with SOURCES.md in the data folder):
//
// 1. edges.json  <- EDGES_URL (tobilg/aws-edge-locations, MIT). Upstream is an object keyed by IATA code:
//    { "FRA": { city, state?, country, countryCode, latitude, longitude, cloudfrontPricingRegion, ... } }.
//    Each record becomes { code, city, country, countryCode, lat, lon, cloudfrontPricingRegion,
//    mainlandChina, usableForMrapIngress } (plus hasRegionalEdgeCache when upstream has it), sorted as
//    upstream. Mainland-China edges (countryCode CN) belong to CloudFront's China network, so they are
//    not MRAP ingress. EDGE_CORRECTIONS fixes known upstream coordinate errors (Barcelona had the
//    Venezuelan airport's coordinates).
//
// 2. interregion-rtt.json <- RTT_URL (CloudPing p50, 1-year window, saved by oaustegard). Accepted shapes:
//    the CloudPing API's [{ region, averages: [{ regionTo, average }] }] (optionally under `data`), or a
//    nested map { from: { to: ms } }. Rows/columns are sorted Region codes present on both axes; the
//    directed matrix keeps row = source, column = destination, rounded to 0.1 ms; the symmetric matrix is
//    the mean of both directions, rounded to 0.1 ms. Metadata (source, date, caveats) is carried over from
//    the current file: update `measurementDate` by hand when the snapshot changes.
//
// 3. regions.json <- the `aws` partition of the AWS SDK v3 partitions table (installed npm
//    @aws-sdk/core, file PARTITIONS_FILE) for codes and names; MRAP_DEFAULT_URL (17 default Regions) and
//    MRAP_OPTIN_URL (opt-in Regions) for `mrapSupported` / `mrapOptIn` (every Region code found in the
//    page is taken); `inLatencyMatrix` from step 2. Coordinates, city and country are hand-compiled (AWS
//    publishes none), so they are carried over from the current file; a Region new upstream stops the
//    script with a list of codes to add by hand.

/* global fetch, AbortSignal -- Node 20 globals */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, 'server', 'src', 'core', 'data', 'geo');
const EDGES_URL = 'https://raw.githubusercontent.com/tobilg/aws-edge-locations/401febff3b8c0104057433ae9b122d09aab44cb1/data/aws-edge-locations.json';
const RTT_URL = 'https://raw.githubusercontent.com/oaustegard/oaustegard.github.io/main/web-utilities/aws-ping-p50-1y.json';
const MRAP_DEFAULT_URL = 'https://raw.githubusercontent.com/awsdocs/amazon-s3-userguide/1b918e0/doc_source/MultiRegionAccessPointRestrictions.md';
const MRAP_OPTIN_URL = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ConfiguringMrapOptInRegions.html';
const PARTITIONS_FILE = path.join(ROOT, 'node_modules', '@aws-sdk', 'core', 'dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');
const REGION_CODE = /\b(?:us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d\b/g;
const EDGE_CORRECTIONS = {
  BLA: { lat: 41.2971, lon: 2.0785, correction: 'upstream gave BLA = Barcelona (Venezuela) coordinates 10.11,-64.69; replaced with Barcelona-El Prat (BCN) 41.2971,2.0785' },
};

class Offline extends Error {}

async function fetchText(url) {
  let res;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(20000) });
  } catch (e) {
    throw new Offline(`cannot fetch ${url} (${e.cause?.code ?? e.message}). This script needs network access; the committed data is unchanged.`);
  }
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

const readJson = (file) => JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8'));
const round1 = (x) => Math.round(x * 10) / 10;

export function deriveEdges(upstream, current) {
  if (!upstream || typeof upstream !== 'object' || Array.isArray(upstream)) throw new Error('edges: expected an object keyed by IATA code');
  const edges = Object.entries(upstream).map(([code, e]) => {
    if (typeof e.latitude !== 'number' || typeof e.longitude !== 'number' || !e.city) throw new Error(`edges: record ${code} lacks city/latitude/longitude`);
    const china = e.countryCode === 'CN';
    const rec = { code, city: e.city, country: e.country, countryCode: e.countryCode, lat: e.latitude, lon: e.longitude, cloudfrontPricingRegion: e.cloudfrontPricingRegion, mainlandChina: china, usableForMrapIngress: !china };
    if (e.hasRegionalEdgeCache !== undefined) rec.hasRegionalEdgeCache = e.hasRegionalEdgeCache;
    return { ...rec, ...(EDGE_CORRECTIONS[code] ?? {}) };
  });
  return { ...current, count: edges.length, edges };
}

function rttTriples(upstream) {
  const list = Array.isArray(upstream) ? upstream : Array.isArray(upstream?.data) ? upstream.data : undefined;
  if (list) return list.flatMap((row) => (row.averages ?? []).map((a) => [row.region, a.regionTo, Number(a.average)]));
  if (upstream && typeof upstream === 'object') return Object.entries(upstream).flatMap(([from, tos]) => Object.entries(tos).map(([to, ms]) => [from, to, Number(ms)]));
  throw new Error('interregion-rtt: unrecognised shape');
}

export function deriveRtt(upstream, current) {
  const triples = rttTriples(upstream).filter(([, , ms]) => Number.isFinite(ms));
  const from = new Set(triples.map((t) => t[0]));
  const regions = [...new Set(triples.map((t) => t[1]))].filter((r) => from.has(r)).sort();
  const at = new Map(triples.map(([a, b, ms]) => [`${a} ${b}`, ms]));
  const directed = regions.map((a) => regions.map((b) => {
    const v = at.get(`${a} ${b}`);
    if (v === undefined) throw new Error(`interregion-rtt: no value for ${a} -> ${b}`);
    return round1(v);
  }));
  const symmetric = directed.map((row, i) => row.map((v, j) => round1((v + (directed[j]?.[i] ?? v)) / 2)));
  return { ...current, regions, directedMs: { ...current.directedMs, matrix: directed }, symmetricMs: { ...current.symmetricMs, matrix: symmetric } };
}

export function deriveRegions(partitionsSource, defaultDoc, optInDoc, matrixRegions, current) {
  const json = partitionsSource.replace(/^[\s\S]*?partitionsInfo\s*=\s*/, '').replace(/;\s*$/, '');
  const aws = JSON.parse(json).partitions.find((p) => p.id === 'aws');
  if (!aws) throw new Error('regions: no aws partition in the SDK table');
  const codes = Object.keys(aws.regions).filter((c) => new RegExp(aws.regionRegex).test(c)).sort();
  const defaults = new Set(defaultDoc.match(REGION_CODE) ?? []);
  const optIn = new Set(optInDoc.match(REGION_CODE) ?? []);
  if (defaults.size < 10 || optIn.size < 5) throw new Error('regions: the MRAP documentation pages no longer list Region codes where expected; check them by hand');
  const known = new Map(current.regions.map((r) => [r.code, r]));
  const missing = codes.filter((c) => !known.has(c));
  if (missing.length) throw new Error(`regions: new Regions need hand-compiled city/lat/lon in regions.json first: ${missing.join(', ')}`);
  const regions = codes.map((code) => {
    const old = known.get(code);
    const supported = defaults.has(code) || optIn.has(code);
    return { ...old, name: aws.regions[code].description, mrapSupported: supported, mrapOptIn: supported ? optIn.has(code) && !defaults.has(code) : null, inLatencyMatrix: matrixRegions.includes(code) };
  });
  return { ...current, regions };
}

async function main() {
  const check = process.argv.includes('--check');
  const edges = deriveEdges(JSON.parse(await fetchText(EDGES_URL)), readJson('edges.json'));
  const rtt = deriveRtt(JSON.parse(await fetchText(RTT_URL)), readJson('interregion-rtt.json'));
  if (!fs.existsSync(PARTITIONS_FILE)) throw new Error(`missing ${PARTITIONS_FILE}: run npm install first`);
  const regions = deriveRegions(fs.readFileSync(PARTITIONS_FILE, 'utf8'), await fetchText(MRAP_DEFAULT_URL), await fetchText(MRAP_OPTIN_URL), rtt.regions, readJson('regions.json'));
  for (const [file, data] of [['edges.json', edges], ['interregion-rtt.json', rtt], ['regions.json', regions]]) {
    const text = `${JSON.stringify(data, null, 1)}\n`;
    const same = JSON.stringify(readJson(file)) === JSON.stringify(data);
    console.log(`${file}: ${same ? 'unchanged' : check ? 'would change' : 'updated'}`);
    if (!same && !check) fs.writeFileSync(path.join(DATA, file), text);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`refresh-geo-data: ${e.message}`);
    process.exit(1);
  });
}
