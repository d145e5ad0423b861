import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValueNode } from '../../server/src/core';
import { parseYamlFast } from '../../server/src/core/sources/yamlEvents';
import { parseYamlTolerant } from '../../server/src/core/sources/yamlTolerant';
import { walk } from '../support/fixtures';
import { FIXTURES } from '../support/paths';

/** A comparable view of a node: kinds, values and the exact source text of every span. */
function shape(text: string, n: ValueNode | undefined): unknown {
  if (!n) return undefined;
  const src = text.slice(n.span.start, n.span.end);
  switch (n.kind) {
    case 'object':
      return { obj: n.entries.map((e) => [e.key, text.slice(e.keySpan.start, e.keySpan.end), shape(text, e.value)]), src };
    case 'array':
      return { arr: n.items.map((i) => shape(text, i)), src };
    case 'intrinsic':
      return { fn: n.fn, style: n.style, name: text.slice(n.nameSpan.start, n.nameSpan.end), arg: shape(text, n.arg), src };
    case 'string':
      return { s: n.value, quote: n.quote, src };
    case 'number':
    case 'boolean':
      return { v: n.value, src };
    case 'null':
      return { null: true };
    case 'unknown':
      return { unknown: n.reason.startsWith('YAML alias') ? 'alias' : n.reason };
  }
}

describe('YAML readers', () => {
  const files = walk(FIXTURES).filter((f) => /\.ya?ml$/.test(f));
  it('has YAML fixtures to compare', () => assert.ok(files.length > 0));
  for (const f of files) {
    it(`fast and forgiving readers agree on ${f}`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
      let fast: ValueNode | undefined;
      try {
        fast = parseYamlFast(text);
      } catch {
        return; // invalid YAML fixtures only go through the forgiving reader
      }
      const tolerant = parseYamlTolerant(text);
      assert.deepEqual(shape(text, fast), shape(text, tolerant.root));
    });
  }

  const cases: { name: string; text: string; check: (text: string, root: ValueNode | undefined) => void }[] = [
    {
      name: 'short-form tags keep their tag span and argument',
      text: 'A: !GetAtt Bucket.Arn\nB: !Sub\n  - "${X}"\n  - X: 1\n',
      check: (text, root) => {
        const a = root?.kind === 'object' ? root.entries[0]?.value : undefined;
        assert.equal(a?.kind, 'intrinsic');
        if (a?.kind !== 'intrinsic') return;
        assert.equal(a.fn, 'Fn::GetAtt');
        assert.equal(text.slice(a.nameSpan.start, a.nameSpan.end), '!GetAtt');
        assert.equal(text.slice(a.arg.span.start, a.arg.span.end), 'Bucket.Arn');
      },
    },
    {
      name: 'long-form intrinsics are intrinsics',
      text: 'A:\n  Fn::GetAtt: [B, Arn]\nC: {Ref: D}\n',
      check: (_t, root) => {
        assert.ok(root?.kind === 'object');
        if (root?.kind !== 'object') return;
        assert.deepEqual(root.entries.map((e) => (e.value.kind === 'intrinsic' ? e.value.fn : e.value.kind)), ['Fn::GetAtt', 'Ref']);
      },
    },
    {
      name: 'aliases are unknown values, never expanded',
      text: 'a: &x [1, 2]\nb: *x\n',
      check: (_t, root) => {
        assert.ok(root?.kind === 'object');
        if (root?.kind !== 'object') return;
        assert.equal(root.entries[1]?.value.kind, 'unknown');
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      c.check(c.text, parseYamlFast(c.text));
      c.check(c.text, parseYamlTolerant(c.text).root);
    });
  }
});

describe('YAML spans', () => {
  it('a mapping ends at its last value, not at a trailing comment', () => {
    const text = 'Outer:\n  A: 1\n  # trailing note\n# another\nB: 2\n';
    for (const root of [parseYamlFast(text), parseYamlTolerant(text).root]) {
      const outer = root?.kind === 'object' ? root.entries[0]?.value : undefined;
      assert.equal(outer && text.slice(outer.span.start, outer.span.end), 'A: 1');
    }
  });
});
