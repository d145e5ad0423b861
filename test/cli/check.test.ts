import * as assert from 'node:assert/strict';
import { runCli } from '../support/cli';

const MISTAKES = 'test/fixtures/cli/mistakes.yaml';
const CLEAN = 'test/fixtures/cli/clean.json';
const NOT_OURS = 'test/fixtures/cli/not-a-template.yaml';

interface JsonReport {
  version: number;
  files: { file: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
}

describe('s3mrap check (CLI)', () => {
  it('exits 1 and prints findings with file:line:column when errors are found', () => {
    const r = runCli(['check', MISTAKES]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /mistakes\.yaml:8:7: error .*\[replication\/versioning-required\]/);
    assert.match(r.stdout, /mistakes\.yaml:34:13: error MRAP name 'Global_Data' is invalid.*\[mrap\/name-format\]/);
  });

  it('exits 0 on a clean file', () => {
    const r = runCli(['check', CLEAN]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 file checked: 0 error/);
  });

  it('--format json prints exactly the documented shape, 0-based positions, paths as given', () => {
    const r = runCli(['check', '--format', 'json', MISTAKES, CLEAN]);
    assert.equal(r.status, 1);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(Object.keys(report), ['version', 'files']);
    assert.equal(report.version, 1);
    assert.deepEqual(report.files.map((f) => f.file), [MISTAKES, CLEAN]);
    const first = report.files[0]?.diagnostics.find((d) => d.code === 'mrap/name-format');
    assert.deepEqual(first && Object.keys(first), ['code', 'severity', 'message', 'range']);
    assert.deepEqual(first?.range, { start: { line: 33, character: 12 }, end: { line: 33, character: 23 } });
    assert.equal(first?.severity, 'error');
    assert.deepEqual(report.files[1]?.diagnostics, []);
  });

  it('--format sarif prints SARIF 2.1.0 with rules, help and 1-based regions', () => {
    const r = runCli(['check', '--format', 'sarif', MISTAKES]);
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run);
    const result = run.results.find((x) => x.ruleId === 'mrap/name-format');
    assert.ok(result);
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0]?.physicalLocation.region, { startLine: 34, startColumn: 13, endLine: 34, endColumn: 24 });
    assert.equal(result.locations[0]?.physicalLocation.artifactLocation.uri, MISTAKES);
    assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, 'mrap/name-format');
    assert.ok(run.tool.driver.rules.every((rule) => rule.help.text.length > 20));
  });

  it('walks folders, skipping files that are not templates silently', () => {
    const r = runCli(['check', '--format', 'json', 'test/fixtures/cli']);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.file).sort(), ['test/fixtures/cli/clean.json', 'test/fixtures/cli/mistakes.yaml']);
  });

  it('reports a named file that is not a template (text mode) and exits 0', () => {
    const r = runCli(['check', NOT_OURS]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /not-a-template\.yaml: skipped, not a CloudFormation/);
  });

  it('exits 2 with a clear message for usage and I/O problems', () => {
    const missing = runCli(['check', 'no/such/file.yaml']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read 'no\/such\/file\.yaml'/);
    const badFormat = runCli(['check', '--format', 'xml', CLEAN]);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format must be text, json or sarif/);
    assert.equal(runCli(['frobnicate']).status, 2);
    assert.equal(runCli(['check']).status, 2);
  });
});
