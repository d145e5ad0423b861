import { AWS_DOCS } from '../docs';
import { removeEntry } from '../edits';
import type { Rule } from '../types';
import { provablySameAccount } from './destinationAccount';
import { destinationSites, presentEntry, sourceLabel } from './replicationWalk';

export const aclTranslationSameAccount: Rule = {
  id: 'replication/acl-translation-same-account',
  catalogue: 'R22',
  severity: 'warning',
  title: 'AccessControlTranslation (owner override) on a same-account destination',
  docs:
    'The owner override (`AccessControlTranslation`) exists for cross-account replication: it makes the destination account own the replicas. When the destination is in the same account (`Account: !Ref AWS::AccountId`, or a destination bucket defined in this same stack) it has nothing to do; the AWS CDK refuses it ("only supported for cross-account replication") and it adds a needless `s3:ObjectOwnerOverrideToBucketOwner` permission. Remove `AccessControlTranslation` (and `Account`), or point the rule at the other account\'s bucket.',
  sources: [AWS_DOCS.replicationOwner, AWS_DOCS.cfnReplicationDestination],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      const act = presentEntry(site.destination, 'AccessControlTranslation');
      if (!act || !provablySameAccount(ctx.template, site)) continue;
      // An L2 CDK rule: the override is its `accessControlTransition` prop.
      const origin = site.destination.cdkOrigin;
      const edit = origin
        ? removeEntry(ctx.text, origin.literal, origin.literal.entries.findIndex((e) => e.rawKey === 'accessControlTransition'))
        : removeEntry(ctx.text, site.destination, site.destination.entries.indexOf(act));
      ctx.report({
        message: `${sourceLabel(site.bucket)}: the destination is in the same account, so AccessControlTranslation (owner override) has no effect; it is only for cross-account replication.`,
        span: act.keySpan,
        fixes: edit ? [{ title: 'Remove AccessControlTranslation', edits: [edit], preferred: true }] : undefined,
      });
    }
  },
};
