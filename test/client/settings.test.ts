import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, hasCode, openFixture, revertAndClose, waitForDiagnostics } from './helpers';

suite('Settings', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the S3 MRAP settings are contributed with their defaults', () => {
    const config = vscode.workspace.getConfiguration('s3mrap');
    const defaults = Object.fromEntries(
      ['enable', 'rules', 'files.include', 'files.exclude', 'stackRegion', 'trace.server'].map((key) => [key, config.inspect(key)?.defaultValue]),
    );
    assert.deepEqual(defaults, {
      enable: true,
      rules: {},
      'files.include': [],
      'files.exclude': ['**/node_modules/**', '**/cdk.out/**'],
      stackRegion: '',
      'trace.server': 'off',
    });
  });

  test('turning a rule off, then the whole extension off, removes diagnostics; turning them back on restores them', async () => {
    const editor = await openFixture('replication-unversioned.yaml');
    const uri = editor.document.uri;
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('s3mrap');
    const rule = 'replication/versioning-required';
    try {
      await waitForDiagnostics(uri, hasCode(rule), rule);
      await config().update('rules', { [rule]: 'off' }, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, (ds) => !hasCode(rule)(ds), `${rule} to go away when it is off`);
      await config().update('rules', undefined, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, hasCode(rule), `${rule} back`);
      await config().update('enable', false, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics while s3mrap is disabled');
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Global);
      await config().update('enable', undefined, vscode.ConfigurationTarget.Global);
      await revertAndClose(editor);
    }
    await waitForDiagnostics(uri, () => true, 'settings restored');
  });
});
