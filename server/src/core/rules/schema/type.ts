import { AWS_DOCS } from '../docs';
import { schemaRule } from './schemaRule';

export const schemaType = schemaRule('type', {
  severity: 'error',
  title: 'Value of the wrong type (CloudFormation registry schema)',
  docs:
    'Each property has a type in the registry schema: a string, a whole number, true/false, an object or a list. CloudFormation converts scalars the way templates usually write them (a number where a string is expected, `"15"` for a number, `"true"` for a boolean), so those are accepted; a list where an object belongs, an object where a string belongs, or an empty (null) value is rejected. In AWS CLI JSON files the CLI converts nothing, so `"15"` for a number is an error there. An MRAP policy\'s `Policy` may be an object or a JSON string.',
  sources: [AWS_DOCS.cfnResourceSchema, AWS_DOCS.cfnMrap, AWS_DOCS.cfnBucketReplication],
});
