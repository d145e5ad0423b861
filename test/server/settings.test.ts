import * as assert from 'node:assert/strict';
import { matchesGlob } from '../../server/src/lsp/glob';
import { DEFAULT_SETTINGS, isIncluded, normalizeSettings } from '../../server/src/lsp/settings';

describe('lsp settings and globs', () => {
  const cases: [string, string, boolean][] = [
    ['/w/templates/stack.yaml', '**/*.yaml', true],
    ['/w/templates/stack.yml', '**/*.{yaml,yml}', true],
    ['/w/templates/stack.json', '**/*.{yaml,yml}', false],
    ['/w/node_modules/x/t.yaml', '**/node_modules/**', true],
    ['/w/src/node_modules_x/t.yaml', '**/node_modules/**', false],
    ['/w/cdk.out/Stack.template.json', 'cdk.out/**', true],
    ['/w/a/b.yaml', '*.yaml', true],
    ['/w/a/b.yaml', '/w/a/?.yaml', true],
    ['/w/a/bc.yaml', '/w/a/?.yaml', false],
    ['/w/a.b/c.yaml', '**/a?b/*.yaml', true],
  ];
  for (const [path, glob, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchesGlob(path, glob), expected));
  }

  it('null or malformed configuration means defaults; known values are kept', () => {
    assert.deepEqual(normalizeSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ enable: 'yes', rules: { a: 'loud', b: 'off' }, files: { include: 'x' }, stackRegion: ' eu-west-1 ' }), {
      ...DEFAULT_SETTINGS,
      rules: { b: 'off' },
      stackRegion: 'eu-west-1',
    });
  });

  it('include and exclude decide per document path (file URIs decoded)', () => {
    const s = normalizeSettings({ files: { include: ['**/templates/**'], exclude: ['**/old/**'] } });
    assert.equal(isIncluded(s, 'file:///w/templates/my%20stack.yaml'), true);
    assert.equal(isIncluded(s, 'file:///w/templates/old/stack.yaml'), false);
    assert.equal(isIncluded(s, 'file:///w/other/stack.yaml'), false);
    assert.equal(isIncluded(normalizeSettings({ enable: false }), 'file:///w/templates/a.yaml'), false);
    assert.equal(isIncluded(DEFAULT_SETTINGS, 'untitled:Untitled-1'), true);
  });
});
