import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanBlockYaml } from '../../server/src/core/sources/yamlBlockScanner';
import { parseWithJsYaml } from '../../server/src/core/sources/yamlEvents';
import { yamlTemplate } from '../../tools/bench/generate';
import { walk } from '../support/fixtures';
import { FIXTURES, REPO_ROOT } from '../support/paths';

/** js-yaml's model as JSON, or its rejection. */
function reference(text: string): string {
  try {
    return JSON.stringify(parseWithJsYaml(text)) ?? 'undefined';
  } catch (e) {
    return `rejected: ${(e as Error).message.split('\n')[0] ?? ''}`;
  }
}

/** The scanner must give exactly js-yaml's model (spans included) or bail out; never anything else. */
function agrees(text: string): 'scanned' | 'bailed' {
  const scanned = scanBlockYaml(text);
  if (scanned === undefined) return 'bailed';
  assert.equal(JSON.stringify(scanned), reference(text), `scanner and js-yaml differ on:\n${text.slice(0, 2000)}`);
  return 'scanned';
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

const INSERTS = [':', '"', "'", '!Ref ', '!Sub ', '!GetAtt ', '#', ' ', '- ', '[', ']', '{', '}', '&a ', '*a', '|', '>', '---', '? ', ',', 'null', '~', 'true', '0x1F', '1e3', '.5', '2012-10-17', "'it''s'", '\n', '!', '! ', '!!str ', '<<', '  ', ': ', 'x: ', '- x: y', '\\'];

const FLOW_INSERTS = ['[', ']', '{', '}', ',', ' ', ':', '"', "'", '!', '!Ref ', '!If ', '#', 'x', '1', '-', '?', '&', '*', '|', 'null', ', ', ': ', '{a: b}', '[c]', '!GetAtt [a, b]'];

/** Delete, duplicate, indent or dedent a line, or insert YAML punctuation into one. */
function mutate(text: string, rnd: (n: number) => number): string {
  const lines = text.split('\n');
  const count = 1 + rnd(2);
  for (let j = 0; j < count; j++) {
    const i = rnd(lines.length);
    const line = lines[i] ?? '';
    switch (rnd(6)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, line);
        break;
      case 2:
        lines[i] = ` ${line}`;
        break;
      case 3:
        lines[i] = line.slice(1);
        break;
      default: {
        const at = rnd(line.length + 1);
        lines[i] = line.slice(0, at) + (INSERTS[rnd(INSERTS.length)] ?? '') + line.slice(at);
      }
    }
  }
  return lines.join('\n');
}

