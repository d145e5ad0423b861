import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeActionsAt, codeOf, hasCode, openFixture, revertAndClose, waitForDiagnostics } from './helpers';

/** Quick fix, completion and hover through VS Code's provider commands, as the editor asks for them. */
suite('Editor features', () => {
  let capabilities: Readonly<Record<string, unknown>> | undefined;
  suiteSetup(async () => {
    capabilities = (await activate()).serverCapabilities;
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  const requireProvider = (_ctx: Mocha.Context, provider: string): void => {
    assert.ok(capabilities?.[provider], `the language server should offer ${provider}`);
  };

  test('quick fix for replication/versioning-required adds VersioningConfiguration and clears the error', async function () {
    requireProvider(this, 'codeActionProvider');
    const editor = await openFixture('replication-unversioned.yaml');
    const uri = editor.document.uri;
    const [diagnostic] = await waitForDiagnostics(uri, hasCode('replication/versioning-required'), 'replication/versioning-required');
    assert.ok(diagnostic);
    // The last argument resolves up to 10 actions, for servers that compute edits in codeAction/resolve.
    const actions = await codeActionsAt(uri, diagnostic.range);
    const forDiagnostic = (a: vscode.CodeAction): boolean =>
      a.diagnostics?.some((d) => codeOf(d) === 'replication/versioning-required') ?? /versioning/i.test(a.title);
    const fix = actions.find((a) => forDiagnostic(a) && a.edit);
    assert.ok(fix?.edit, `a quick fix with an edit for the diagnostic; got: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /VersioningConfiguration:\s*\n\s*Status: Enabled/);
    await waitForDiagnostics(uri, (ds) => !hasCode('replication/versioning-required')(ds), 'the diagnostic to go away after the fix');
    await revertAndClose(editor);
  });

  test('completion inside MRAP Properties offers the missing properties, not the ones already there', async function () {
    requireProvider(this, 'completionProvider');
    const editor = await openFixture('mrap.yaml');
    // A new, empty property line after `Name: global-data` (line 7, 1-based), indented like its siblings.
    const nameLine = editor.document.lineAt(6);
    assert.match(nameLine.text, /^ {6}Name: global-data$/);
    assert.ok(await editor.edit((e) => e.insert(nameLine.range.end, '\n      ')));
    const position = new vscode.Position(7, 6);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    try {
      assert.ok(labels.includes('PublicAccessBlockConfiguration'), `completion labels: ${labels.slice(0, 30).join(', ')}`);
      assert.ok(!labels.includes('Regions') && !labels.includes('Name'), `already present, still offered: ${labels.join(', ')}`);
    } finally {
      await revertAndClose(editor);
    }
  });

  test('hover on Regions mentions the limit of 17 Regions', async function () {
    requireProvider(this, 'hoverProvider');
    const editor = await openFixture('mrap.yaml');
    const line = editor.document.lineAt(7);
    assert.match(line.text, /^ {6}Regions:$/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(7, 8));
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /\b17\b/, `hover text: ${text}`);
  });
});
