import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parseSource, YamlChunkCache, type Template } from '../../server/src/core';
import { yamlTemplate } from '../../tools/bench/generate';

/** A full collection, as `global.gc` would do (mocha runs without --expose-gc). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

describe('YAML parse cache memory', () => {
  it('keeps no old version of the document alive through the chunks it parsed again', function () {
    this.timeout(60_000);
    const cache = new YamlChunkCache();
    let text = yamlTemplate(2000);
    let template: Template | undefined = parseSource(text, { languageId: 'yaml', yamlCache: cache });
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    // Thirty edits, each in another resource, as an editor would send them: every version is a new string.
    for (let i = 0; i < 30; i++) {
      text = text.replace(`bench-mrap-${i * 20}\n`, `bench-mrap-${i * 20}-edited-name\n`);
      template = parseSource(text, { languageId: 'yaml', yamlCache: cache });
    }
    collectGarbage();
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(template?.resourcesById.get('Mrap0'));
    // Each version is ~1.3 MB; holding on to them would be ~40 MB.
    assert.ok(grown < 10e6, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 30 edits`);
  });
});
