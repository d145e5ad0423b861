import { isIntrinsic, path, str } from '../../model/access';
import { bucketByName, bucketOf, getAttTarget, refTarget } from '../../model/references';
import type { Resource, Template, ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { cdkBucketMember } from '../cdkEdits';
import { replaceScalar } from '../edits';
import type { Fix, Rule, RuleContext } from '../types';
import { regionBuckets } from './regionBuckets';
import { MRAP_TYPE, canFix, replaceWithRef } from './shared';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;

/** Why a literal is not a valid S3 bucket name, or undefined when it is one. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `it has ${name.length} characters; bucket names have 3 to 63`;
  if (/[A-Z]/.test(name)) return 'it has uppercase letters; bucket names are lowercase';
  if (name.includes('/')) return "it has '/'; give the bucket name only";
  if (!BUCKET_NAME.test(name)) return 'bucket names use lowercase letters, digits, dots and hyphens, and start and end with a letter or digit';
  if (name.includes('..')) return 'it has two adjacent dots';
  return undefined;
}

function refFix(ctx: RuleContext, value: ValueNode, bucket: Resource): Fix[] {
  if (!canFix(ctx.template)) return [];
  return [{ title: `Use !Ref ${bucket.logicalId} (the bucket name)`, edits: [replaceWithRef(ctx.template, ctx.text, value, bucket.logicalId)], preferred: true, fixAll: true }];
}

function accessPointBucket(template: Template, ap: Resource): Resource | undefined {
  const target = refTarget(template, path(ap.properties, 'Bucket'));
  return target?.type === 'AWS::S3::Bucket' ? target : undefined;
}

function check(ctx: RuleContext, mrap: Resource, value: ValueNode): void {
  const where = `MRAP '${mrap.logicalId}'`;
  const byAtt = getAttTarget(ctx.template, value);
  const byRef = refTarget(ctx.template, value);
  const target = byAtt?.resource ?? byRef;
  if (target?.type === 'AWS::S3::AccessPoint') {
    const bucket = accessPointBucket(ctx.template, target);
    ctx.report({
      message: `${where}: '${target.logicalId}' is a Regional access point; an MRAP is built from buckets, so give the bucket name${bucket ? ` (!Ref ${bucket.logicalId})` : ''}.`,
      span: value.span,
      fixes: bucket ? refFix(ctx, value, bucket) : undefined,
    });
    return;
  }
  if (byAtt && byAtt.resource.type === 'AWS::S3::Bucket' && ctx.template.dialect === 'cdk') {
    // CDK: the name is a member of the bucket construct (`bucketName`, or `ref` on a CfnBucket).
    const swap = cdkBucketMember(ctx.text, value.span, byAtt.resource, 'name');
    ctx.report({
      message: `${where}: Bucket takes the bucket name, but this is the ${byAtt.attribute === 'Arn' ? 'ARN' : byAtt.attribute} of bucket '${byAtt.resource.logicalId}'${swap ? `; use ${swap.written}` : ''}.`,
      span: value.span,
      fixes: swap ? [{ title: `Use ${swap.written}`, edits: [swap.edit], preferred: true, fixAll: true }] : undefined,
    });
    return;
  }
  if (byAtt && byAtt.resource.type === 'AWS::S3::Bucket') {
    ctx.report({
      message: `${where}: Bucket takes the bucket name, but ${isIntrinsic(value) && value.style === 'short' ? '!GetAtt' : 'Fn::GetAtt'} ${byAtt.resource.logicalId}.${byAtt.attribute} is ${byAtt.attribute === 'Arn' ? 'its ARN' : `its ${byAtt.attribute}`}; use !Ref ${byAtt.resource.logicalId}.`,
      span: value.span,
      fixes: refFix(ctx, value, byAtt.resource),
    });
    return;
  }
  if (isIntrinsic(value, 'Fn::Sub')) {
    const tmpl = value.arg.kind === 'array' ? str(value.arg.items[0]) : str(value.arg);
    if (!tmpl?.startsWith('arn:')) return;
    const ref = bucketOf(ctx.template, value);
    const bucket = ref.kind === 'resource' ? ref.resource : undefined;
    ctx.report({ message: `${where}: Bucket takes the bucket name, not an ARN${bucket ? `; use !Ref ${bucket.logicalId}` : ''}.`, span: value.span, fixes: bucket ? refFix(ctx, value, bucket) : undefined });
    return;
  }
  const literal = str(value);
  if (literal === undefined) return;
  const arn = /^arn:[^:]*:s3:::([^/]+)/.exec(literal) ?? /^s3:\/\/([^/]+)/.exec(literal);
  if (arn || literal.startsWith('arn:')) {
    const name = arn?.[1];
    const bucket = name !== undefined ? bucketByName(ctx.template, name) : undefined;
    const fixes: Fix[] = [];
    if (bucket) fixes.push(...refFix(ctx, value, bucket));
    else if (name !== undefined && bucketNameProblem(name) === undefined && (canFix(ctx.template) || ctx.template.dialect === 'cdk')) {
      fixes.push({ title: `Use the bucket name '${name}'`, edits: [replaceScalar(ctx.text, value.span, name)], preferred: true, fixAll: true });
    }
    ctx.report({ message: `${where}: Bucket takes the bucket name, not '${literal}'${name !== undefined ? `; write '${name}'` : ''}.`, span: value.span, fixes });
    return;
  }
  const problem = bucketNameProblem(literal);
  if (problem) ctx.report({ message: `${where}: '${literal}' is not a valid bucket name: ${problem}.`, span: value.span });
}

export const bucketNotName: Rule = {
  id: 'mrap/bucket-not-name',
  catalogue: 'M5',
  severity: 'error',
  title: 'A Regions entry names its bucket by name, not by ARN',
  docs:
    'In `Regions`, `Bucket` is the bucket **name** (3 to 63 lowercase letters, digits, dots and hyphens). `!Ref MyBucket` returns the name and is right; `!GetAtt MyBucket.Arn` or an `arn:aws:s3:::...` string is an ARN and CloudFormation rejects it (replication is the other way round: its `Destination.Bucket` wants the ARN). An MRAP is built from buckets, not from Regional access points. Use `!Ref` to the bucket, or its literal name.',
  sources: [AWS_DOCS.cfnMrap, AWS_DOCS.apiCreateMrap],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType(MRAP_TYPE)) {
      for (const site of regionBuckets(mrap)) check(ctx, mrap, site.value);
    }
  },
};
