import { AWS_DOCS } from '../docs';
import { removeEntry } from '../edits';
import type { Rule } from '../types';
import { destinationResource } from './destinationAccount';
import { destinationSites, presentEntry, sourceLabel } from './replicationWalk';

export const aclTranslationAccount: Rule = {
  id: 'replication/acl-translation-account',
  catalogue: 'R21',
  severity: 'error',
  title: 'AccessControlTranslation requires Destination.Account',
  docs:
    'The owner override (`Destination.AccessControlTranslation: {Owner: Destination}`) hands replicas to the destination bucket owner, so S3 must know who that is: "If you specify the AccessControlTranslation property, the Account property is required." Without `Account` the configuration is rejected. Add `Account` with the 12-digit ID of the account that owns the destination bucket. No fix adds it for you: a bucket ARN does not contain an account ID, and `!Ref AWS::AccountId` would be this account, where an owner override makes no sense. When the destination bucket is defined in this same stack (so it is in this account), the fix is to remove `AccessControlTranslation` instead.',
  sources: [AWS_DOCS.cfnReplicationDestination, AWS_DOCS.replicationOwner],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      const act = presentEntry(site.destination, 'AccessControlTranslation');
      if (!act || presentEntry(site.destination, 'Account')) continue;
      const local = destinationResource(ctx.template, site);
      if (local && local.stack === site.bucket.stack) {
        const edit = removeEntry(ctx.text, site.destination, site.destination.entries.indexOf(act));
        ctx.report({
          message: `${sourceLabel(site.bucket)}: AccessControlTranslation requires Destination.Account, but the destination '${local.logicalId}' is a bucket of this stack, in this same account, where an owner override does nothing: remove AccessControlTranslation.`,
          span: act.keySpan,
          fixes: edit ? [{ title: 'Remove AccessControlTranslation', edits: [edit], preferred: true }] : undefined,
        });
        continue;
      }
      ctx.report({
        message: `${sourceLabel(site.bucket)}: AccessControlTranslation needs Destination.Account, the 12-digit ID of the account that owns the destination bucket (the bucket ARN does not say which account that is).`,
        span: act.keySpan,
      });
    }
  },
};
