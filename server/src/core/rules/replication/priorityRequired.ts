import { AWS_DOCS } from '../docs';
import type { Fix, Rule } from '../types';
import { canEdit, insertProperties } from './replicationEdits';
import { priorityOf, replicationConfigs, ruleAnchor, ruleLabel, ruleSets, ruleVersion, sourceLabel } from './replicationRuleSets';

export const priorityRequired: Rule = {
  id: 'replication/priority-required',
  catalogue: 'R13',
  severity: 'error',
  scope: 'resource',
  title: 'Every replication rule needs a Priority when there are several rules with Filter',
  docs:
    'With the current (V2) replication schema (rules with `Filter`), S3 uses `Priority` to decide which rule wins when several rules match the same object, and requires it on every rule. With more than one such rule, a missing `Priority` makes S3 reject the configuration. Give each rule a unique `Priority` (a higher number wins).',
  sources: [AWS_DOCS.apiPutBucketReplication, AWS_DOCS.replicationAddConfig],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const rules of ruleSets(rc.config)) {
        const v2 = rules.map((rule, index) => ({ rule, index })).filter((r) => ruleVersion(r.rule) === 'v2');
        if (v2.length < 2) continue;
        const priorities = v2.map((r) => priorityOf(r.rule));
        const missing = v2.filter((_, i) => priorities[i] === null);
        if (missing.length === 0) continue;
        // New priorities above every known one, in source order, so applying all fixes keeps them unique.
        const known = priorities.filter((p): p is number => typeof p === 'number');
        const allKnown = !priorities.includes(undefined);
        let next = known.length > 0 ? Math.max(...known) + 1 : 1;
        for (const { rule, index } of missing) {
          const value = next++;
          const edit = allKnown && (canEdit(ctx) || ctx.template.dialect === 'cdk') ? insertProperties(ctx, rule, [['Priority', value]]) : undefined;
          const fixes: Fix[] | undefined = edit ? [{ title: `Add Priority: ${value}`, edits: [edit], preferred: true, fixAll: true }] : undefined;
          ctx.report({
            message: `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)} has no Priority; with ${v2.length} rules using Filter (V2 schema), S3 requires a unique Priority on each.`,
            span: ruleAnchor(rule),
            fixes,
          });
        }
      }
    }
  },
};
