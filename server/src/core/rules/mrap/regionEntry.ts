import { alternatives, arrays, entry } from '../../model/access';
import { refTarget } from '../../model/references';
import type { ArrayNode, Entry, ObjectNode, Resource, ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { camelKey } from '../cdkEdits';
import { removeEntry } from '../edits';
import type { Fix, Rule, RuleContext } from '../types';
import { MRAP_TYPE, canFix, renameKey } from './shared';

const ALLOWED = ['Bucket', 'BucketAccountId'];

function squash(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

const RENAMES: Record<string, string> = {
  bucket: 'Bucket',
  bucketname: 'Bucket',
  name: 'Bucket',
  bucketarn: 'Bucket',
  bucketid: 'Bucket',
  bucketaccountid: 'BucketAccountId',
  accountid: 'BucketAccountId',
  account: 'BucketAccountId',
  bucketaccount: 'BucketAccountId',
  bucketowner: 'BucketAccountId',
  owner: 'BucketAccountId',
};

function truthFor(key: string, rename: string | undefined, cdk: boolean): string {
  const s = squash(key);
  if (s === 'region' || s === 'regionname' || s === 'awsregion') return "the Region is not written: S3 takes it from the bucket's location, so list only Bucket (and BucketAccountId for another account's bucket)";
  if (/traffic|dial|rout|active|passive|failover|priority|weight/.test(s)) return 'routing is not part of the MRAP definition: every Region starts active; set active/passive with SubmitMultiRegionAccessPointRoutes after creation';
  if (s === 'bucketarn') return "Bucket takes the bucket's name (e.g. !Ref MyBucket), not its ARN";
  if (rename) return `the property is '${cdk ? camelKey(rename) : rename}'`;
  return 'an entry has only Bucket (required) and BucketAccountId';
}

function checkEntry(ctx: RuleContext, mrap: Resource, item: ObjectNode): void {
  const hasBucket = item.entries.some((e) => e.key === 'Bucket');
  let bucketRenameOffered = false;
  item.entries.forEach((e: Entry, index) => {
    if (ALLOWED.includes(e.key)) return;
    const rename = RENAMES[squash(e.key)];
    const usable = rename !== undefined && !item.entries.some((x) => x.key === rename) && !(rename === 'Bucket' && bucketRenameOffered);
    if (usable && rename === 'Bucket') bucketRenameOffered = true;
    const fixes: Fix[] = [];
    const cdk = ctx.template.dialect === 'cdk';
    // In CDK code the L1 prop is the camelCase name; only the rename is offered there.
    if (cdk && usable) fixes.push({ title: `Rename '${e.rawKey}' to '${camelKey(rename)}'`, edits: [renameKey(ctx.text, e.keySpan, camelKey(rename))], preferred: true, fixAll: true });
    else if (canFix(ctx.template)) {
      if (usable) fixes.push({ title: `Rename '${e.rawKey}' to '${rename}'`, edits: [renameKey(ctx.text, e.keySpan, rename)], preferred: true, fixAll: true });
      else {
        const removal = removeEntry(ctx.text, item, index);
        if (removal) fixes.push({ title: `Remove '${e.rawKey}'`, edits: [removal], preferred: true, fixAll: squash(e.key) === 'region' });
      }
    }
    ctx.report({ message: `MRAP '${mrap.logicalId}': a Regions entry has no property '${e.rawKey}': ${truthFor(e.key, usable ? rename : undefined, cdk)}.`, span: e.keySpan, fixes });
  });
  if (!hasBucket && !bucketRenameOffered) {
    ctx.report({ message: `MRAP '${mrap.logicalId}': a Regions entry lacks the required 'Bucket' (the bucket's name, e.g. !Ref MyBucket).`, span: item.entries[0]?.keySpan ?? item.span });
  }
}

/** `- my-bucket` or `- !Ref MyBucket` where `- Bucket: ...` belongs. */
function checkBareItem(ctx: RuleContext, mrap: Resource, list: ArrayNode, item: ValueNode): void {
  const named = item.kind === 'string' || (refTarget(ctx.template, item)?.type === 'AWS::S3::Bucket');
  if (!named) return;
  const raw = ctx.text.slice(item.span.start, item.span.end);
  const fixes: Fix[] = [];
  if (canFix(ctx.template) && !raw.includes('\n')) {
    const newText = ctx.template.format === 'json' ? `{ "Bucket": ${raw} }` : list.flow ? `{ Bucket: ${raw} }` : `Bucket: ${raw}`;
    fixes.push({ title: "Write the entry as 'Bucket: ...'", edits: [{ span: item.span, newText }], preferred: true, fixAll: true });
  }
  ctx.report({ message: `MRAP '${mrap.logicalId}': each Regions entry is an object with a 'Bucket' key, not a bare bucket name.`, span: item.span, fixes });
}

export const regionEntry: Rule = {
  id: 'mrap/region-entry',
  catalogue: 'M4',
  severity: 'error',
  scope: 'resource',
  title: 'A Regions entry has only Bucket (required) and BucketAccountId',
  docs:
    'Each item of `Regions` is an object with `Bucket` (required: the bucket name) and, for a bucket owned by another account, `BucketAccountId`. Nothing else is allowed: the Region itself is not written (S3 takes it from the bucket), and routing (active/passive) is set after creation with SubmitMultiRegionAccessPointRoutes. CloudFormation rejects other keys, such as `Region`, `BucketName` or `BucketArn`.',
  sources: [AWS_DOCS.cfnMrap, AWS_DOCS.mrapBuckets],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType(MRAP_TYPE)) {
      for (const list of arrays(entry(mrap.properties, 'Regions')?.value)) {
        for (const raw of list.items) {
          for (const item of alternatives(raw)) {
            if (item.kind === 'object') checkEntry(ctx, mrap, item);
            else checkBareItem(ctx, mrap, list, item);
          }
        }
      }
    }
  },
};
