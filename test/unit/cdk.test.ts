import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, fixWorks } from '../../server/src/core';
import { FIXTURES } from '../support/paths';

/** The same mistake (an unversioned replicating bucket) in every import style CDK users write. */
const BODY = (s3: string, bucket: string) => `
const app = new App();
const stack = new Stack(app, 'S', { env: { region: 'us-east-1' } });
const dest = new ${bucket}(stack, 'Dest', { versioned: true });
new ${bucket}(stack, 'Src', { replicationRules: [{ destination: dest, priority: 1 }] });
void ${JSON.stringify(s3)};
`;

const STYLES: { name: string; file: string; head: string; bucket: string }[] = [
  { name: 'namespace import of aws-cdk-lib/aws-s3', file: 'a.ts', head: "import { App, Stack } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';", bucket: 's3.Bucket' },
  { name: 'aws_s3 named from aws-cdk-lib', file: 'b.ts', head: "import { App, Stack, aws_s3 as s3 } from 'aws-cdk-lib';", bucket: 's3.Bucket' },
  { name: 'named class import', file: 'c.mts', head: "import { App, Stack } from 'aws-cdk-lib';\nimport { Bucket } from 'aws-cdk-lib/aws-s3';", bucket: 'Bucket' },
  { name: 'root namespace cdk.aws_s3', file: 'd.ts', head: "import * as cdk from 'aws-cdk-lib';\nconst { App, Stack } = cdk;", bucket: 'cdk.aws_s3.Bucket' },
  { name: 'require in JavaScript', file: 'e.js', head: "const { App, Stack } = require('aws-cdk-lib');\nconst s3 = require('aws-cdk-lib/aws-s3');", bucket: 's3.Bucket' },
  { name: 'destructured require in .mjs', file: 'f.mjs', head: "import { App, Stack } from 'aws-cdk-lib';\nconst { Bucket } = require('aws-cdk-lib/aws-s3');", bucket: 'Bucket' },
];

describe('CDK apps', () => {
  for (const style of STYLES) {
    it(`reads ${style.name} and points at the replicationRules prop`, () => {
      const text = `${style.head}\n${BODY('s3', style.bucket)}`;
      const { diagnostics } = analyze(text, { fileName: style.file });
      const d = diagnostics.find((x) => x.ruleId === 'replication/versioning-required');
      assert.ok(d, `${style.file}: ${JSON.stringify(diagnostics.map((x) => x.ruleId))}`);
      assert.equal(text.slice(d.span.start, d.span.end), 'replicationRules');
    });
  }

  it('offers the CDK fix: versioned: true on the L2 bucket', () => {
    const style = STYLES[0];
    assert.ok(style);
    const text = `${style.head}\n${BODY('s3', style.bucket)}`;
    const options = { fileName: 'app.ts' };
    const d = analyze(text, options).diagnostics.find((x) => x.ruleId === 'replication/versioning-required');
    const fix = d?.fixes?.[0];
    assert.ok(d && fix);
    assert.ok(fixWorks(text, options, d, fix));
    assert.match(applyEdits(text, fix.edits), /new s3\.Bucket\(stack, 'Src', \{ replicationRules: \[\{ destination: dest, priority: 1 \}\], versioned: true \}\)/);
  });

  it('L1 CfnBucket props in camelCase run the same rules (and typed-literal consts are followed)', () => {
    const text = `import * as s3 from 'aws-cdk-lib/aws-s3';
import { Stack } from 'aws-cdk-lib';
declare const stack: Stack;
const rule: s3.CfnBucket.ReplicationRuleProperty = { status: 'Enabled', destination: { bucket: 'arn:aws:s3:::dest' } };
new s3.CfnBucket(stack, 'Src', {
  versioningConfiguration: { status: 'Suspended' },
  replicationConfiguration: { role: 'arn:aws:iam::111122223333:role/r', rules: [rule] },
});
new s3.CfnMultiRegionAccessPoint(stack, 'Mrap', { name: 'Bad_Name', regions: [{ bucket: 'dest' }] });
`;
    const { diagnostics } = analyze(text, { fileName: 'l1.ts' });
    const byRule = new Map(diagnostics.map((d) => [d.ruleId, text.slice(d.span.start, d.span.end)]));
    assert.equal(byRule.get('replication/versioning-required'), "'Suspended'");
    assert.equal(byRule.get('mrap/name-format'), "'Bad_Name'");
  });

  it('files that merely mention s3 or use other libraries yield nothing', () => {
    for (const [file, text] of [
      ['x.ts', "import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\n"],
      ['y.ts', "// aws-cdk-lib is great\nexport const bucket = { versioned: false };\n"],
      ['z.js', "const cdk = require('aws-cdk-lib');\nconst sns = require('aws-cdk-lib/aws-sns');\n"],
    ] as const) {
      assert.deepEqual(analyze(text, { fileName: file }).diagnostics, [], file);
    }
  });

  it('half-typed code never throws and still finds what it can read', () => {
    const text = `import * as s3 from 'aws-cdk-lib/aws-s3';
import { Stack } from 'aws-cdk-lib';
declare const stack: Stack;
new s3.CfnMultiRegionAccessPoint(stack, 'Mrap', { name: 'Bad_Name', regions: [{ bucket: 'b' }] });
new s3.Bucket(stack, 'Half', { versioned: tr
`;
    for (let cut = 0; cut <= text.length; cut += 7) analyze(text.slice(0, cut), { fileName: 'half.ts' });
    assert.ok(analyze(text, { fileName: 'half.ts' }).diagnostics.some((d) => d.ruleId === 'mrap/name-format'));
  });

  it('realistic multi-stack CDK apps are clean', () => {
    const dir = path.join(FIXTURES, 'cdk', 'clean');
    const files = fs.readdirSync(dir).filter((f) => /\.(ts|js|mts|mjs)$/.test(f));
    assert.ok(files.length >= 2);
    for (const f of files) {
      const { diagnostics } = analyze(fs.readFileSync(path.join(dir, f), 'utf8'), { fileName: f });
      assert.deepEqual(diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.ruleId}: ${d.message}`), [], f);
    }
  });
});
