import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, hasCode, openFixture, revertAndClose, s3mrapDiagnostics, SOURCE, waitForDiagnostics } from './helpers';

suite('Diagnostics', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a replicating bucket without versioning gets replication/versioning-required on its ReplicationConfiguration', async () => {
    const editor = await openFixture('replication-unversioned.yaml');
    const [d, ...rest] = await waitForDiagnostics(editor.document.uri, hasCode('replication/versioning-required'), 'replication/versioning-required');
    assert.equal(rest.length, 0, 'exactly one finding');
    assert.ok(d);
    assert.equal(d.source, SOURCE);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /VersioningConfiguration/);
    assert.equal(editor.document.getText(d.range).split(':')[0], 'ReplicationConfiguration');
    assert.equal(d.range.start.line, 6);
    const target = typeof d.code === 'object' ? d.code.target.toString() : '';
    assert.match(target, /^https:\/\/.*versioning-required$/, `the code links to the rule documentation, got '${target}'`);
  });

  test('an MRAP name with uppercase letters in JSON gets mrap/name-format on the name', async () => {
    const editor = await openFixture('mrap-bad-name.json');
    const diagnostics = await waitForDiagnostics(editor.document.uri, hasCode('mrap/name-format'), 'mrap/name-format');
    assert.deepEqual(diagnostics.map(codeOf), ['mrap/name-format']);
    assert.equal(diagnostics[0]?.source, SOURCE);
    assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(editor.document.getText(diagnostics[0]?.range), /My-Global-Data/);
  });

  test('fixing the template as you type removes the diagnostic', async () => {
    const editor = await openFixture('replication-unversioned.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCode('replication/versioning-required'), 'replication/versioning-required');
    // Insert versioning right above ReplicationConfiguration (line 7, 1-based), with the same indentation.
    const ok = await editor.edit((e) => e.insert(new vscode.Position(6, 0), '      VersioningConfiguration:\n        Status: Enabled\n'));
    assert.ok(ok, 'the edit applied');
    await waitForDiagnostics(uri, (ds) => !hasCode('replication/versioning-required')(ds), 'the diagnostic to go away');
    assert.deepEqual(s3mrapDiagnostics(uri), []);
    await revertAndClose(editor);
  });
});
