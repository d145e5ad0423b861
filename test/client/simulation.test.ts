import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { S3MrapApi } from '../../client/src/api';
import { activate, fixtureUri, nextRender, openFixture } from './helpers';

const PANEL_VIEW_TYPE = 's3mrap.simulation';

/** Webview tabs of the simulation panel, in every tab group. */
function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(PANEL_VIEW_TYPE));
}

suite('Routing simulation', () => {
  let api: S3MrapApi;
  suiteSetup(async () => {
    api = await activate();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a "Simulate routing" CodeLens sits above the MRAP and carries the file and logical id', async () => {
    const editor = await openFixture('simulation.yaml');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const ours = lenses.filter((l) => l.command?.command === 's3mrap.simulateRouting');
    assert.equal(ours.length, 1, `lenses: ${lenses.map((l) => l.command?.title).join(', ')}`);
    const [lens] = ours;
    assert.equal(lens!.command!.title, 'Simulate routing');
    assert.equal(lens!.range.start.line, editor.document.getText().split('\n').findIndex((l) => l.startsWith('  GlobalAssets:')));
    const [uri, logicalId] = lens!.command!.arguments as [vscode.Uri, string];
    assert.equal(uri.toString(), editor.document.uri.toString());
    assert.equal(logicalId, 'GlobalAssets');
  });

  test('no CodeLens on a template without an MRAP', async () => {
    const editor = await openFixture('replication-unversioned.yaml');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.deepEqual(lenses.filter((l) => l.command?.command === 's3mrap.simulateRouting'), []);
  });

  test('simulating from Tokyo opens the panel, and the webview routes to ap-northeast-1', async () => {
    const rendered = nextRender(api, (r) => r.name === 'acme-global' && r.from === 'Tokyo', 'acme-global from Tokyo');
    await vscode.commands.executeCommand('s3mrap.simulateRouting', { uri: fixtureUri('simulation.yaml'), mrap: 'GlobalAssets', from: 'Tokyo' });
    const result = await rendered;
    assert.equal(result.outcome, 'routed');
    assert.equal(result.chosen, 'ap-northeast-1');
    const tabs = panelTabs();
    assert.equal(tabs.length, 1, `tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    assert.equal(tabs[0]!.label, 'MRAP routing: acme-global');
    assert.equal(api.simulation.title(), 'MRAP routing: acme-global');
    assert.deepEqual(api.simulation.scenario()?.regions, [
      { region: 'us-east-1', bucket: 'acme-us-east-1', state: 'active' },
      { region: 'ap-northeast-1', bucket: 'acme-ap-northeast-1', state: 'active' },
    ]);
  });

  test('a second simulation (file as a URI string, MRAP by Name) reuses the panel: Frankfurt goes to us-east-1', async () => {
    const tokyo = nextRender(api, (r) => r.from === 'Tokyo', 'Tokyo');
    await vscode.commands.executeCommand('s3mrap.simulateRouting', { uri: fixtureUri('simulation.yaml'), mrap: 'GlobalAssets', from: 'Tokyo' });
    assert.equal((await tokyo).chosen, 'ap-northeast-1');
    const frankfurt = nextRender(api, (r) => r.from === 'Frankfurt', 'Frankfurt');
    await vscode.commands.executeCommand('s3mrap.simulateRouting', { uri: fixtureUri('simulation.yaml').toString(), mrap: 'acme-global', from: 'Frankfurt' });
    const result = await frankfurt;
    assert.equal(result.outcome, 'routed');
    assert.equal(result.chosen, 'us-east-1');
    assert.equal(panelTabs().length, 1);
  });

  test('with no template open, the MRAP is found in the workspace by its Name', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const rendered = nextRender(api, (r) => r.name === 'acme-global' && r.from === 'Seoul', 'acme-global from Seoul');
    await vscode.commands.executeCommand('s3mrap.simulateRouting', { mrap: 'acme-global', from: 'Seoul' });
    const result = await rendered;
    assert.equal(result.outcome, 'routed');
    assert.equal(result.chosen, 'ap-northeast-1');
  });

  test('a live MRAP as the explorer sends it: a passive Region gets no traffic, Tokyo goes to us-east-1', async () => {
    const rendered = nextRender(api, (r) => r.name === 'live-mrap', 'live-mrap');
    await vscode.commands.executeCommand('s3mrap.simulateRouting', {
      name: 'live-mrap',
      regions: [
        { bucket: 'live-use1', region: 'us-east-1', state: 'active' },
        { bucket: 'live-apne1', region: 'ap-northeast-1', state: 'passive' },
      ],
      from: 'Tokyo',
    });
    const result = await rendered;
    assert.equal(result.outcome, 'routed');
    assert.equal(result.chosen, 'us-east-1');
    assert.equal(panelTabs()[0]?.label, 'MRAP routing: live-mrap');
  });
});
