import { arrays, entry, str } from '../../model/access';
import type { Entry } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Rule } from '../types';
import { replicationConfigs, sourceLabel } from './replicationWalk';

export const duplicateRuleId: Rule = {
  id: 'replication/duplicate-rule-id',
  catalogue: 'R29',
  severity: 'warning',
  scope: 'resource',
  title: 'Replication rule Ids must be unique within a configuration',
  docs:
    "A replication rule's `Id` is its \"unique identifier for the rule\" (up to 255 characters). Two rules with the same Id in one configuration cannot be told apart in replication metrics, events and the console, and S3 may reject the configuration. Give each rule a distinct Id, or leave `Id` out and let CloudFormation generate one.",
  sources: [AWS_DOCS.apiPutBucketReplication, AWS_DOCS.cfnReplicationRule],
  check(ctx) {
    for (const site of replicationConfigs(ctx)) {
      // Each `Fn::If` branch of the whole list is its own configuration; a rule that is itself an
      // `Fn::If` is skipped, since its branches never coexist and may reuse an Id on purpose.
      for (const list of arrays(entry(site.config, 'Rules')?.value)) {
        const ids: Entry[] = [];
        for (const item of list.items) {
          const id = item.kind === 'object' ? entry(item, 'Id') : undefined;
          if (id && str(id.value) !== undefined) ids.push(id);
        }
        const used = new Set(ids.map((e) => str(e.value)));
        const first = new Map<string, Entry>();
        for (const id of ids) {
          const value = str(id.value) ?? '';
          const earlier = first.get(value);
          if (!earlier) {
            first.set(value, id);
            continue;
          }
          let n = 2;
          while (used.has(`${value}-${n}`)) n++;
          const renamed = `${value}-${n}`;
          used.add(renamed);
          ctx.report({
            message: `${sourceLabel(site.bucket)}: replication rule Id '${value}' is used by more than one rule; rule Ids must be unique.`,
            span: id.value.span,
            related: [{ message: `First rule with Id '${value}'`, span: earlier.value.span }],
            fixes: [{ title: `Rename to '${renamed}'`, edits: [replaceScalar(ctx.text, id.value.span, renamed)], preferred: true, fixAll: true }],
          });
        }
      }
    }
  },
};
