import { analyze } from '../../server/src/core';
import { fmt, timeMs } from './measure';

/** A CDK app of about 3,000 lines with 200 replicated buckets over two stacks. */
export function cdkApp(buckets: number): string {
  const lines = [
    "import { App, Stack } from 'aws-cdk-lib';",
    "import * as s3 from 'aws-cdk-lib/aws-s3';",
    '',
    'const app = new App();',
    "const east = new Stack(app, 'East', { env: { region: 'us-east-1' }, crossRegionReferences: true });",
    "const west = new Stack(app, 'West', { env: { region: 'eu-west-1' } });",
    '',
  ];
  for (let i = 0; i < buckets; i++) {
    lines.push(
      `const replica${i} = new s3.Bucket(west, 'Replica${i}', {`,
      '  versioned: true,',
      '});',
      `const source${i} = new s3.Bucket(east, 'Source${i}', {`,
      `  bucketName: 'bench-source-${i}',`,
      '  versioned: true,',
      '  replicationRules: [',
      '    {',
      `      destination: replica${i},`,
      '      priority: 1,',
      '      deleteMarkerReplication: true,',
      '      replicationTimeControl: s3.ReplicationTimeValue.FIFTEEN_MINUTES,',
      '      metrics: s3.ReplicationTimeValue.FIFTEEN_MINUTES,',
      `      filter: { prefix: 'data/${i}/' },`,
      '    },',
      '  ],',
      '});',
    );
  }
  return lines.join('\n') + '\n';
}

export function benchCdk(): void {
  const text = cdkApp(200);
  const edited = text.replace("bucketName: 'bench-source-100'", "bucketName: 'bench-source-100x'");
  const t = timeMs(() => analyze(text, { fileName: 'app.ts' }));
  let runs = 0;
  const e = timeMs(() => analyze(runs++ % 2 === 0 ? edited : text, { fileName: 'app.ts' }));
  console.log(`\nCDK app, ${text.split('\n').length} lines, 200 buckets: analyze ${fmt(t)}, after an edit ${fmt(e)} (median of 9; target < 50 ms)`);
}
