import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { canEdit, insertProperties } from './replicationEdits';
import { priorityOf, replicationConfigs, ruleAnchor, ruleLabel, ruleSets, ruleVersion, sourceLabel } from './replicationRuleSets';

export const prioritySingleRule: Rule = {
  id: 'replication/priority-single-rule',
  catalogue: 'R13b',
  severity: 'warning',
  scope: 'resource',
  title: 'A replication rule with Filter should have a Priority',
  docs:
    'The S3 API requires `Priority` on rules that use `Filter` (V2 schema). With a single rule, whether CloudFormation fills it in is not documented, so set it explicitly (for example `Priority: 1`); it also keeps the configuration valid when a second rule is added.',
  sources: [AWS_DOCS.apiPutBucketReplication, AWS_DOCS.cfnReplicationRule],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const rules of ruleSets(rc.config)) {
        const v2 = rules.map((rule, index) => ({ rule, index })).filter((r) => ruleVersion(r.rule) === 'v2');
        const only = v2[0];
        if (v2.length !== 1 || !only || priorityOf(only.rule) !== null) continue;
        const edit = canEdit(ctx) || ctx.template.dialect === 'cdk' ? insertProperties(ctx, only.rule, [['Priority', 1]]) : undefined;
        ctx.report({
          message: `${sourceLabel(rc.bucket)}, ${ruleLabel(only.rule, only.index)} uses Filter (V2 schema) but has no Priority; the S3 API requires it, so set it explicitly.`,
          span: ruleAnchor(only.rule),
          fixes: edit ? [{ title: 'Add Priority: 1', edits: [edit], preferred: true, fixAll: true }] : undefined,
        });
      }
    }
  },
};
