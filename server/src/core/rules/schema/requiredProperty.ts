import { AWS_DOCS } from '../docs';
import { schemaRule } from './schemaRule';

export const requiredProperty = schemaRule('required-property', {
  severity: 'error',
  title: 'Required property missing (CloudFormation registry schema)',
  docs:
    'CloudFormation rejects a resource that lacks a property its registry schema marks as required: an MRAP needs `Regions` (its `Name` is optional), each Region item needs `Bucket`, an MRAP policy needs `MrapName` and `Policy`, a replication configuration needs `Role` and `Rules`, each rule `Destination` and `Status`, `VersioningConfiguration` needs `Status`, and so on. The finding sits on the key of the object that misses it; add the named property.',
  sources: [AWS_DOCS.cfnResourceSchema, AWS_DOCS.cfnMrap, AWS_DOCS.cfnMrapPolicy, AWS_DOCS.cfnBucketReplication],
});
