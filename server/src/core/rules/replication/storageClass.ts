import { entry, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Fix, Rule } from '../types';
import { destinationSites } from './replicationWalk';

/** The CloudFormation `Destination.StorageClass` enum [CFN-BUCKET]. */
export const REPLICATION_STORAGE_CLASSES: readonly string[] = [
  'DEEP_ARCHIVE',
  'GLACIER',
  'GLACIER_IR',
  'INTELLIGENT_TIERING',
  'ONEZONE_IA',
  'REDUCED_REDUNDANCY',
  'STANDARD',
  'STANDARD_IA',
];

/**
 * Values of the shared S3 `StorageClass` enum that the API model admits but CloudFormation does not.
 * They belong to Outposts, Snow, directory buckets, FSx and AWS Backup; whether S3 accepts them as
 * replication destinations is not documented, so in AWS CLI input they are a warning, not an error.
 */
const API_ONLY_STORAGE_CLASSES: readonly string[] = ['OUTPOSTS', 'SNOW', 'EXPRESS_ONEZONE', 'FSX_OPENZFS', 'FSX_ONTAP', 'AWS_BACKUP_WARM', 'AWS_BACKUP_LOW_COST_WARM'];

/** `standard-ia`, `Standard IA`, `glacierIr`... to the enum spelling, when that is a valid class. */
function normalised(value: string): string | undefined {
  const candidate = value
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toUpperCase();
  return REPLICATION_STORAGE_CLASSES.includes(candidate) ? candidate : undefined;
}

export const storageClass: Rule = {
  id: 'replication/storage-class',
  catalogue: 'R23',
  severity: 'error',
  scope: 'resource',
  title: 'Destination.StorageClass must be one of the 8 replication storage classes',
  docs:
    '`Destination.StorageClass` accepts exactly `DEEP_ARCHIVE`, `GLACIER`, `GLACIER_IR`, `INTELLIGENT_TIERING`, `ONEZONE_IA`, `REDUCED_REDUNDANCY`, `STANDARD` or `STANDARD_IA` (upper case, underscores). Anything else fails the CloudFormation schema. Omit the property to keep the source object\'s storage class. In AWS CLI input the API model shares a wider S3 enum (adding `OUTPOSTS`, `SNOW`, `EXPRESS_ONEZONE`, `FSX_*`, `AWS_BACKUP_*`); those values are reported as a warning there, because they are not replication storage classes in practice and S3\'s acceptance of them is not documented, while values in neither list stay errors.',
  sources: [AWS_DOCS.cfnReplicationDestination, AWS_DOCS.apiPutBucketReplication],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      const sc = entry(site.destination, 'StorageClass');
      const value = str(sc?.value);
      if (!sc || value === undefined || REPLICATION_STORAGE_CLASSES.includes(value)) continue;
      const fixed = normalised(value);
      const fixes: Fix[] | undefined = fixed ? [{ title: `Change to '${fixed}'`, edits: [replaceScalar(ctx.text, sc.value.span, fixed)], preferred: true, fixAll: true }] : undefined;
      const apiOnly = ctx.template.dialect === 'api' && API_ONLY_STORAGE_CLASSES.includes(value);
      const hint = fixed ? ` Did you mean '${fixed}'?` : ` Valid values: ${REPLICATION_STORAGE_CLASSES.join(', ')}.`;
      ctx.report({
        message: apiOnly
          ? `StorageClass '${value}' is in the S3 API's shared storage-class list but is not a replication storage class; use one of ${REPLICATION_STORAGE_CLASSES.join(', ')}.`
          : `StorageClass '${value}' is not a valid replication storage class.${hint}`,
        span: sc.value.span,
        severity: apiOnly ? 'warning' : undefined,
        fixes,
      });
    }
  },
};
