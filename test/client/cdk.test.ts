import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeActionsAt, codeOf, hasCode, openFixture, revertAndClose, waitForDiagnostics } from './helpers';

/** An AWS CDK app in the editor: the mistake underlined at the prop, fixed CDK-style from the light bulb. */
suite('AWS CDK', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('a replicating L2 bucket without versioned: true is reported on replicationRules and fixed with versioned: true', async () => {
    const editor = await openFixture('cdk-app.ts');
    const uri = editor.document.uri;
    try {
      const [d] = await waitForDiagnostics(uri, hasCode('replication/versioning-required'), 'replication/versioning-required in the CDK app');
      assert.ok(d);
      assert.equal(editor.document.getText(d.range), 'replicationRules');
      const actions = await codeActionsAt(uri, d.range);
      const fix = actions.find((a) => a.edit && (a.diagnostics?.some((x) => codeOf(x) === 'replication/versioning-required') ?? /versioning/i.test(a.title)));
      assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(editor.document.getText(), /versioned: true,\n\}\);/);
      await waitForDiagnostics(uri, (ds) => !hasCode('replication/versioning-required')(ds), 'the diagnostic to go away after the fix');
    } finally {
      await revertAndClose(editor);
    }
  });
});
