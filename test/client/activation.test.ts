import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extension, fixtureUri, hasCode, openFixture, waitForDiagnostics } from './helpers';

// Runs first (files load in name order), before any suite calls activate() itself.
suite('Activation', () => {
  test('activates on YAML, JSON, TypeScript and JavaScript files', () => {
    const events = (extension().packageJSON as { activationEvents: string[] }).activationEvents;
    for (const language of ['yaml', 'json', 'typescript', 'javascript']) {
      assert.ok(events.includes(`onLanguage:${language}`), `activationEvents lacks onLanguage:${language}`);
    }
  });

  test('opening a YAML template starts the server and publishes diagnostics, without an explicit activate()', async () => {
    await openFixture('replication-unversioned.yaml');
    const diagnostics = await waitForDiagnostics(fixtureUri('replication-unversioned.yaml'), hasCode('replication/versioning-required'), 'replication/versioning-required');
    assert.deepEqual(diagnostics.map(codeOf), ['replication/versioning-required']);
    assert.equal(extension().isActive, true);
    assert.equal(extension().exports.serverState, 'running');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
