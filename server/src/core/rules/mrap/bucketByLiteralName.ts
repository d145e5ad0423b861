import { alternatives, entry, str } from '../../model/access';
import { bucketByName } from '../../model/references';
import type { Resource } from '../../model/types';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { regionBuckets } from './regionBuckets';
import { MRAP_TYPE, canFix, replaceWithRef } from './shared';

/** For hovers on the MRAP and its properties (M11). */
export const MRAP_CREATE_ONLY_NOTE =
  'Every property of a Multi-Region Access Point is create-only: changing Name, PublicAccessBlockConfiguration or Regions replaces the MRAP, and the new one gets a new alias, which breaks every client that uses the old alias, ARN or hostname.';

/** Logical ids in the resource's `DependsOn` (a string or a list). */
function dependsOn(resource: Resource): Set<string> {
  const value = entry(resource.body, 'DependsOn')?.value;
  const names = value?.kind === 'array' ? value.items.map(str) : alternatives(value).map(str);
  return new Set(names.filter((n): n is string => n !== undefined));
}

export const bucketByLiteralName: Rule = {
  id: 'mrap/bucket-by-literal-name',
  catalogue: 'M11',
  severity: 'info',
  scope: 'resource',
  title: 'Refer to a bucket of the same template with !Ref, not by its literal name',
  docs:
    'When a Regions entry writes the literal name of a bucket defined in the same template, CloudFormation does not know the MRAP depends on that bucket. It may then create the MRAP before the bucket (creation fails), and on stack deletion it may delete the bucket first, which fails while a same-account MRAP still uses it. `!Ref MyBucket` returns the same name and adds the dependency. Remember that every MRAP property is create-only: editing Regions later replaces the MRAP and changes its alias.',
  sources: [AWS_DOCS.cfnMrap, AWS_DOCS.mrapBuckets],
  dialects: ['cfn'],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType(MRAP_TYPE)) {
      for (const site of regionBuckets(mrap)) {
        const name = str(site.value);
        const bucket = name !== undefined ? bucketByName(ctx.template, name) : undefined;
        if (!bucket || dependsOn(mrap).has(bucket.logicalId)) continue;
        ctx.report({
          message: `MRAP '${mrap.logicalId}' names bucket '${name}' literally, but '${bucket.logicalId}' in this template creates it: use !Ref ${bucket.logicalId} so CloudFormation creates the bucket first and deletes it after the MRAP.`,
          span: site.value.span,
          related: [{ message: `bucket '${bucket.logicalId}'`, span: bucket.idSpan }],
          fixes: canFix(ctx.template) ? [{ title: `Use !Ref ${bucket.logicalId}`, edits: [replaceWithRef(ctx.template, ctx.text, site.value, bucket.logicalId)], preferred: true, fixAll: true }] : undefined,
        });
      }
    }
  },
};
