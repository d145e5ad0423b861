/**
 * One-line truths where a misconception is common (aws-facts.md, section "Misconceptions").
 * Keyed by `<resource type>` or `<resource type> <property path>`.
 */
const MRAP = 'AWS::S3::MultiRegionAccessPoint';
const BUCKET = 'AWS::S3::Bucket';

const DOES_NOT_REPLICATE = 'An MRAP does not replicate data: it only routes requests to one of its buckets. Configure S3 Replication between the buckets yourself.';
const NO_ROUTING_POLICY =
  'There is no routing policy to choose: requests go to the nearest active Region. Active/passive is set after creation with routes (TrafficDialPercentage 0 or 100), not in the template.';
const ALIAS_ENDPOINT = 'The global endpoint uses the alias, not the name: `<alias>.accesspoint.s3-global.amazonaws.com` (the alias ends in `.mrap`).';

export const NOTES: Readonly<Record<string, readonly string[]>> = {
  [MRAP]: [DOES_NOT_REPLICATE, NO_ROUTING_POLICY, ALIAS_ENDPOINT],
  [`${MRAP} Regions`]: ['At most 17 Regions, one bucket per Region (not 10, not 20).', DOES_NOT_REPLICATE],
  [`${MRAP} Name`]: [ALIAS_ENDPOINT],
  [`${MRAP} Regions.Bucket`]: ['A bucket **name** (`!Ref Bucket`), not an ARN.'],
  [`${MRAP} Regions.BucketAccountId`]: ['Cross-account buckets are supported (since March 2023): give the bucket owner\'s account id.'],
  [`${MRAP} PublicAccessBlockConfiguration`]: ['All four settings default to true when omitted.'],
  [`${BUCKET} ReplicationConfiguration`]: ['Replication needs VersioningConfiguration Status `Enabled` on this bucket and on every destination bucket.'],
  [`${BUCKET} ReplicationConfiguration.Rules.Destination.Bucket`]: ['A bucket **ARN** (`!GetAtt Bucket.Arn`), not a name.'],
  [`${BUCKET} ReplicationConfiguration.Rules.Destination.Account`]: ['Cross-account replication is supported; the destination bucket policy must allow the replication role.'],
};

/** What changing a create-only property does, when it matters more than "replacement". */
export const CREATE_ONLY_NOTE: Readonly<Record<string, string>> = {
  [MRAP]: 'Changing it replaces the Multi-Region Access Point: the new one gets a **new alias**, so its ARN and endpoint change.',
};

interface DocPage {
  readonly page: string;
  readonly prefix: string;
}

const DOC_PAGES: Readonly<Record<string, DocPage>> = {
  [MRAP]: { page: 'aws-resource-s3-multiregionaccesspoint', prefix: 's3-multiregionaccesspoint' },
  'AWS::S3::MultiRegionAccessPointPolicy': { page: 'aws-resource-s3-multiregionaccesspointpolicy', prefix: 's3-multiregionaccesspointpolicy' },
  [BUCKET]: { page: 'aws-resource-s3-bucket', prefix: 's3-bucket' },
  'AWS::S3::AccessPoint': { page: 'aws-resource-s3-accesspoint', prefix: 's3-accesspoint' },
};

const CFN_DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/';

/** The CloudFormation user guide page (and anchor) documenting a resource type or one of its properties. */
export function docsUrl(type: string, property?: string, definition?: string): string | undefined {
  const d = DOC_PAGES[type];
  if (!d) return undefined;
  if (!property) return `${CFN_DOCS}${d.page}.html`;
  if (!definition) return `${CFN_DOCS}${d.page}.html#cfn-${d.prefix}-${property.toLowerCase()}`;
  const def = definition.toLowerCase();
  return `${CFN_DOCS}aws-properties-${d.prefix}-${def}.html#cfn-${d.prefix}-${def}-${property.toLowerCase()}`;
}
