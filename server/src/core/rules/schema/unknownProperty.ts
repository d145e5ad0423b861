import { AWS_DOCS } from '../docs';
import { schemaRule } from './schemaRule';

export const unknownProperty = schemaRule('unknown-property', {
  severity: 'error',
  title: 'Property not allowed by the CloudFormation registry schema',
  docs:
    'The registry schemas of `AWS::S3::MultiRegionAccessPoint`, `AWS::S3::MultiRegionAccessPointPolicy` and the bucket\'s `ReplicationConfiguration`/`VersioningConfiguration` are closed (`additionalProperties: false`): CloudFormation rejects any other property ("Model validation failed ... extraneous key"). Read-only attributes such as the MRAP `Alias` or the policy\'s `PolicyStatus` cannot be set either; read them with `Fn::GetAtt`. Remove the property, or rename it when it is a misspelling or an API name (`PublicAccessBlock` is `PublicAccessBlockConfiguration` in CloudFormation). Other bucket properties are not judged here.',
  sources: [AWS_DOCS.cfnResourceSchema, AWS_DOCS.cfnMrap, AWS_DOCS.cfnMrapPolicy, AWS_DOCS.cfnBucketReplication],
});
