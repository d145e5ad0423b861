import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { MrapsInDocumentRequest } from '../../server/src/protocol';
import { LspTestClient, withCursor } from '../../tools/lspClient';
import { FIXTURES } from '../support/paths';

interface CompletionCase {
  file: string;
  includes?: string[];
  excludes?: string[];
  exactly?: string[];
  first?: string;
  /** Not a CloudFormation template: no proposals at all. */
  none?: boolean;
  /** Label -> the text the item inserts. */
  inserts?: Record<string, string>;
}

interface HoverCase {
  file: string;
  includes: string[];
}

const LSP_FIXTURES = path.join(FIXTURES, 'lsp');
const readCases = <T>(dir: string): T[] => JSON.parse(fs.readFileSync(path.join(LSP_FIXTURES, dir, 'cases.json'), 'utf8')) as T[];

describe('language server over stdio: completion, hover, navigation', function () {
  let client: LspTestClient;
  let n = 0;
  const uriFor = (file: string): string => `file:///workspace/${n++}/${file}`;

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  async function openFixture(dir: string, file: string): Promise<{ uri: string; position: { line: number; character: number }; text: string }> {
    const { text, position } = withCursor(fs.readFileSync(path.join(LSP_FIXTURES, dir, file), 'utf8'));
    const uri = uriFor(file);
    const version = await client.open(uri, text, file.endsWith('.json') ? 'json' : 'yaml');
    // Wait for the first analysis, as an editor would have it before the user asks for completion
    // (documents that are not templates get no diagnostics: a template opened after them is the signal).
    if (file.includes('-none')) await client.openAndWait(uriFor('signal.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
    else await client.diagnosticsFor(uri, version);
    return { uri, position, text };
  }

  describe('completion at $0 markers (test/fixtures/lsp/completion)', () => {
    for (const c of readCases<CompletionCase>('completion')) {
      it(c.file, async () => {
        const { uri, position } = await openFixture('completion', c.file);
        const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList | null;
        if (c.none) {
          assert.deepEqual(result?.items ?? [], []);
          return;
        }
        assert.ok(result, 'expected a completion list');
        const items: CompletionItem[] = [...result.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        const labels = items.map((i) => i.label);
        for (const l of c.includes ?? []) assert.ok(labels.includes(l), `missing ${l} in ${labels.join(', ')}`);
        for (const l of c.excludes ?? []) assert.ok(!labels.includes(l), `unexpected ${l} in ${labels.join(', ')}`);
        if (c.exactly) assert.deepEqual([...labels].sort(), [...c.exactly].sort());
        if (c.first) assert.equal(labels[0], c.first);
        for (const [label, text] of Object.entries(c.inserts ?? {})) {
          const edit = items.find((i) => i.label === label)?.textEdit;
          assert.equal(edit && 'range' in edit ? edit.newText : undefined, text, label);
        }
        await client.close(uri);
      });
    }
  });

  describe('hover at $0 markers (test/fixtures/lsp/hover)', () => {
    for (const c of readCases<HoverCase>('hover')) {
      it(c.file, async () => {
        const { uri, position } = await openFixture('hover', c.file);
        const result = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover | null;
        assert.ok(result, 'expected a hover');
        const value = (result.contents as MarkupContent).value;
        for (const s of c.includes) assert.ok(value.includes(s), `hover lacks "${s}":\n${value}`);
        await client.close(uri);
      });
    }
  });

  const NAV = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  Source:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      VersioningConfiguration:',
    '        Status: Enabled',
    '      ReplicationConfiguration:',
    '        Role: !GetAtt Role.Arn',
    '        Rules:',
    '          - Id: to-dest',
    '            Status: Enabled',
    '            Destination:',
    '              Bucket: !GetAtt Dest.Arn',
    '  Dest:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      BucketName: dest-bucket',
    '      VersioningConfiguration:',
    '        Status: Enabled',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '  Mrap:',
    '    Type: AWS::S3::MultiRegionAccessPoint',
    '    Properties:',
    '      Regions:',
    '        - Bucket: !Ref Source',
    '        - Bucket: !Ref Dest',
    'Outputs:',
    '  Arn:',
    "    Value: !Sub 'arn:aws:s3::${AWS::AccountId}:accesspoint/${Mrap.Alias}'",
    '',
  ].join('\n');
  const lines = NAV.split('\n');
  const pos = (needle: string, delta = 0): { line: number; character: number } => {
    const line = lines.findIndex((l) => l.includes(needle));
    return { line, character: (lines[line] ?? '').indexOf(needle) + delta };
  };

  it('goes to the definition of !GetAtt, !Ref and ${} in !Sub', async () => {
    const uri = uriFor('nav.yaml');
    await client.openAndWait(uri, NAV);
    const cases: [{ line: number; character: number }, number][] = [
      [pos('!GetAtt Dest.Arn', 9), lines.indexOf('  Dest:')],
      [pos('!Ref Source', 6), lines.indexOf('  Source:')],
      [pos('${Mrap.Alias}', 3), lines.indexOf('  Mrap:')],
      [pos('!GetAtt Role.Arn', 9), lines.indexOf('  Role:')],
    ];
    for (const [position, line] of cases) {
      const loc = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as Location | null;
      assert.ok(loc, `no definition at ${JSON.stringify(position)}`);
      assert.equal(loc.range.start.line, line);
      assert.equal(loc.range.start.character, 2);
    }
  });

  it('finds the references of a resource from its declaration', async () => {
    const uri = uriFor('refs.yaml');
    await client.openAndWait(uri, NAV);
    const locs = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: { line: lines.indexOf('  Dest:'), character: 3 },
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(
      locs.map((l) => l.range.start.line).sort((a, b) => a - b),
      [lines.indexOf('  Dest:'), pos('!GetAtt Dest.Arn').line, pos('!Ref Dest').line].sort((a, b) => a - b),
    );
    const mrapRefs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: pos('${Mrap.Alias}', 3), context: { includeDeclaration: false } })) as Location[];
    assert.equal(mrapRefs.length, 1);
    assert.equal(lines[mrapRefs[0]?.range.start.line ?? -1]?.slice(mrapRefs[0]?.range.start.character, mrapRefs[0]?.range.end.character), 'Mrap');
  });

  it('lists MRAPs, buckets with their replication rules, and roles as document symbols', async () => {
    const uri = uriFor('symbols.yaml');
    await client.openAndWait(uri, NAV);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Source', 'Dest', 'Role', 'Mrap'],
    );
    const source = symbols[0];
    assert.deepEqual(source?.children?.map((c) => [c.name, c.detail]), [['to-dest', 'replicates to Dest']]);
  });

  it('answers s3mrap/mrapsInDocument with the MRAP under the cursor and its buckets', async () => {
    const uri = uriFor('mraps.yaml');
    await client.openAndWait(uri, NAV);
    const all = await client.connection.sendRequest(MrapsInDocumentRequest, { uri });
    assert.equal(all.length, 1);
    const here = await client.connection.sendRequest(MrapsInDocumentRequest, { uri, position: pos('!Ref Dest', 5) });
    assert.deepEqual(here[0]?.regions, [
      { bucket: 'Source', bucketLogicalId: 'Source' },
      { bucket: 'dest-bucket', bucketLogicalId: 'Dest' },
    ]);
    assert.equal(here[0]?.logicalId, 'Mrap');
    assert.equal(here[0]?.range.start.line, lines.indexOf('  Mrap:'));
  });
});
