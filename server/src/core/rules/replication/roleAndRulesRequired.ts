import { arrays, entry, isNoValue } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { configAnchor, replicationConfigs, sourceLabel } from './replicationRuleSets';

const MAX_RULES = 1000;

export const roleAndRulesRequired: Rule = {
  id: 'replication/role-and-rules-required',
  catalogue: 'R1',
  severity: 'error',
  scope: 'resource',
  title: 'A replication configuration needs a Role and 1 to 1,000 Rules',
  docs:
    '`ReplicationConfiguration` requires `Role` (the IAM role S3 assumes to replicate objects) and `Rules`, a list of 1 to 1,000 replication rules. S3 rejects a configuration without them, so the stack fails. The CloudFormation schema puts its 1..1000 limit in the wrong place and does not enforce it; S3 does.',
  sources: [AWS_DOCS.cfnBucketReplication, AWS_DOCS.apiPutBucketReplication],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      const where = sourceLabel(rc.bucket);
      const role = entry(rc.config, 'Role');
      if (!role || isNoValue(role.value)) {
        ctx.report({ message: `${where}: the replication configuration has no Role; S3 needs the ARN of an IAM role it can assume (trusting s3.amazonaws.com) to replicate objects.`, span: configAnchor(rc) });
      }
      const rules = entry(rc.config, 'Rules');
      if (!rules || isNoValue(rules.value)) {
        ctx.report({ message: `${where}: the replication configuration has no Rules; it needs 1 to 1,000 replication rules.`, span: configAnchor(rc) });
        continue;
      }
      for (const list of arrays(rules.value)) {
        if (list.items.length === 0) ctx.report({ message: `${where}: Rules is empty; a replication configuration needs at least one rule (at most 1,000).`, span: list.span });
        else if (list.items.length > MAX_RULES) ctx.report({ message: `${where}: ${list.items.length} replication rules; S3 allows at most 1,000 per configuration.`, span: rules.keySpan });
      }
    }
  },
};
