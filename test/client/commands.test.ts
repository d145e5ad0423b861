import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerState } from '../../client/src/api';
import { activate, hasCode, languageServerPids, openFixture, s3mrapDiagnostics, waitForDiagnostics, waitForServerState } from './helpers';

suite('Commands', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('both commands are registered with their palette titles', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('s3mrap.showOutput'));
    assert.ok(commands.includes('s3mrap.restartServer'));
    const contributed = (vscode.extensions.getExtension('s3mrap.s3mrap')?.packageJSON as { contributes: { commands: { command: string; title: string; category: string }[] } }).contributes.commands;
    const titles = contributed.map((c) => `${c.category}: ${c.title}`);
    assert.ok(titles.includes('S3 MRAP: Show Output'));
    assert.ok(titles.includes('S3 MRAP: Restart Language Server'));
  });

  test('S3 MRAP: Show Output runs without an error', async () => {
    await assert.doesNotReject(Promise.resolve(vscode.commands.executeCommand('s3mrap.showOutput')));
  });

  test('S3 MRAP: Restart Language Server stops the server (diagnostics cleared) and brings the diagnostics back', async () => {
    const api = await activate();
    const editor = await openFixture('replication-unversioned.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCode('replication/versioning-required'), 'replication/versioning-required');
    const states: ServerState[] = [];
    const listener = api.onDidChangeServerState((s) => states.push(s));
    const cleared = waitForDiagnostics(uri, (ds) => ds.length === 0, 'the stop to clear diagnostics');
    try {
      await vscode.commands.executeCommand('s3mrap.restartServer');
      await cleared;
      await waitForDiagnostics(uri, hasCode('replication/versioning-required'), 'diagnostics after the restart');
    } finally {
      listener.dispose();
    }
    assert.deepEqual(states, ['stopped', 'starting', 'running']);
    assert.equal(api.serverState, 'running');
    assert.equal(s3mrapDiagnostics(uri).length, 1);
  });

  test('a server that keeps crashing ends in the error state; Restart Language Server recovers it', async function () {
    if (process.platform !== 'linux') this.skip(); // finds the server process through /proc
    const api = await activate();
    const editor = await openFixture('replication-unversioned.yaml');
    await waitForDiagnostics(editor.document.uri, hasCode('replication/versioning-required'), 'replication/versioning-required');
    // vscode-languageclient restarts a crashed server, and gives up after 5 crashes in 3 minutes (sooner when
    // writes to the dead server fail repeatedly). Before it gives up, every crash ends in a running server.
    const settledStates: string[] = [];
    for (let crash = 1; crash <= 6 && api.serverState !== 'error'; crash++) {
      const pids = languageServerPids();
      assert.equal(pids.length, 1, `one language server process before crash ${crash}, found [${pids.join(', ')}]`);
      const left = waitForServerState(api, (s) => s !== 'running', `down after crash ${crash}`);
      process.kill(pids[0] as number, 'SIGKILL');
      await left;
      settledStates.push(await waitForServerState(api, (s) => s === 'running' || s === 'error', `restarted or given up after crash ${crash}`));
    }
    assert.equal(settledStates.at(-1), 'error', `states after each crash: ${settledStates.join(', ')}`);
    assert.ok(settledStates.slice(0, -1).every((s) => s === 'running'), `states after each crash: ${settledStates.join(', ')}`);
    assert.ok(settledStates.length >= 2, 'the first crash is restarted');
    assert.deepEqual(languageServerPids(), []);
    await vscode.commands.executeCommand('s3mrap.restartServer');
    assert.equal(api.serverState, 'running');
    await waitForDiagnostics(editor.document.uri, hasCode('replication/versioning-required'), 'diagnostics after recovering');
  });
});
