import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DiagnosticSeverity,
  HoverRequest,
  LSPErrorCodes,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { MrapsInDocumentRequest } from '../../server/src/protocol';
import { applyEdits, LspTestClient } from '../../tools/lspClient';
import { FIXTURES } from '../support/paths';

const RULE = 'replication/versioning-required';
const BAD = fs.readFileSync(path.join(FIXTURES, 'rules', 'replication', 'versioning-required', 'bad.yaml'), 'utf8');
const BAD_JSON = fs.readFileSync(path.join(FIXTURES, 'rules', 'replication', 'versioning-required', 'bad.json'), 'utf8');
const GOOD = fs.readFileSync(path.join(FIXTURES, 'rules', 'replication', 'versioning-required', 'good.yaml'), 'utf8');
const NOT_OURS = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rules\ndata:\n  Rules: none\n';

const ofRule = (ds: readonly Diagnostic[], rule = RULE): Diagnostic[] => ds.filter((d) => d.code === rule);

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, `action "${action.title}" has no edits for ${uri}`);
  return edits;
}

describe('language server over stdio: diagnostics, settings, quick fixes, robustness', function () {
  let client: LspTestClient;
  let n = 0;
  const uriFor = (file: string): string => `file:///workspace/diag${n++}/${file}`;

  beforeEach(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  afterEach(async () => client.stop());

  it('publishes findings on open with rule code, doc link and source; a null configuration means defaults', async () => {
    const uri = uriFor('bad.yaml');
    const ds = await client.openAndWait(uri, BAD);
    assert.ok(client.configurationRequests > 0, 'the server should pull s3mrap settings');
    const found = ofRule(ds);
    assert.equal(found.length, 2);
    for (const d of found) {
      assert.equal(d.source, 's3mrap');
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.match(d.codeDescription?.href ?? '', /^https:\/\/.+#replicationversioning-required$/);
    }
    assert.deepEqual(found[0]?.range.start, { line: 5, character: 6 });
  });

  it('re-analyzes on every change and publishes for the edited version', async () => {
    const uri = uriFor('edit.yaml');
    assert.equal(ofRule(await client.openAndWait(uri, GOOD)).length, 0);
    const v2 = await client.change(uri, [{ text: BAD }]);
    assert.equal(ofRule((await client.diagnosticsFor(uri, v2)).diagnostics).length, 2);
    // An incremental edit: `Status: Suspended` -> `Status: Enabled` on the second bucket.
    const line = BAD.split('\n').findIndex((l) => l.includes('Status: Suspended'));
    const col = (BAD.split('\n')[line] ?? '').indexOf('Suspended');
    const v3 = await client.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col + 'Suspended'.length } }, text: 'Enabled' }]);
    assert.equal(ofRule((await client.diagnosticsFor(uri, v3)).diagnostics).length, 1);
  });

  it('debounces quick edits: only the last version is published', async () => {
    const uri = uriFor('quick.yaml');
    await client.openAndWait(uri, GOOD);
    const v2 = await client.change(uri, [{ text: BAD }]);
    const v3 = await client.change(uri, [{ text: GOOD }]);
    const last = await client.diagnosticsFor(uri, v3);
    assert.equal(ofRule(last.diagnostics).length, 0);
    assert.ok(!client.published.some((p) => p.uri === uri && p.version === v2), 'a superseded version was published');
  });

  it('a quick fix edit re-analyzes clean of that finding and touches nothing else', async () => {
    const uri = uriFor('fix.yaml');
    const ds = ofRule(await client.openAndWait(uri, BAD));
    const target = ds[0];
    assert.ok(target);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    })) as CodeAction[];
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, `one preferred fix expected: ${actions.map((a) => a.title).join(', ')}`);
    const fixed = applyEdits(BAD, editsOf(preferred[0] as CodeAction, uri));
    // One block of lines was inserted; every other line is untouched.
    const before = BAD.split('\n');
    const now = fixed.split('\n');
    const at = now.findIndex((l, i) => l !== before[i]);
    const inserted = now.length - before.length;
    assert.ok(at >= 0 && inserted > 0);
    assert.deepEqual([...now.slice(0, at), ...now.slice(at + inserted)], before);
    const v2 = await client.change(uri, [{ text: fixed }]);
    const after = ofRule((await client.diagnosticsFor(uri, v2)).diagnostics);
    assert.equal(after.length, 1);
    assert.notDeepEqual(after[0]?.range, target.range);
  });

  it('fix-all (source.fixAll.s3mrap) fixes every safe finding at once, also in JSON', async () => {
    for (const [file, text, lang] of [['all.yaml', BAD, 'yaml'], ['all.json', BAD_JSON, 'json']] as const) {
      const uri = uriFor(file);
      assert.ok(ofRule(await client.openAndWait(uri, text, lang)).length > 0);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.s3mrap'] },
      })) as CodeAction[];
      assert.equal(actions.length, 1);
      const v2 = await client.change(uri, [{ text: applyEdits(text, editsOf(actions[0] as CodeAction, uri)) }]);
      const after = (await client.diagnosticsFor(uri, v2)).diagnostics;
      assert.deepEqual(ofRule(after), [], file);
      assert.deepEqual(ofRule(after, 'syntax/parse-error'), [], `${file}: the fix broke the syntax`);
    }
  });

  it('per-rule settings: "off" removes the finding, a level overrides the severity', async () => {
    const uri = uriFor('rules.yaml');
    assert.equal(ofRule(await client.openAndWait(uri, BAD)).length, 2);
    client.configuration = (p) => p.items.map(() => ({ rules: { [RULE]: 'warning' } }));
    let next = client.nextDiagnostics(uri);
    await client.changeConfiguration();
    const warned = ofRule((await next).diagnostics);
    assert.equal(warned.length, 2);
    assert.ok(warned.every((d) => d.severity === DiagnosticSeverity.Warning));
    client.configuration = (p) => p.items.map(() => ({ rules: { [RULE]: 'off' } }));
    next = client.nextDiagnostics(uri);
    await client.changeConfiguration();
    assert.deepEqual(ofRule((await next).diagnostics), []);
  });

  it('s3mrap.stackRegion reaches the analysis (the Region of the MRAP buckets in s3mrap/mrapsInDocument)', async () => {
    client.configuration = (p) => p.items.map(() => ({ stackRegion: 'eu-west-1' }));
    const uri = uriFor('region.yaml');
    const text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n  M:\n    Type: AWS::S3::MultiRegionAccessPoint\n    Properties:\n      Regions:\n        - Bucket: !Ref B\n";
    await client.openAndWait(uri, text);
    const mraps = await client.connection.sendRequest(MrapsInDocumentRequest, { uri });
    assert.deepEqual(mraps[0]?.regions, [{ bucket: 'B', bucketLogicalId: 'B', region: 'eu-west-1' }]);
  });

  it('s3mrap.enable false clears the findings', async () => {
    const uri = uriFor('enable.yaml');
    assert.ok((await client.openAndWait(uri, BAD)).length > 0);
    client.configuration = (p) => p.items.map(() => ({ enable: false }));
    const next = client.nextDiagnostics(uri);
    await client.changeConfiguration();
    assert.deepEqual((await next).diagnostics, []);
  });

  it('files that are not ours, or excluded by s3mrap.files.exclude, get nothing', async () => {
    client.configuration = (p) => p.items.map(() => ({ files: { exclude: ['**/generated/**'] } }));
    const notOurs = uriFor('configmap.yaml');
    const excluded = 'file:///workspace/generated/bad.yaml';
    await client.open(notOurs, NOT_OURS);
    await client.open(excluded, BAD);
    // Documents are validated in order: once a later one is published, the earlier ones are done.
    const probe = uriFor('probe.yaml');
    assert.ok((await client.openAndWait(probe, BAD)).length > 0);
    assert.deepEqual(
      client.published.filter((p) => p.uri === notOurs || p.uri === excluded),
      [],
    );
  });

  it('honours cancellation: a cancelled request answers RequestCancelled and the server goes on', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    client.configuration = async (p) => {
      await gate;
      return p.items.map(() => null);
    };
    const uri = uriFor('cancel.yaml');
    await client.open(uri, BAD);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 8 } }, source.token);
    source.cancel();
    release();
    await assert.rejects(pending, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 8 } });
    assert.ok(hover, 'the next hover is answered');
  });

  it('a malformed request gets an error, not a crash', async () => {
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }));
    const uri = uriFor('alive.yaml');
    assert.ok((await client.openAndWait(uri, BAD)).length > 0);
    assert.ok(client.alive);
  });
});
