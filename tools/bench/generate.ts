/** Generated templates for benchmarks: MRAPs, replicated buckets and their roles, in YAML or JSON. */
type Json = string | number | boolean | Json[] | { [k: string]: Json };

function bucket(i: number): Record<string, Json> {
  return {
    Type: 'AWS::S3::Bucket',
    Properties: {
      BucketName: { 'Fn::Sub': `bench-${i}-\${AWS::AccountId}` },
      VersioningConfiguration: { Status: 'Enabled' },
      ReplicationConfiguration: {
        Role: { 'Fn::GetAtt': [`Role${i}`, 'Arn'] },
        Rules: [
          {
            Id: `to-${i + 1}`,
            Status: 'Enabled',
            Priority: 1,
            Filter: { Prefix: '' },
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: {
              Bucket: { 'Fn::GetAtt': [`Bucket${i + 1}`, 'Arn'] },
              StorageClass: 'STANDARD_IA',
              ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
              Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
            },
          },
        ],
      },
    },
  };
}

function role(i: number): Record<string, Json> {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      Policies: [
        {
          PolicyName: 'replication',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: { 'Fn::GetAtt': [`Bucket${i}`, 'Arn'] } },
              { Effect: 'Allow', Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'], Resource: { 'Fn::Sub': `\${Bucket${i}.Arn}/*` } },
              { Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: { 'Fn::Sub': `\${Bucket${i + 1}.Arn}/*` } },
            ],
          },
        },
      ],
    },
  };
}

function mrap(i: number): Record<string, Json> {
  return { Type: 'AWS::S3::MultiRegionAccessPoint', Properties: { Name: `bench-mrap-${i}`, Regions: [{ Bucket: { Ref: `Bucket${i}` } }, { Bucket: `external-bucket-${i}` }] } };
}

/** About `n` resources: per group of three, a replicated bucket, its role and an MRAP. */
export function templateObject(n: number): Record<string, Json> {
  const resources: Record<string, Json> = {};
  const groups = Math.ceil(n / 3);
  for (let i = 0; i < groups; i++) {
    resources[`Bucket${i}`] = bucket(i);
    resources[`Role${i}`] = role(i);
    resources[`Mrap${i}`] = mrap(i);
  }
  resources[`Bucket${groups}`] = { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Enabled' } } };
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

/** Block-style YAML with short-form intrinsics, as people write templates. */
export function toYaml(value: Json, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) return value.map((v) => `\n${pad}- ${toYaml(v, indent + 2).replace(/^\n\s*/, '')}`).join('');
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    const only = keys[0];
    if (keys.length === 1 && only && (only === 'Ref' || only.startsWith('Fn::'))) {
      const tag = only === 'Ref' ? '!Ref' : `!${only.slice(4)}`;
      const arg = value[only] as Json;
      if (only === 'Fn::GetAtt' && Array.isArray(arg)) return `${tag} ${arg.join('.')}`;
      return `${tag} ${typeof arg === 'string' ? `'${arg}'` : JSON.stringify(arg)}`;
    }
    return keys.map((k) => `\n${pad}${k}: ${toYaml(value[k] as Json, indent + 2)}`.replace(/: \n/, ':\n')).join('');
  }
  return typeof value === 'string' ? (/^[\w./-]+$/.test(value) && !/^\d/.test(value) ? value : `'${value}'`) : String(value);
}

export function yamlTemplate(n: number): string {
  return toYaml(templateObject(n)).replace(/^\n/, '') + '\n';
}

export function jsonTemplate(n: number): string {
  return JSON.stringify(templateObject(n), null, 2);
}
