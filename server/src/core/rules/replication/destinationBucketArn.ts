import { isIntrinsic, prop, str } from '../../model/access';
import { bucketOf, getAttParts, getAttTarget, refTarget } from '../../model/references';
import type { IntrinsicNode, Resource, StringNode, ValueNode } from '../../model/types';
import { cdkBucketMember } from '../cdkEdits';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Fix, Rule, RuleContext, TextEdit } from '../types';
import { canEdit } from './replicationEdits';
import { destinationBuckets, replicationConfigs, ruleLabel, ruleObjects, sourceLabel } from './replicationRuleSets';

const BUCKET_ARN = /^arn:[a-z0-9-]+:s3:::[^/:*?\s]+$/;

export const destinationBucketArn: Rule = {
  id: 'replication/destination-bucket-arn',
  catalogue: 'R5',
  severity: 'error',
  title: 'Destination.Bucket must be the destination bucket ARN, not its name',
  docs:
    '`Destination.Bucket` takes the ARN of the destination bucket (`arn:aws:s3:::my-bucket`, or `arn:${AWS::Partition}:s3:::my-bucket`), not its name. `!Ref MyBucket` returns the bucket NAME; use `!GetAtt MyBucket.Arn`. S3 rejects a plain name, so the stack fails.',
  sources: [AWS_DOCS.cfnReplicationDestination, AWS_DOCS.apiPutBucketReplication],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      const partition = partitionOf(str(prop(rc.config, 'Role')));
      for (const [index, rule] of ruleObjects(rc.config).entries()) {
        const where = `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)}`;
        for (const value of destinationBuckets(rule)) check(ctx, where, value, partition);
      }
    }
  },
};

/** CDK: the ARN is a member of the bucket construct (`bucketArn`, or `attrArn` on a CfnBucket). */
function reportCdk(ctx: RuleContext, value: ValueNode, bucket: Resource, message: string): void {
  const swap = cdkBucketMember(ctx.text, value.span, bucket, 'arn');
  ctx.report({
    message: swap ? `${message} Use ${swap.written}.` : message,
    span: value.span,
    fixes: swap ? [{ title: `Use ${swap.written}`, edits: [swap.edit], preferred: true, fixAll: true }] : undefined,
  });
}

function check(ctx: RuleContext, where: string, value: ValueNode, partition: string | undefined): void {
  const ref = refTarget(ctx.template, value);
  if (ref && isIntrinsic(value)) {
    if (ref.type !== 'AWS::S3::Bucket') return;
    if (ctx.template.dialect === 'cdk') {
      reportCdk(ctx, value, ref, `${where}: Destination.Bucket needs the bucket ARN, but this is the NAME of bucket '${ref.logicalId}'.`);
      return;
    }
    const edits = canEdit(ctx) ? getAttEdits(ctx, value, ref.logicalId) : undefined;
    ctx.report({
      message: `${where}: Destination.Bucket needs the bucket ARN, but Ref returns the NAME of bucket '${ref.logicalId}'. Use !GetAtt ${ref.logicalId}.Arn.`,
      span: value.span,
      fixes: edits ? [{ title: `Use !GetAtt ${ref.logicalId}.Arn`, edits, preferred: true, fixAll: true }] : undefined,
    });
    return;
  }
  const att = getAttTarget(ctx.template, value);
  if (att) {
    const parts = getAttParts(value);
    if (att.resource.type !== 'AWS::S3::Bucket' || att.attribute === 'Arn' || !parts) return;
    if (ctx.template.dialect === 'cdk') {
      reportCdk(ctx, value, att.resource, `${where}: Destination.Bucket needs the bucket ARN; the ${att.attribute} of bucket '${att.resource.logicalId}' is not it.`);
      return;
    }
    ctx.report({
      message: `${where}: Destination.Bucket needs the bucket ARN; ${att.resource.logicalId}.${att.attribute} is not it. Use !GetAtt ${att.resource.logicalId}.Arn.`,
      span: value.span,
      fixes: canEdit(ctx) ? [{ title: `Use ${att.resource.logicalId}.Arn`, edits: [replaceScalar(ctx.text, parts.attributeSpan, 'Arn')], preferred: true, fixAll: true }] : undefined,
    });
    return;
  }
  if (isIntrinsic(value, 'Fn::Sub')) {
    checkSub(ctx, where, value);
    return;
  }
  if (value.kind !== 'string') return;
  if (value.value.startsWith('arn:')) {
    if (!BUCKET_ARN.test(value.value)) {
      ctx.report({ message: `${where}: '${value.value}' is not a bucket ARN; Destination.Bucket takes 'arn:<partition>:s3:::<bucket-name>' (no Region, account or path).`, span: value.span });
    }
    return;
  }
  if (value.value.trim() === '' || /[\s/:]/.test(value.value)) {
    ctx.report({ message: `${where}: Destination.Bucket must be a bucket ARN ('arn:<partition>:s3:::<bucket-name>').`, span: value.span });
    return;
  }
  ctx.report({
    message: `${where}: Destination.Bucket must be the bucket ARN, not the name '${value.value}'.`,
    span: value.span,
    // A string literal is edited the same way in code (the CDK fix keeps the literal).
    fixes: canEdit(ctx) || ctx.template.dialect === 'cdk' ? nameFixes(ctx, value, partition) : undefined,
  });
}

