import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { panelHtml, scenarioBlock } from '../../../client/src/simulation/html';
import { mrapsInText, scenarioFor } from '../../../client/src/simulation/scenario';
import { FIXTURES } from '../../support/paths';

const read = (name: string): { text: string; file: string } => {
  const file = path.join(FIXTURES, 'routing', name);
  return { text: fs.readFileSync(file, 'utf8'), file };
};

describe('routing panel host: scenario and HTML', () => {
  it('lists the MRAPs of a file with their positions', () => {
    const { text, file } = read('two-mraps.json');
    const mraps = mrapsInText(text, file);
    assert.deepEqual(mraps.map((m) => m.label), ['Europe (europe)', 'Americas (americas)']);
    assert.equal(text.slice(mraps[0]?.idSpan.start, mraps[0]?.idSpan.end).replace(/"/g, ''), 'Europe');
  });

  it('builds the scenario, or names the buckets whose Region is unknown', () => {
    const { text, file } = read('replicated.yaml');
    const missing = scenarioFor(text, file, 'Mrap', {}, 'tokyo');
    assert.deepEqual(missing.ok ? [] : missing.unknownBuckets, ['Primary', 'Secondary']);
    const ok = scenarioFor(text, file, 'Mrap', { Primary: 'us-east-1', Secondary: 'eu-west-1' }, 'tokyo');
    assert.ok(ok.ok);
    assert.deepEqual(ok.scenario.regions, [
      { region: 'us-east-1', bucket: 'Primary', state: 'active' },
      { region: 'eu-west-1', bucket: 'Secondary', state: 'active' },
    ]);
    assert.deepEqual(ok.scenario.replication, { links: [{ from: 'us-east-1', to: 'eu-west-1', filtered: false }], unknownFrom: [] });
    assert.equal(scenarioFor(text, file, 'Nope', {}, 'tokyo').ok, false);
  });

  it('keeps names from AWS inert in the HTML: no tag can close the data block', () => {
    const scenario = { name: '</script><script>alert(1)</script>', regions: [] };
    const html = panelHtml({ cspSource: 'https://x.test', scriptUri: 'https://x.test/w.js', styleUri: 'https://x.test/w.css', title: 'a "b" <c>', scenario });
    assert.equal((html.match(/<script/g) ?? []).length, 2, 'only the data block and the bundle');
    assert.ok(html.includes(`<script type="application/json" id="s3mrap-scenario">${scenarioBlock(scenario)}</script>`));
    assert.deepEqual(JSON.parse(scenarioBlock(scenario)), scenario);
    assert.ok(html.includes('<title>a &#34;b&#34; &#60;c&#62;</title>'));
    assert.match(html, /content="default-src 'none'; script-src https:\/\/x\.test; style-src https:\/\/x\.test;/);
    assert.ok(!/\s(style|on\w+)=/.test(html), 'no inline styles or handlers');
  });
});
