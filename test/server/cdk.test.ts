import * as assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyEdits, LspTestClient } from '../../tools/lspClient';

/** A CDK app opened in the editor: diagnostics at the prop, and the CDK-style quick fix. */
const APP = `import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';

const app = new App();
const stack = new Stack(app, 'Data', { env: { region: 'eu-west-1' } });
const replica = new s3.Bucket(stack, 'Replica', { versioned: true });
new s3.Bucket(stack, 'Source', {
  replicationRules: [{ destination: replica, priority: 1 }],
});
`;
const RULE = 'replication/versioning-required';

describe('language server over stdio: AWS CDK TypeScript', function () {
  let client: LspTestClient;
  beforeEach(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  afterEach(async () => client.stop());

  it('reports the mistake on the replicationRules prop and fixes it with versioned: true', async () => {
    const uri = 'file:///workspace/cdk/bin/app.ts';
    const ds = await client.openAndWait(uri, APP, 'typescript');
    const d = ds.find((x: Diagnostic) => x.code === RULE);
    assert.ok(d, JSON.stringify(ds));
    assert.deepEqual(d.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 18 } });
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[] | null;
    const fix = actions?.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uri]);
    assert.ok(fix, JSON.stringify(actions));
    const fixed = applyEdits(APP, fix.edit?.changes?.[uri] ?? []);
    assert.match(fixed, /replicationRules: \[\{ destination: replica, priority: 1 \}\],\n {2}versioned: true,\n\}\);/);
    const version = await client.change(uri, [{ text: fixed }]);
    const after = (await client.diagnosticsFor(uri, version)).diagnostics;
    assert.deepEqual(after.filter((x: Diagnostic) => x.code === RULE), []);
  });

  it('publishes nothing for TypeScript that does not use aws-cdk-lib', async () => {
    const plain = 'file:///workspace/cdk/lib/util.ts';
    await client.open(plain, 'export const s3 = { versioned: false, replicationRules: [] };\n', 'typescript');
    // Documents are validated in order: once a later one is published, the earlier one is done.
    assert.ok((await client.openAndWait('file:///workspace/cdk/bin/app.ts', APP, 'typescript')).length > 0);
    assert.deepEqual(client.published.filter((p) => p.uri === plain), []);
  });
});
