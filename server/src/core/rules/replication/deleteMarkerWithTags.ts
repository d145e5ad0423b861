import { alternatives, entry, objects, prop, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { ObjectNode, ValueNode } from '../../model/types';
import type { Fix, Rule, RuleContext } from '../types';
import { canEdit } from './replicationEdits';
import { filterHasTags, replicationConfigs, ruleLabel, ruleObjects, sourceLabel } from './replicationRuleSets';

export const deleteMarkerWithTags: Rule = {
  id: 'replication/delete-marker-with-tags',
  catalogue: 'R12',
  severity: 'error',
  scope: 'resource',
  title: 'Delete markers cannot be replicated by a tag-based rule',
  docs:
    'Delete markers have no tags, so S3 refuses `DeleteMarkerReplication: {Status: Enabled}` on a rule whose `Filter` selects by tag (`TagFilter`, or `And` with `TagFilters`). Set `DeleteMarkerReplication.Status` to `Disabled`, or use a prefix-only rule if deletes must replicate.',
  sources: [AWS_DOCS.replicationDeleteMarkers, AWS_DOCS.cfnReplicationRule],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const [index, rule] of ruleObjects(rc.config).entries()) {
        const filters = objects(prop(rule, 'Filter'));
        if (!filters.some((f) => filterHasTags(f) === true)) continue;
        for (const dmr of objects(entry(rule, 'DeleteMarkerReplication')?.value)) {
          for (const status of alternatives(prop(dmr, 'Status'))) {
            if (str(status) !== 'Enabled') continue;
            ctx.report({
              message: `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)}: delete markers have no tags, so S3 rejects DeleteMarkerReplication 'Enabled' on a tag-based filter; set it to 'Disabled'.`,
              span: status.span,
              fixes: disableFix(ctx, rule, status),
            });
          }
        }
      }
    }
  },
};

/** Status 'Disabled'; on an L2 CDK rule that is `deleteMarkerReplication: false`. */
function disableFix(ctx: RuleContext, rule: ObjectNode, status: ValueNode): Fix[] | undefined {
  if (rule.cdkOrigin?.kind === 'l2-rule') {
    const written = entry(rule.cdkOrigin.literal, 'deleteMarkerReplication')?.value;
    if (written?.kind !== 'boolean' || written.span.start !== status.span.start) return undefined;
    return [{ title: 'Set deleteMarkerReplication to false', edits: [{ span: written.span, newText: 'false' }], preferred: true, fixAll: true }];
  }
  if (!canEdit(ctx) && !(ctx.template.dialect === 'cdk' && status.kind === 'string')) return undefined;
  return [{ title: "Set DeleteMarkerReplication Status to 'Disabled'", edits: [replaceScalar(ctx.text, status.span, 'Disabled')], preferred: true, fixAll: true }];
}
