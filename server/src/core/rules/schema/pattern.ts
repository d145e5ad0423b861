import { AWS_DOCS } from '../docs';
import { schemaRule } from './schemaRule';

export const schemaPattern = schemaRule('pattern', {
  severity: 'error',
  title: 'Value does not match the pattern required by the CloudFormation registry schema',
  docs:
    'The registry schema gives a regular expression for some strings: MRAP and policy names (`^[a-z0-9][-a-z0-9]{1,48}[a-z0-9]$`), the MRAP Region `Bucket` (a bucket name, not an ARN), and `BucketAccountId` (12 digits). CloudFormation rejects a value that does not match. Values computed by intrinsic functions are not judged.',
  sources: [AWS_DOCS.cfnResourceSchema, AWS_DOCS.cfnMrap, AWS_DOCS.cfnMrapPolicy],
});
