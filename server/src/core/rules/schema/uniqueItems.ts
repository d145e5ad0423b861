import { AWS_DOCS } from '../docs';
import { schemaRule } from './schemaRule';

export const uniqueItems = schemaRule('unique-items', {
  severity: 'error',
  title: 'Repeated list item where the CloudFormation registry schema requires unique items',
  docs:
    'Some lists must not repeat an item (`uniqueItems` in the registry schema): the MRAP `Regions`, the replication `Rules`, and `And.TagFilters`. CloudFormation rejects the template when two items are identical ("array items are not unique"). Remove the repeated item.',
  sources: [AWS_DOCS.cfnResourceSchema, AWS_DOCS.cfnMrap, AWS_DOCS.cfnBucketReplication],
});
