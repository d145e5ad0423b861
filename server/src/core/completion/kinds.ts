/** What a property expects when it names another resource, and what each resource type offers through GetAtt. */

export type ExpectedRef =
  | { readonly kind: 'ref'; readonly types: readonly string[]; readonly what: string }
  | { readonly kind: 'getatt'; readonly types: readonly string[]; readonly attribute: string; readonly what: string };

const BUCKET = 'AWS::S3::Bucket';
const MRAP = 'AWS::S3::MultiRegionAccessPoint';
const ROLE = 'AWS::IAM::Role';

/** Keyed by `<resource type> <property path joined with .>` (array items transparent). */
const EXPECTED: Readonly<Record<string, ExpectedRef>> = {
  [`${MRAP} Regions.Bucket`]: { kind: 'ref', types: [BUCKET], what: 'bucket name' },
  [`${BUCKET} ReplicationConfiguration.Rules.Destination.Bucket`]: { kind: 'getatt', types: [BUCKET], attribute: 'Arn', what: 'bucket ARN' },
  [`${BUCKET} ReplicationConfiguration.Role`]: { kind: 'getatt', types: [ROLE], attribute: 'Arn', what: 'role ARN' },
  [`${BUCKET} ReplicationConfiguration.Rules.Destination.EncryptionConfiguration.ReplicaKmsKeyID`]: {
    kind: 'getatt',
    types: ['AWS::KMS::Key'],
    attribute: 'Arn',
    what: 'KMS key ARN',
  },
  [`AWS::S3::MultiRegionAccessPointPolicy MrapName`]: { kind: 'ref', types: [MRAP], what: 'Multi-Region Access Point name' },
  [`AWS::S3::BucketPolicy Bucket`]: { kind: 'ref', types: [BUCKET], what: 'bucket name' },
};

export function expectedRef(type: string | undefined, propertyPath: readonly string[]): ExpectedRef | undefined {
  return type ? EXPECTED[`${type} ${propertyPath.join('.')}`] : undefined;
}

/** `Fn::GetAtt` attributes per resource type (CloudFormation docs, "Return values"). */
export const GETATT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  [MRAP]: ['Alias', 'CreatedAt'],
  [BUCKET]: ['Arn', 'DomainName', 'DualStackDomainName', 'RegionalDomainName', 'WebsiteURL'],
  [ROLE]: ['Arn', 'RoleId'],
  'AWS::S3::AccessPoint': ['Alias', 'Arn', 'Name', 'NetworkOrigin'],
  'AWS::KMS::Key': ['Arn', 'KeyId'],
  'AWS::IAM::ManagedPolicy': ['PolicyArn'],
};

/** What `!Ref` returns per resource type. */
export const REF_RETURNS: Readonly<Record<string, string>> = {
  [MRAP]: 'the Multi-Region Access Point name',
  [BUCKET]: 'the bucket name',
  [ROLE]: 'the role name',
  'AWS::S3::MultiRegionAccessPointPolicy': 'the Multi-Region Access Point name',
  'AWS::S3::AccessPoint': 'the access point name',
  'AWS::KMS::Key': 'the key id',
};

/** Resource types offered after `Type:`; the ones this extension knows deeply come first. */
export const RESOURCE_TYPES: readonly string[] = [
  MRAP,
  'AWS::S3::MultiRegionAccessPointPolicy',
  BUCKET,
  ROLE,
  'AWS::S3::BucketPolicy',
  'AWS::S3::AccessPoint',
  'AWS::KMS::Key',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::Policy',
];

export const RESOURCE_ATTRIBUTES: readonly string[] = ['Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata'];

export const TEMPLATE_SECTIONS: readonly string[] = [
  'AWSTemplateFormatVersion',
  'Description',
  'Transform',
  'Parameters',
  'Mappings',
  'Conditions',
  'Resources',
  'Outputs',
  'Metadata',
];
