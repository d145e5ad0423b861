import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSource, YamlChunkCache, type Span, type ValueNode } from '../../server/src/core';
import { parseYamlChunked } from '../../server/src/core/sources/yamlChunks';
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

  describe('first open (empty cache): one whole-text parse fills the cache', () => {
    const spansOf = (node: ValueNode, out: Span[]): void => {
      out.push(node.span);
      if (node.kind === 'object') {
        for (const e of node.entries) {
          out.push(e.keySpan);
          spansOf(e.value, out);
        }
      } else if (node.kind === 'array') {
        for (const i of node.items) spansOf(i, out);
      } else if (node.kind === 'intrinsic') {
        out.push(node.nameSpan);
        spansOf(node.arg, out);
      }
    };
    const texts = (): [string, string][] => [
      ...yamlFiles.map((f): [string, string] => [f, fs.readFileSync(f, 'utf8').replace('$0', '')]),
      ['generated 40', `${yamlTemplate(40)}Outputs:\n  Alias:\n    Value: !GetAtt Mrap1.Alias\n`],
    ];

    it('gives the model of the group-by-group parse, spans included, for every YAML fixture', () => {
      let seeded = 0;
      for (const [name, text] of texts()) {
        const byGroups = parseYamlChunked(text, new YamlChunkCache(), { seedFromFullParse: false });
        const cache = new YamlChunkCache();
        const whole = parseYamlChunked(text, cache);
        if (!byGroups || byGroups.problems.length > 0) continue; // broken or unusual: not what the first-open path is for
        assert.deepEqual(whole, byGroups, name);
        if (!cache.isEmpty) seeded++;
      }
      assert.ok(seeded > 5, `${seeded} fixtures filled the cache`);
    });

    it('gives every node its own span objects (the cache moves spans in place)', () => {
      for (const [name, text] of texts()) {
        const whole = parseYamlChunked(text, new YamlChunkCache());
        if (!whole?.root) continue;
        const spans: Span[] = [];
        spansOf(whole.root, spans);
        assert.equal(new Set(spans).size, spans.length, name);
      }
    });

    it('then gives the model of a fresh full parse after edits anywhere, for every YAML fixture', () => {
      for (const [name, text] of texts()) {
        const cache = new YamlChunkCache();
        parseSource(text, { languageId: 'yaml', yamlCache: cache });
        if (cache.isEmpty) continue;
        // Shift everything (a line above), then change the last resource group only.
        const moved = `# a new first line\n${text}`;
        const changed = `${moved.trimEnd()}\n# a comment at the end\n`;
        for (const next of [moved, changed]) {
          const full = parseSource(next, { languageId: 'yaml' });
          const incremental = parseSource(next, { languageId: 'yaml', yamlCache: cache });
          assert.deepEqual(incremental?.root, full?.root, name);
          assert.deepEqual(incremental?.parseProblems, full?.parseProblems, name);
        }
      }
    });

    it('reuses the whole-text parse\'s resources for the next edit (same objects, moved)', () => {
      const cache = new YamlChunkCache();
      const text = yamlTemplate(40);
      const first = parseSource(text, { languageId: 'yaml', yamlCache: cache });
      const firstMrap = first?.resourcesById.get('Mrap12')?.body;
      assert.ok(firstMrap && !cache.isEmpty);
      const next = `Description: moves every span\n${text.replace('bench-mrap-1\n', 'bench-mrap-one\n')}`;
      const after = parseSource(next, { languageId: 'yaml', yamlCache: cache });
      assert.equal(after?.resourcesById.get('Mrap12')?.body, firstMrap);
      assert.notEqual(after?.resourcesById.get('Mrap1')?.body, first?.resourcesById.get('Mrap1')?.body);
      assert.deepEqual(after?.root, parseSource(next, { languageId: 'yaml' })?.root);
    });

    it('leaves the cache empty when resources use aliases (a group alone could not resolve them)', () => {
      const text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: &props\n      BucketName: a\n  B:\n    Type: AWS::S3::Bucket\n    Properties: *props\n';
      const cache = new YamlChunkCache();
      const first = parseSource(text, { languageId: 'yaml', yamlCache: cache });
      assert.ok(cache.isEmpty);
      assert.deepEqual(first?.root, parseSource(text, { languageId: 'yaml' })?.root);
      assert.equal(first?.resourcesById.get('B')?.body.entries[1]?.value.kind, 'unknown');
    });

    it('leaves a syntax error to the group-by-group parse, which keeps it local', () => {
      const text = yamlTemplate(400).replace('  Bucket50:\n', '  Bucket50:\n    Stat\n');
      const cache = new YamlChunkCache();
      const first = parseSource(text, { languageId: 'yaml', yamlCache: cache });
      assert.ok(first && first.parseProblems.length > 0 && !cache.isEmpty);
      assert.equal(first.resources.length, parseSource(text, { languageId: 'yaml' })?.resources.length);
    });
  });
});
