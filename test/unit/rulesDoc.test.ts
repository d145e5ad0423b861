import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/core';
import { ruleDocUrl } from '../../server/src/cli/format';
import { rulesMarkdown } from '../../tools/docs/rulesDoc';
import { REPO_ROOT } from '../support/paths';

describe('rule documentation', () => {
  it('docs/rules.md is up to date (run `npm run docs`)', () => {
    assert.equal(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8'), rulesMarkdown());
  });

  it('every rule has a readable id, a unique id, docs and an AWS source', () => {
    const ids = new Set<string>();
    for (const r of ALL_RULES) {
      assert.match(r.id, /^[a-z-]+\/[a-z0-9-]+$/, r.id);
      assert.ok(!ids.has(r.id), `duplicate ${r.id}`);
      ids.add(r.id);
      assert.ok(r.docs.length > 80, `${r.id}: docs too short`);
      assert.ok(r.sources.length > 0 && r.sources.every((s) => s.startsWith('https://')), `${r.id}: sources`);
    }
  });

  it('diagnostic links point at the rule heading', () => {
    // GitHub's anchor for the heading `## replication/versioning-required` is `#replicationversioning-required`.
    const markdown = rulesMarkdown();
    for (const r of ALL_RULES) {
      assert.ok(markdown.includes(`\n## ${r.id}\n`), `no heading for ${r.id}`);
      assert.ok(ruleDocUrl(r.id).endsWith(`#${r.id.replace('/', '')}`), r.id);
    }
  });
});
