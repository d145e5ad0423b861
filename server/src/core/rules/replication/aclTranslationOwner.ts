import { entry, objects, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { insertProperty, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { destinationSites, sourceLabel } from './replicationWalk';

export const aclTranslationOwner: Rule = {
  id: 'replication/acl-translation-owner',
  catalogue: 'R21b',
  severity: 'error',
  scope: 'resource',
  title: "AccessControlTranslation.Owner must be 'Destination'",
  docs:
    "`AccessControlTranslation.Owner` is required and has exactly one valid value, `Destination` (the replicas become owned by the destination bucket's owner). Any other value, such as `BucketOwner` or `destination`, is rejected. Set `Owner: Destination`.",
  sources: [AWS_DOCS.cfnReplicationDestination, AWS_DOCS.replicationOwner],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      const act = entry(site.destination, 'AccessControlTranslation');
      if (!act) continue;
      for (const obj of objects(act.value)) {
        const owner = entry(obj, 'Owner');
        if (!owner) {
          const edit = insertProperty(ctx.template, ctx.text, obj, 'Owner', 'Destination');
          ctx.report({
            message: `${sourceLabel(site.bucket)}: AccessControlTranslation has no Owner; it is required and must be 'Destination'.`,
            span: act.keySpan,
            fixes: edit ? [{ title: "Add Owner: 'Destination'", edits: [edit], preferred: true, fixAll: true }] : undefined,
          });
          continue;
        }
        const value = str(owner.value);
        if (value === undefined || value === 'Destination') continue;
        ctx.report({
          message: `${sourceLabel(site.bucket)}: AccessControlTranslation.Owner is '${value}'; the only valid value is 'Destination'.`,
          span: owner.value.span,
          fixes: [{ title: "Set Owner to 'Destination'", edits: [replaceScalar(ctx.text, owner.value.span, 'Destination')], preferred: true, fixAll: true }],
        });
      }
    }
  },
};