describe('YAML block scanner (fast path for plain block YAML)', () => {
  const files = [
    ...walk(FIXTURES).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(FIXTURES, f)),
    ...walk(path.join(REPO_ROOT, 'examples')).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(REPO_ROOT, 'examples', f)),
  ];
  const corpus = [...files.map((f) => fs.readFileSync(f, 'utf8')), yamlTemplate(30), yamlTemplate(300)];
  // The editor's cache parses groups of resources cut out of `Resources`: indented root mappings.
  const indented = corpus.filter((t) => t.length < 20_000).map((t) => t.replace(/^(?=.)/gm, '  '));

  it('gives js-yaml\'s model or bails, for every YAML fixture, example and generated template', () => {
    const outcomes = corpus.map(agrees);
    const scanned = outcomes.filter((o) => o === 'scanned').length;
    // Most templates are plain block YAML: the scanner must actually read them, not bail on everything.
    assert.ok(scanned > corpus.length / 2, `${scanned} of ${corpus.length} read by the scanner`);
    assert.equal(outcomes[outcomes.length - 1], 'scanned', 'the generated template is read by the scanner');
  });

  it('gives js-yaml\'s model or bails for the same texts indented (as the cache\'s resource groups are)', () => {
    const outcomes = indented.map(agrees);
    assert.ok(outcomes.filter((o) => o === 'scanned').length > corpus.length / 2);
    const group = yamlTemplate(30).split('\n').slice(2, 60).join('\n').replace(/\n {2}\S[^]*$/, '\n');
    assert.match(group, /^ {2}Bucket0:\n/);
    assert.equal(agrees(group), 'scanned');
  });

  it('gives js-yaml\'s model or bails, for 1,500 mutated templates (lines deleted, duplicated, indented, punctuation inserted)', () => {
    const rnd = random(20261125);
    const small = corpus.filter((t) => t.length < 20_000);
    let scanned = 0;
    for (let i = 0; i < 1500; i++) {
      const source = rnd(4) === 0 ? indented : small;
      if (agrees(mutate(source[rnd(source.length)] ?? '', rnd)) === 'scanned') scanned++;
    }
    assert.ok(scanned > 100, `${scanned} mutated texts read by the scanner`);
  });

  it('gives js-yaml\'s model or bails, for 1,000 templates with a flow collection edited character by character', () => {
    const rnd = random(7);
    const withFlow = corpus.filter((t) => /[[{]/.test(t) && t.length < 20_000);
    assert.ok(withFlow.length > 5);
    let scanned = 0;
    for (let i = 0; i < 1000; i++) {
      const lines = (withFlow[rnd(withFlow.length)] ?? '').split('\n');
      const flowLines = lines.flatMap((l, n) => (/[[{]/.test(l) ? [n] : []));
      const n = flowLines[rnd(flowLines.length)] ?? 0;
      for (let k = 1 + rnd(2); k > 0; k--) {
        const line = lines[n] ?? '';
        const at = rnd(line.length + 1);
        lines[n] = rnd(3) === 0 ? line.slice(0, at) + line.slice(at + 1) : line.slice(0, at) + (FLOW_INSERTS[rnd(FLOW_INSERTS.length)] ?? '') + line.slice(at);
      }
      if (agrees(lines.join('\n')) === 'scanned') scanned++;
    }
    assert.ok(scanned > 200, `${scanned} edited texts read by the scanner`);
  });

  const bails: [string, string][] = [
    ['flow collections over several lines', 'A: [1,\n  2]\n'],
    ['comments inside flow collections', 'A: [1, # one\n  2]\n'],
    ['trailing commas', 'A: [1, 2, ]\n'],
    ['pairs in flow sequences', 'A: [a: 1]\n'],
    ['anchors and aliases', 'A: &x a\nB: *x\n'],
    ['block scalars', 'A: |\n  text\n'],
    ['multi-line plain scalars', 'A: one\n  two\n'],
    ['escapes in double quotes', 'A: "a\\nb"\n'],
    ['a text without a final line break', 'A: 1'],
    ['tabs', 'A:\n\tB: 1\n'],
    ['CRLF line breaks', 'A: 1\r\nB: 2\r\n'],
    ['document markers', '---\nA: 1\n'],
    ['duplicate keys', 'A: 1\nA: 2\n'],
    ['duplicate keys in a long mapping', `${Array.from({ length: 14 }, (_, i) => `K${i}: ${i}\n`).join('')}K1: again\n`],
    ['duplicate keys in a flow mapping', 'A: {B: 1, B: 2}\n'],
    ['unknown tags', 'A: !Foo x\n'],
    ['non-string keys', '1: a\n'],
    ['complex keys', '? A\n: 1\n'],
    ['deep nesting (js-yaml stops at 100 levels)', Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}K:\n`).join('') + `${' '.repeat(120)}K: 1\n`],
    ['deep flow nesting', `A: ${'['.repeat(120)}1${']'.repeat(120)}\n`],
  ];
  for (const [what, text] of bails) {
    it(`bails out on ${what}`, () => assert.equal(scanBlockYaml(text), undefined));
  }

  it('reads a tagged scalar as the string written (an explicit tag means no implicit typing), like js-yaml', () => {
    const text = 'A: !Ref 123\nB: 123\nC: !Sub true\n';
    assert.equal(agrees(text), 'scanned');
    const root = scanBlockYaml(text);
    assert.ok(root?.kind === 'object');
    const [a, b] = root.entries;
    assert.equal(a?.value.kind === 'intrinsic' && a.value.arg.kind, 'string');
    assert.equal(b?.value.kind, 'number');
  });

  it('keeps a trailing comment inside the span of the mapping it ends, like js-yaml', () => {
    const text = 'A:\n  B: 1   # note\n  # only a comment\nC:\n- x\n- y: 2\n  z: 3\n';
    assert.equal(agrees(text), 'scanned');
  });
});
