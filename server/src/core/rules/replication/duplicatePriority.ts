import { entry } from '../../model/access';
import type { ObjectNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Fix, Rule, RuleContext, TextEdit } from '../types';
import { canEdit } from './replicationEdits';
import { priorityOf, replicationConfigs, ruleLabel, ruleSets, ruleVersion, sourceLabel } from './replicationRuleSets';

interface Prioritised {
  readonly rule: ObjectNode;
  readonly index: number;
  readonly priority: number;
}

export const duplicatePriority: Rule = {
  id: 'replication/duplicate-priority',
  catalogue: 'R14',
  severity: 'error',
  scope: 'resource',
  title: 'Replication rule priorities must be unique',
  docs:
    'When several replication rules (with `Filter`, V2 schema) match the same object, S3 applies the one with the highest `Priority`, so priorities must be unique; S3 rejects a configuration with two rules of the same priority. Renumber them.',
  sources: [AWS_DOCS.apiPutBucketReplication, AWS_DOCS.replicationAddConfig],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const rules of ruleSets(rc.config)) {
        const v2 = rules.map((rule, index) => ({ rule, index })).filter((r) => ruleVersion(r.rule) === 'v2');
        const known: Prioritised[] = [];
        let allKnown = true;
        for (const { rule, index } of v2) {
          const priority = priorityOf(rule);
          if (typeof priority === 'number') known.push({ rule, index, priority });
          else if (priority === undefined) allKnown = false;
        }
        // The renumbering fix is worked out only when there is a duplicate to attach it to (rarely).
        let fix: Fix[] | undefined | null = null;
        const firstOf = new Map<number, Prioritised>();
        for (const r of known) {
          const first = firstOf.get(r.priority);
          if (!first) {
            firstOf.set(r.priority, r);
            continue;
          }
          const value = entry(r.rule, 'Priority')?.value;
          const firstValue = entry(first.rule, 'Priority')?.value;
          if (!value || !firstValue) continue;
          if (fix === null) fix = allKnown ? renumberFix(ctx, known) : undefined;
          ctx.report({
            message: `${sourceLabel(rc.bucket)}, ${ruleLabel(r.rule, r.index)}: Priority ${r.priority} is also used by ${ruleLabel(first.rule, first.index)}; S3 needs unique priorities to decide which rule wins (the higher one).`,
            span: value.span,
            related: [{ message: `${ruleLabel(first.rule, first.index)} has Priority ${r.priority} too.`, span: firstValue.span }],
            fixes: fix,
          });
        }
      }
    }
  },
};

/** Renumber to unique values, keeping the order (by priority, then source order) and moving as few as possible. */
function renumberFix(ctx: RuleContext, rules: Prioritised[]): Fix[] | undefined {
  const cdk = ctx.template.dialect === 'cdk';
  if (!canEdit(ctx) && !cdk) return undefined;
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || a.index - b.index);
  const edits: TextEdit[] = [];
  let previous = -Infinity;
  const changes: string[] = [];
  for (const r of ordered) {
    const assigned = Math.max(r.priority, previous + 1);
    previous = assigned;
    if (assigned === r.priority) continue;
    const value = entry(r.rule, 'Priority')?.value;
    if (!value) return undefined;
    // In code, only a number written in the rule itself (not a shared const) is renumbered.
    if (cdk && (value.kind !== 'number' || value.span.start < r.rule.span.start || value.span.end > r.rule.span.end)) return undefined;
    edits.push(replaceScalar(ctx.text, value.span, String(assigned)));
    changes.push(`${r.priority} -> ${assigned}`);
  }
  if (edits.length === 0) return undefined;
  return [{ title: `Renumber priorities to unique values (${changes.join(', ')})`, edits, preferred: true }];
}
