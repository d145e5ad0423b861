import { objectItems, objects } from '../../model/access';
import type { Entry, ObjectNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import type { Rule, RuleContext } from '../types';
import { rawEntry, renameKey } from './cliInput';

export const replicationApiNames: Rule = {
  id: 'cli/replication-api-names',
  catalogue: 'C8',
  severity: 'error',
  title: 'put-bucket-replication JSON uses the S3 API names ID, Tag and Tags',
  docs:
    'The replication configuration given to `aws s3api put-bucket-replication` follows the S3 API, which spells three names differently from CloudFormation: the rule id is `ID` (CloudFormation `Id`), a filter tag is `Filter.Tag` (CloudFormation `TagFilter`), and the tags of an `And` filter are `And.Tags` (CloudFormation `TagFilters`). With the CloudFormation spelling the AWS CLI stops with "Unknown parameter", and a raw API call gets `MalformedXML`. The fix renames the key.',
  sources: [AWS_DOCS.apiPutBucketReplication, AWS_DOCS.apiReplicationRule, AWS_DOCS.cliPutBucketReplication],
  dialects: ['api'],
  check(ctx) {
    const config = ctx.template.cliShape === 'replication-configuration' ? ctx.template.cliInput : undefined;
    if (config?.kind !== 'object') return;
    objectItems(rawEntry(config, 'Rules')?.value).forEach((rule, i) => {
      flag(ctx, rule, 'Id', 'ID', `Rules[${i}]`);
      for (const filter of objects(rawEntry(rule, 'Filter')?.value)) {
        flag(ctx, filter, 'TagFilter', 'Tag', `Rules[${i}].Filter`);
        for (const and of objects(rawEntry(filter, 'And')?.value)) flag(ctx, and, 'TagFilters', 'Tags', `Rules[${i}].Filter.And`);
      }
    });
  },
};

function flag(ctx: RuleContext, obj: ObjectNode, cfnName: string, apiName: string, where: string): void {
  const e: Entry | undefined = rawEntry(obj, cfnName);
  if (!e) return;
  const taken = rawEntry(obj, apiName) !== undefined;
  ctx.report({
    message: `${where}: '${cfnName}' is the CloudFormation spelling; put-bucket-replication uses '${apiName}' (the AWS CLI stops with "Unknown parameter ... ${cfnName}", the S3 API answers MalformedXML).`,
    span: e.keySpan,
    fixes: taken ? undefined : [{ title: `Rename to '${apiName}'`, edits: [renameKey(ctx.text, e, apiName)], preferred: true, fixAll: true }],
  });
}
