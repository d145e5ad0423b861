import { AWS_DOCS } from '../docs';
import { schemaRule } from './schemaRule';

export const schemaLength = schemaRule('length', {
  severity: 'error',
  title: 'String too short or too long, or list with too few or too many items',
  docs:
    'The registry schema limits string lengths (an MRAP name has 3 to 50 characters, a Region `Bucket` 3 to 63, `BucketAccountId` exactly 12, a replication rule `Id` at most 255, a rule `Prefix` at most 1,024) and list sizes (an MRAP needs at least one Region). CloudFormation rejects values outside these limits. (The bucket schema\'s misplaced `maxLength: 1000` on replication rules is not applied: the rule count is checked by the replication rules.)',
  sources: [AWS_DOCS.cfnResourceSchema, AWS_DOCS.cfnMrap, AWS_DOCS.cfnReplicationRule],
});
