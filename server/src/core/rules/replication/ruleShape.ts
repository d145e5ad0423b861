import { alternatives, entry, isNoValue, objects, str } from '../../model/access';
import type { Entry, ObjectNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Rule, RuleContext } from '../types';
import { canEdit, insertProperties } from './replicationEdits';
import { replicationConfigs, ruleAnchor, ruleLabel, ruleObjects, sourceLabel } from './replicationRuleSets';

const STATUSES = ['Enabled', 'Disabled'];

/** API spellings that CloudFormation does not accept, by the object they appear in. */
const API_SPELLINGS: Record<string, { where: string; cfn: string }> = {
  ID: { where: 'rule', cfn: 'Id' },
  Tag: { where: 'Filter', cfn: 'TagFilter' },
  Tags: { where: 'And', cfn: 'TagFilters' },
};

export const ruleShape: Rule = {
  id: 'replication/rule-shape',
  catalogue: 'R4',
  severity: 'error',
  scope: 'resource',
  title: 'A replication rule needs Destination and Status, with CloudFormation property names',
  docs:
    'Every replication rule requires `Destination` (with `Bucket`) and `Status` (`Enabled` or `Disabled`). CloudFormation spells some names differently from the S3 API and the AWS CLI: `Id` (not `ID`), `Filter.TagFilter` (not `Tag`) and `And.TagFilters` (not `Tags`). CloudFormation rejects the API spellings because the rule schema allows no other properties.',
  sources: [AWS_DOCS.cfnReplicationRule, AWS_DOCS.cfnBucketReplication],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const [index, rule] of ruleObjects(rc.config).entries()) {
        const label = ruleLabel(rule, index);
        const destination = entry(rule, 'Destination');
        if (!destination || isNoValue(destination.value)) {
          ctx.report({ message: `${sourceLabel(rc.bucket)}, ${label}: a replication rule requires Destination (with the destination bucket ARN).`, span: ruleAnchor(rule) });
        }
        checkStatus(ctx, sourceLabel(rc.bucket), label, rule);
        if (ctx.template.dialect === 'cfn') checkSpelling(ctx, rule);
      }
    }
  },
};

function checkStatus(ctx: RuleContext, bucket: string, label: string, rule: ObjectNode): void {
  const status = entry(rule, 'Status');
  if (!status || isNoValue(status.value)) {
    const edit = canEdit(ctx) ? insertProperties(ctx, rule, [['Status', 'Enabled']]) : undefined;
    ctx.report({
      message: `${bucket}, ${label}: a replication rule requires Status ('Enabled' or 'Disabled').`,
      span: ruleAnchor(rule),
      fixes: edit ? [{ title: "Add 'Status: Enabled'", edits: [edit], preferred: true, fixAll: true }] : undefined,
    });
    return;
  }
  for (const value of alternatives(status.value)) {
    const text = str(value);
    if (text === undefined || STATUSES.includes(text)) continue;
    const proper = STATUSES.find((s) => s.toLowerCase() === text.trim().toLowerCase());
    ctx.report({
      message: `${bucket}, ${label}: Status '${text}' is not valid; use 'Enabled' or 'Disabled' (case-sensitive).`,
      span: value.span,
      fixes: proper && canEdit(ctx) ? [{ title: `Change to '${proper}'`, edits: [replaceScalar(ctx.text, value.span, proper)], preferred: true, fixAll: true }] : undefined,
    });
  }
}

function checkSpelling(ctx: RuleContext, rule: ObjectNode): void {
  const report = (e: Entry): void => {
    const spelling = API_SPELLINGS[e.key];
    if (!spelling) return;
    ctx.report({
      message: `'${e.key}' is the S3 API / AWS CLI spelling; CloudFormation calls it '${spelling.cfn}' and rejects '${e.key}'.`,
      span: e.keySpan,
      fixes: canEdit(ctx) ? [{ title: `Rename to '${spelling.cfn}'`, edits: [replaceScalar(ctx.text, e.keySpan, spelling.cfn)], preferred: true, fixAll: true }] : undefined,
    });
  };
  for (const e of rule.entries) if (API_SPELLINGS[e.key]?.where === 'rule') report(e);
  for (const filter of objects(entry(rule, 'Filter')?.value)) {
    for (const e of filter.entries) if (API_SPELLINGS[e.key]?.where === 'Filter') report(e);
    for (const and of objects(entry(filter, 'And')?.value)) {
      for (const e of and.entries) if (API_SPELLINGS[e.key]?.where === 'And') report(e);
    }
  }
}