function partitionOf(arn: string | undefined): string | undefined {
  return arn ? /^arn:([a-z0-9-]+):/.exec(arn)?.[1] : undefined;
}

/** `!GetAtt B.Arn` in the style of the intrinsic it replaces. */
function getAttEdits(ctx: RuleContext, node: IntrinsicNode, target: string): TextEdit[] | undefined {
  if (node.style === 'short') return [{ span: node.span, newText: `!GetAtt ${target}.Arn` }];
  if (node.style !== 'long') return undefined;
  const arg = ctx.template.format === 'json' ? `[${JSON.stringify(target)}, "Arn"]` : `[${target}, Arn]`;
  return [replaceScalar(ctx.text, node.nameSpan, 'Fn::GetAtt'), { span: node.arg.span, newText: arg }];
}

/** The document prefers long-form intrinsics (JSON, or YAML written with `Fn::` keys). */
function usesLongForm(ctx: RuleContext): boolean {
  if (ctx.template.format === 'json') return true;
  return !/!(Ref|GetAtt|Sub)\b/.test(ctx.text) && /\b(Fn::\w+|Ref):/.test(ctx.text);
}

function nameFixes(ctx: RuleContext, value: StringNode, partition: string | undefined): Fix[] {
  const fixes: Fix[] = [];
  const named = bucketOf(ctx.template, value);
  const bucket = named.kind === 'literal' ? named.resource : undefined;
  const long = usesLongForm(ctx);
  if (bucket && ctx.template.dialect === 'cfn' && !bucket.synthetic) {
    const text = long ? (ctx.template.format === 'json' ? `{ "Fn::GetAtt": [${JSON.stringify(bucket.logicalId)}, "Arn"] }` : `{ "Fn::GetAtt": [${bucket.logicalId}, Arn] }`) : `!GetAtt ${bucket.logicalId}.Arn`;
    fixes.push({ title: `Use !GetAtt ${bucket.logicalId}.Arn`, edits: [{ span: value.span, newText: text }], preferred: true, fixAll: true });
  }
  if (partition || ctx.template.dialect !== 'cfn') {
    const arn = `arn:${partition ?? 'aws'}:s3:::${value.value}`;
    fixes.push({ title: `Use '${arn}'`, edits: [replaceScalar(ctx.text, value.span, arn)], preferred: fixes.length === 0, fixAll: fixes.length === 0 });
  } else {
    const sub = `arn:\${AWS::Partition}:s3:::${value.value}`;
    const text = long ? `{ "Fn::Sub": ${JSON.stringify(sub)} }` : `!Sub '${sub}'`;
    fixes.push({ title: `Use !Sub '${sub}'`, edits: [{ span: value.span, newText: text }], preferred: fixes.length === 0, fixAll: fixes.length === 0 });
  }
  return fixes;
}

/**
 * `!Sub 'backup-${AWS::AccountId}'` builds a bucket NAME. Only literal-led strings are judged:
 * `${Param}` could hold a whole ARN.
 */
function checkSub(ctx: RuleContext, where: string, node: IntrinsicNode): void {
  const tmpl = node.arg.kind === 'array' ? node.arg.items[0] : node.arg;
  if (tmpl?.kind !== 'string' || tmpl.value.startsWith('arn:') || tmpl.value.startsWith('${') || /[\s/:]/.test(tmpl.value.replace(/\$\{[^}]*\}/g, ''))) return;
  const raw = tmpl.span.end - tmpl.span.start;
  const quoted = raw === tmpl.value.length + 2;
  const exact = raw === tmpl.value.length || quoted;
  const at = tmpl.span.start + (quoted ? 1 : 0);
  const prefix = 'arn:${AWS::Partition}:s3:::';
  ctx.report({
    message: `${where}: this !Sub builds the bucket name '${tmpl.value}'; Destination.Bucket needs the ARN: '${prefix}${tmpl.value}'.`,
    span: node.span,
    fixes: exact && canEdit(ctx) ? [{ title: `Prefix with '${prefix}'`, edits: [{ span: { start: at, end: at }, newText: prefix }], preferred: true, fixAll: true }] : undefined,
  });
}
