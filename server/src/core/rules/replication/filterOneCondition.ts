import { entry, objects, str } from '../../model/access';
import type { Entry, ObjectNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import type { PlainValue } from '../edits';
import type { Fix, Rule, RuleContext } from '../types';
import { canEdit, replaceEntryValue, written } from './replicationEdits';
import { replicationConfigs, ruleLabel, ruleObjects, sourceLabel } from './replicationRuleSets';

const CONDITIONS = ['Prefix', 'TagFilter', 'And'];

export const filterOneCondition: Rule = {
  id: 'replication/filter-one-condition',
  catalogue: 'R9',
  severity: 'error',
  scope: 'resource',
  title: 'A replication Filter holds exactly one of Prefix, TagFilter or And',
  docs:
    'A replication rule `Filter` must contain exactly one of `Prefix`, `TagFilter` or `And`. To filter on a prefix and tags (or several tags), put them all under `And`: `Filter: {And: {Prefix: logs/, TagFilters: [{Key: k, Value: v}]}}`. S3 rejects a filter with two of them.',
  sources: [AWS_DOCS.cfnReplicationRule, AWS_DOCS.apiPutBucketReplication],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const [index, rule] of ruleObjects(rc.config).entries()) {
        const filterEntry = entry(rule, 'Filter');
        for (const filter of objects(filterEntry?.value)) {
          const present = filter.entries.filter((e) => CONDITIONS.includes(e.key));
          if (present.length <= 1 || !filterEntry) continue;
          const edit = canEdit(ctx) && filterEntry.value === filter ? andFix(ctx, rule, filterEntry, filter) : undefined;
          const names = present.map((e) => e.rawKey).join(', ');
          ctx.report({
            message: `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)}: Filter has ${names}; it takes exactly one. To combine a prefix and tags, put them under And.`,
            span: filterEntry.keySpan,
            fixes: edit,
          });
        }
      }
    }
  },
};

/** `{Prefix: p, TagFilter: t}` becomes `{And: {Prefix: p, TagFilters: [t]}}` when every value is a literal. */
function andFix(ctx: RuleContext, rule: ObjectNode, filterEntry: Entry, filter: ObjectNode): Fix[] | undefined {
  if (filter.entries.some((e) => e.key !== 'Prefix' && e.key !== 'TagFilter')) return undefined;
  const prefix = str(entry(filter, 'Prefix')?.value);
  const tag = entry(filter, 'TagFilter')?.value;
  const key = str(entry(tag, 'Key')?.value);
  const value = str(entry(tag, 'Value')?.value);
  if (prefix === undefined || key === undefined || value === undefined || tag?.kind !== 'object' || tag.entries.length !== 2) return undefined;
  const combined: PlainValue = { And: { Prefix: prefix, [written(ctx, 'TagFilters')]: [{ Key: key, Value: value }] } };
  const edit = replaceEntryValue(ctx, rule, filterEntry, combined);
  return edit ? [{ title: 'Combine Prefix and tag under And', edits: [edit], preferred: true, fixAll: true }] : undefined;
}
