import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { LineIndex, type Diagnostic } from '../../server/src/core';
import { toLspDiagnostic, toQuickFix } from '../../server/src/lsp/convert';

/** The core -> LSP conversions that no current rule exercises end to end (related locations). */
describe('lsp/convert', () => {
  const text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::Bucket\n';
  const lines = new LineIndex(text);
  const at = (needle: string, length = needle.length): { start: number; end: number } => ({ start: text.indexOf(needle), end: text.indexOf(needle) + length });
  const finding: Diagnostic = {
    ruleId: 'mrap/duplicate-bucket',
    severity: 'warning',
    message: 'twice',
    span: at('A:', 1),
    range: lines.rangeOf(at('A:', 1)),
    related: [{ message: 'the other one', span: at('B:', 1) }],
    fixes: [{ title: 'Remove', edits: [{ span: at('  B:\n    Type: AWS::S3::Bucket\n'), newText: '' }], preferred: true }],
  };

  it('maps related spans to relatedInformation in the same document', () => {
    const d = toLspDiagnostic(finding, 'file:///t.yaml', lines);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.code, 'mrap/duplicate-bucket');
    assert.deepEqual(d.relatedInformation, [{ location: { uri: 'file:///t.yaml', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 3 } } }, message: 'the other one' }]);
  });

  it('turns a fix into a preferred quick fix with line/character edits', () => {
    const d = toLspDiagnostic(finding, 'file:///t.yaml', lines);
    const action = toQuickFix(finding.fixes?.[0] ?? { title: '', edits: [] }, d, 'file:///t.yaml', lines);
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.edit?.changes?.['file:///t.yaml'], [{ range: { start: { line: 3, character: 0 }, end: { line: 5, character: 0 } }, newText: '' }]);
  });
});
