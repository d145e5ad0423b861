import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { destinationSites, presentEntry, sourceLabel } from './replicationWalk';

export const aclTranslationAccount: Rule = {
  id: 'replication/acl-translation-account',
  catalogue: 'R21',
  severity: 'error',
  title: 'AccessControlTranslation requires Destination.Account',
  docs:
    'The owner override (`Destination.AccessControlTranslation: {Owner: Destination}`) hands replicas to the destination bucket owner, so S3 must know who that is: "If you specify the AccessControlTranslation property, the Account property is required." Without `Account` the configuration is rejected. Add `Account` with the 12-digit ID of the account that owns the destination bucket. No automatic fix is offered: a bucket ARN does not contain an account ID, and `!Ref AWS::AccountId` would be this account, where an owner override makes no sense.',
  sources: [AWS_DOCS.cfnReplicationDestination, AWS_DOCS.replicationOwner],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      const act = presentEntry(site.destination, 'AccessControlTranslation');
      if (!act || presentEntry(site.destination, 'Account')) continue;
      ctx.report({
        message: `${sourceLabel(site.bucket)}: AccessControlTranslation needs Destination.Account, the 12-digit ID of the account that owns the destination bucket (the bucket ARN does not say which account that is).`,
        span: act.keySpan,
      });
    }
  },
};
