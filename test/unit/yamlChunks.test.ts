import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSource, YamlChunkCache } from '../../server/src/core';
import { yamlTemplate } from '../../tools/bench/generate';
import { FIXTURES, REPO_ROOT } from '../support/paths';
import { walk } from '../support/fixtures';

/** The incremental (per-resource) YAML parse must give exactly the model of a full parse. */
describe('YAML parse cache (per-resource chunks)', () => {
  const yamlFiles = [
    ...walk(FIXTURES).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(FIXTURES, f)),
    ...walk(path.join(REPO_ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(REPO_ROOT, 'examples', f)),
  ];

  const same = (text: string, cache: YamlChunkCache): void => {
    const full = parseSource(text, { languageId: 'yaml' });
    const chunked = parseSource(text, { languageId: 'yaml', yamlCache: cache });
    if (full?.parseProblems.length) {
      // Broken text: the chunked parse reads the broken chunk forgivingly; every resource is still there.
      assert.ok(chunked && chunked.parseProblems.length > 0, 'the syntax error is reported');
      assert.deepEqual(chunked.resources.map((r) => r.logicalId), full.resources.map((r) => r.logicalId));
      return;
    }
    assert.deepEqual(chunked?.root, full?.root);
    assert.deepEqual(chunked?.resources, full?.resources);
    assert.deepEqual(chunked?.parseProblems, full?.parseProblems);
  };

  it('gives the same model as a full parse for every YAML fixture', () => {
    assert.ok(yamlFiles.length > 5);
    for (const f of yamlFiles) same(fs.readFileSync(f, 'utf8').replace('$0', ''), new YamlChunkCache());
  });

  it('reuses the parse of unchanged resources (same objects) after an edit inside one resource', () => {
    // Resources are parsed in small groups: only the edited resource's group is parsed again.
    const cache = new YamlChunkCache();
    const text = yamlTemplate(40);
    const before = parseSource(text, { languageId: 'yaml', yamlCache: cache });
    const after = parseSource(text.replace('bench-5-', 'bench-X-'), { languageId: 'yaml', yamlCache: cache });
    assert.ok(before && after);
    const changed = after.resources.filter((r, i) => r.body !== before.resources[i]?.body).map((r) => r.logicalId);
    assert.ok(changed.includes('Bucket5'), changed.join(', '));
    assert.ok(changed.length <= 20, `${changed.length} of ${after.resources.length} resources were parsed again`);
  });

  it('keeps a syntax error local: the broken resource is read forgivingly and reported', () => {
    const cache = new YamlChunkCache();
    const text = yamlTemplate(400);
    parseSource(text, { languageId: 'yaml', yamlCache: cache });
    const broken = text.replace('  Bucket50:\n', '  Bucket50:\n    Stat\n');
    const full = parseSource(broken, { languageId: 'yaml' });
    const chunked = parseSource(broken, { languageId: 'yaml', yamlCache: cache });
    assert.ok(full && chunked);
    assert.equal(chunked.resources.length, full.resources.length);
    const line = broken.indexOf('    Stat\n');
    assert.ok(chunked.parseProblems.some((p) => Math.abs(p.span.start - line) < 200), JSON.stringify(chunked.parseProblems));
    // Resources after the error keep exact spans.
    const mrap = chunked.resourcesById.get('Mrap99');
    assert.ok(mrap);
    assert.equal(broken.slice(mrap.idSpan.start, mrap.idSpan.end), 'Mrap99');
    const name = mrap.properties?.entries.find((e) => e.key === 'Name')?.value;
    assert.equal(name && broken.slice(name.span.start, name.span.end), 'bench-mrap-99');
  });

  it('stays identical through edits that move, change, break, duplicate and remove resources', () => {
    const cache = new YamlChunkCache();
    let text = `${yamlTemplate(40)}Outputs:\n  Alias:\n    Value: !GetAtt Mrap1.Alias\n`;
    const edits: ((t: string) => string)[] = [
      (t) => t.replace('Status: Disabled', 'Status: Enabled'), // inside one resource
      (t) => t.replace("AWSTemplateFormatVersion: '2010-09-09'\n", "AWSTemplateFormatVersion: '2010-09-09'\nDescription: a longer description that moves everything below\n"), // above all resources
      (t) => t.replace('  Bucket3:\n', '  Bucket3:\n    Condition: [unclosed\n'), // a syntax error
      (t) => t.replace('    Condition: [unclosed\n', ''), // fixed again
      (t) => t.replace('  Bucket4:\n', '  Bucket3:\n'), // a duplicate id
      (t) => t.replace(/ {2}Role7:\n(?: {4}.*\n)+/, ''), // a removed resource
      (t) => `${t}  # a trailing comment\n`,
    ];
    same(text, cache);
    for (const edit of edits) {
      const next = edit(text);
      assert.notEqual(next, text);
      text = next;
      same(text, cache);
    }
  });
});
