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

  const HEAD = "import { App, Stack } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nconst app = new App();\nconst stack = new Stack(app, 'S', { env: { region: 'us-east-1' } });\n";
  const findings = (body: string): { rule: string; at: string }[] => {
    const text = HEAD + body;
    return analyze(text, { fileName: 'app.ts' }).diagnostics.map((d) => ({ rule: d.ruleId, at: text.slice(d.span.start, d.span.end) }));
  };

  it('an imported bucket (fromBucketName / fromBucketArn / fromBucketAttributes) is its literal name and ARN', () => {
    // Replicating to an imported bucket that this app creates unversioned (same name): R3.
    assert.deepEqual(
      findings(`new s3.Bucket(stack, 'Dest', { bucketName: 'acme-dest' });
const dest = s3.Bucket.fromBucketName(stack, 'DestRef', 'acme-dest');
new s3.Bucket(stack, 'Src', { versioned: true, replicationRules: [{ destination: dest, priority: 1 }] });`),
      [{ rule: 'replication/destination-versioning-required', at: 'dest' }],
    );
    // Its bucketName where an ARN belongs (L1): R5 on the literal it stands for; bucketArn is fine.
    for (const [imported, member, expected] of [
      ["fromBucketArn(stack, 'I', 'arn:aws:s3:::acme-other')", 'bucketName', ['replication/destination-bucket-arn']],
      ["fromBucketAttributes(stack, 'I', { bucketName: 'acme-other' })", 'bucketName', ['replication/destination-bucket-arn']],
      ["fromBucketName(stack, 'I', 'acme-other')", 'bucketArn', []],
    ] as const) {
      const got = findings(`const other = s3.Bucket.${imported};
new s3.CfnBucket(stack, 'L1', {
  versioningConfiguration: { status: 'Enabled' },
  replicationConfiguration: { role: 'arn:aws:iam::111122223333:role/r', rules: [{ status: 'Enabled', priority: 1, filter: { prefix: '' }, deleteMarkerReplication: { status: 'Disabled' }, destination: { bucket: other.${member} } }] },
});`);
      assert.deepEqual(got.map((f) => f.rule), expected, imported);
    }
    // In an MRAP, the imported bucket's name is a name.
    assert.deepEqual(findings(`const b = s3.Bucket.fromBucketArn(stack, 'B', 'arn:aws:s3:::acme-b');\nnew s3.CfnMultiRegionAccessPoint(stack, 'M', { regions: [{ bucket: b.bucketName }] });`), []);
  });

  it('this.bucket of two stack classes are two buckets; a variable name used for two constructs is not guessed', () => {
    const classes = `class A extends Stack {
  bucket: s3.Bucket;
  constructor(scope: App, id: string) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'AB', { versioned: true });
    new s3.Bucket(this, 'ASrc', { versioned: true, replicationRules: [{ destination: this.bucket, priority: 1 }] });
  }
}
class B extends Stack {
  bucket: s3.Bucket;
  constructor(scope: App, id: string) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'BB');
  }
}
new A(app, 'A');
new B(app, 'B');
`;
    assert.deepEqual(findings(classes), []);
    // The same local name in two functions: neither is assumed.
    const twice = `function one() { const dest = new s3.Bucket(stack, 'D1'); new s3.Bucket(stack, 'S1', { versioned: true, replicationRules: [{ destination: dest, priority: 1 }] }); }
function two() { const dest = new s3.Bucket(stack, 'D2', { versioned: true }); return dest; }
one(); two();
`;
    assert.deepEqual(findings(twice), []);
    // Control: with one declaration the same mistake is found.
    assert.deepEqual(findings(`const dest = new s3.Bucket(stack, 'D1');\nnew s3.Bucket(stack, 'S1', { versioned: true, replicationRules: [{ destination: dest, priority: 1 }] });`).map((f) => f.rule), ['replication/destination-versioning-required']);
  });

  it('one bucket per Region: stacks of unknown Regions are not compared; one stack (or stack class) is one Region', () => {
    const text = `import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
const app = new App();
const primary = new Stack(app, 'Primary', { env: { region: process.env.PRIMARY_REGION } });
const secondary = new Stack(app, 'Secondary', { env: { region: process.env.SECONDARY_REGION } });
const a = new s3.Bucket(primary, 'A', { versioned: true });
const b = new s3.Bucket(secondary, 'B', { versioned: true });
new s3.CfnMultiRegionAccessPoint(primary, 'AcrossStacks', { regions: [{ bucket: a.bucketName }, { bucket: b.bucketName }] });
const a2 = new s3.Bucket(primary, 'A2', { versioned: true });
new s3.CfnMultiRegionAccessPoint(primary, 'OneStack', { regions: [{ bucket: a.bucketName }, { bucket: a2.bucketName }] });
class Regional extends Stack {
  constructor(scope: App, id: string, props: StackProps) {
    super(scope, id, props);
    const c = new s3.Bucket(this, 'C', { versioned: true });
    const d = new s3.Bucket(this, 'D', { versioned: true });
    new s3.CfnMultiRegionAccessPoint(this, 'OneClass', { regions: [{ bucket: c.bucketName }, { bucket: d.bucketName }] });
  }
}
new Regional(app, 'R1', { env: { region: 'us-east-1' } });
new Regional(app, 'R2', { env: { region: 'eu-west-1' } });
`;
    const found = analyze(text, { fileName: 'regions.ts' }).diagnostics.filter((d) => d.ruleId === 'mrap/one-bucket-per-region');
    assert.deepEqual(found.map((d) => text.slice(d.span.start, d.span.end)), ['a2.bucketName', 'd.bucketName']);
  });

  it('empty replicationRules render no replication configuration (as CDK does)', () => {
    assert.deepEqual(findings(`new s3.Bucket(stack, 'B', { replicationRules: [] });`), []);
    // Rules that are not a list literal may be empty at synth time: nothing is assumed.
    assert.deepEqual(findings(`declare const rules: s3.ReplicationRule[];\nnew s3.Bucket(stack, 'B', { replicationRules: rules });\nnew s3.Bucket(stack, 'C', { replicationRules: process.env.X ? [] : [] });`), []);
  });

  it('every prefix of a CDK file: never throws, and a finding stays once its construct is complete', () => {
    const text = `${HEAD}new s3.CfnMultiRegionAccessPoint(stack, 'Mrap', { name: 'Bad_Name', regions: [{ bucket: 'bucket-b' }] });
const replica = new s3.Bucket(stack, 'Replica', { versioned: true });
new s3.Bucket(stack, 'Src', {
  replicationRules: [{ destination: replica, priority: 1, filter: { prefix: 'a/', tags: [{ key: 'k', value: 'v' }] }, deleteMarkerReplication: true }],
});
`;
    const mrapDone = text.indexOf('\nconst replica');
    for (let cut = 0; cut <= text.length; cut++) {
      const prefix = text.slice(0, cut);
      const { diagnostics } = analyze(prefix, { fileName: 'prefix.ts' });
      if (cut >= mrapDone) assert.ok(diagnostics.some((d) => d.ruleId === 'mrap/name-format'), `cut at ${cut}: ${JSON.stringify(prefix.slice(-30))}`);
    }
    const complete = analyze(text, { fileName: 'prefix.ts' }).diagnostics.map((d) => d.ruleId).sort();
    assert.deepEqual(complete, ['mrap/name-format', 'replication/delete-marker-with-tags', 'replication/versioning-required']);
  });

  it('prefixes of the clean apps never throw, and every finding lies within the text', () => {
    // Half-typed code may hold real mistakes (RTC typed, metrics not yet): only robustness here.
    const dir = path.join(FIXTURES, 'cdk', 'clean');
    for (const f of fs.readdirSync(dir).filter((x) => /\.(ts|js)$/.test(x))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (let cut = 0; cut <= text.length; cut += 5) {
        for (const d of analyze(text.slice(0, cut), { fileName: f }).diagnostics) assert.ok(d.span.start >= 0 && d.span.end <= cut, `${f} cut at ${cut}: ${d.ruleId}`);
      }
    }
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
