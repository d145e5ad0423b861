import { AWS_DOCS } from '../docs';
import { schemaRule } from './schemaRule';

export const schemaEnum = schemaRule('enum', {
  severity: 'error',
  title: 'Value not among the allowed values (CloudFormation registry schema)',
  docs:
    'Some properties accept only a fixed list of values, and the comparison is case-sensitive: `Status` is `Enabled` or `Disabled` (`Enabled` or `Suspended` for versioning), `StorageClass` is one of eight CloudFormation storage classes, `AccessControlTranslation.Owner` must be `Destination`. CloudFormation rejects anything else. When the value differs only in case, the quick fix writes the right spelling. In AWS CLI files the wider S3 API list of storage classes applies.',
  sources: [AWS_DOCS.cfnResourceSchema, AWS_DOCS.cfnBucketReplication, AWS_DOCS.cfnReplicationRule, AWS_DOCS.cfnReplicationDestination],
});
