import { alternatives, arrays, entry, objects } from '../../model/access';
import type { Resource, ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Fix, Rule, RuleContext, TextEdit } from '../types';
import { MRAP_TYPE, canFix } from './shared';

const ACCOUNT_ID = /^\d{12}$/;

/** The value rewritten as a quoted string (unquoted digits would be a number again). */
function asString(ctx: RuleContext, value: ValueNode, digits: string): TextEdit {
  if (/^['"]/.test(ctx.text[value.span.start] ?? '')) return replaceScalar(ctx.text, value.span, digits);
  return { span: value.span, newText: ctx.template.format === 'json' ? `"${digits}"` : `'${digits}'` };
}

function quoteFix(ctx: RuleContext, value: ValueNode, digits: string): Fix[] {
  if (!canFix(ctx.template)) return [];
  const edit = asString(ctx, value, digits);
  return [{ title: `Write it as the string ${edit.newText}`, edits: [edit], preferred: true, fixAll: true }];
}

function check(ctx: RuleContext, mrap: Resource, value: ValueNode): void {
  const where = `MRAP '${mrap.logicalId}': BucketAccountId`;
  if (value.kind === 'number') {
    const raw = ctx.text.slice(value.span.start, value.span.end);
    const digits = String(value.value);
    if (ACCOUNT_ID.test(raw) && raw === digits) {
      ctx.report({
        severity: 'warning',
        message: `${where} ${raw} is written as a number; CloudFormation wants a 12-digit string. Quote it so it stays a string (account ids with a leading zero lose it as numbers).`,
        span: value.span,
        fixes: quoteFix(ctx, value, raw),
      });
      return;
    }
    ctx.report({
      message: `${where} ${raw} is read as the number ${digits}, so CloudFormation gets '${digits}' (${digits.length} digits); an account id is exactly 12 digits, written as a quoted string.`,
      span: value.span,
      fixes: ACCOUNT_ID.test(raw) ? quoteFix(ctx, value, raw) : undefined,
    });
    return;
  }
  if (value.kind !== 'string' || ACCOUNT_ID.test(value.value)) return;
  const compact = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(value.value)?.[1] ?? value.value.replace(/[-\s]/g, '');
  const fixes: Fix[] = ACCOUNT_ID.test(compact) && canFix(ctx.template)
    ? [{ title: `Use '${compact}'`, edits: [asString(ctx, value, compact)], preferred: true, fixAll: true }]
    : [];
  const hint = value.value.startsWith('arn:') ? ' (the account id, not an ARN)' : ACCOUNT_ID.test(compact) ? ' (digits only, no dashes or spaces)' : '';
  ctx.report({ message: `${where} '${value.value}' is not an AWS account id: it must be exactly 12 digits${hint}.`, span: value.span, fixes });
}

export const bucketAccountId: Rule = {
  id: 'mrap/bucket-account-id',
  catalogue: 'M6',
  severity: 'error',
  scope: 'resource',
  title: 'BucketAccountId must be a 12-digit account id',
  docs:
    '`BucketAccountId` names the AWS account that owns a bucket in another account (cross-account MRAPs are supported since March 2023). CloudFormation requires a string of exactly 12 digits (`^[0-9]{12}$`). Write it quoted: an unquoted `123456789012` is a number in YAML and JSON, and an id with a leading zero loses it. Leave `BucketAccountId` out for buckets of the stack\'s own account.',
  sources: [AWS_DOCS.cfnMrap, AWS_DOCS.mrapBuckets],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType(MRAP_TYPE)) {
      for (const list of arrays(entry(mrap.properties, 'Regions')?.value)) {
        for (const item of list.items.flatMap(objects)) {
          for (const value of alternatives(entry(item, 'BucketAccountId')?.value)) check(ctx, mrap, value);
        }
      }
    }
  },
};
