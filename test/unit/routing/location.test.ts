import * as assert from 'node:assert/strict';
import { resolveLocation } from '../../../server/src/core/routing';

describe('routing: client locations', () => {
  const found: [string, string, string][] = [
    ['frankfurt', 'point', 'Frankfurt am Main'],
    ['FRANKFURT', 'point', 'Frankfurt am Main'],
    ['sao paulo', 'point', 'Sao Paulo'],
    ['São Paulo', 'point', 'Sao Paulo'],
    ['  SÃO   PAULO ', 'point', 'Sao Paulo'],
    ['tokyo', 'point', 'Tokyo'],
    ['new york', 'point', 'New York'], // exact name wins over the longer "Newark"-style prefixes
    ['zür', 'point', 'Zurich'],
    ['eu-west-1', 'region', 'eu-west-1 (Dublin)'],
    ['US-EAST-1', 'region', 'us-east-1 (Ashburn, Virginia (N. Virginia))'],
    ['48.85,2.35', 'point', '48.85,2.35'],
    [' -33.9 , 151.2 ', 'point', '-33.9,151.2'],
  ];
  for (const [input, kind, label] of found) {
    it(`'${input}' -> ${label}`, () => {
      const r = resolveLocation(input);
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.equal(r.location.kind, kind);
      assert.equal(r.location.label, label);
    });
  }

  it('ambiguous prefixes list every match', () => {
    const r = resolveLocation('san');
    assert.equal(r.ok, false);
    assert.deepEqual(r.ok ? [] : r.candidates, ['San Francisco', 'Santiago']);
    const n = resolveLocation('new');
    assert.deepEqual(n.ok ? [] : n.candidates, ['New Delhi', 'New York', 'Newark']);
  });

  it('unknown names suggest the closest candidates', () => {
    const r = resolveLocation('frnkfurt');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.candidates[0], 'Frankfurt am Main');
    assert.match(r.message, /unknown location 'frnkfurt'; closest: Frankfurt am Main/);
    const s = resolveLocation('Sidney');
    assert.ok(!s.ok && s.candidates.includes('Sydney'), 'Sidney suggests Sydney');
  });

  it('rejects coordinates out of range and empty input', () => {
    assert.equal(resolveLocation('91,0').ok, false);
    assert.equal(resolveLocation('0,181').ok, false);
    assert.equal(resolveLocation('  ').ok, false);
  });
});
