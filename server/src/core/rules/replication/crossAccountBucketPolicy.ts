import { entry, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { destinationResource, provablySameAccount } from './destinationAccount';
import { destinationSites, presentEntry } from './replicationWalk';

export const crossAccountBucketPolicy: Rule = {
  id: 'replication/cross-account-bucket-policy',
  catalogue: 'R30',
  severity: 'info',
  title: "Cross-account replication needs the destination bucket's policy to allow the replication role",
  docs:
    "When the destination bucket belongs to another account (`Destination.Account` is another 12-digit account ID), that account's bucket policy must allow the source's replication role to `s3:ReplicateObject`, `s3:ReplicateDelete` and `s3:ReplicateTags` (and `s3:ObjectOwnerOverrideToBucketOwner` with an owner override). That policy lives in the other account, so it cannot be checked here; this is a reminder. Only an explicit literal account is reported. Same-Region replication (SRR) is a valid, ordinary configuration and is never reported: SRR and CRR configurations are identical, only the destination bucket's Region differs.",
  sources: [AWS_DOCS.replicationRequirements, AWS_DOCS.replicationOwner, AWS_DOCS.replicationPermissions],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      const account = presentEntry(site.destination, 'Account');
      const id = str(account?.value);
      if (!account || id === undefined || !/^\d{12}$/.test(id)) continue;
      if (provablySameAccount(ctx.template, site)) continue;
      // A destination bucket of the same stack lives in the stack's account, whatever the literal says.
      const dest = destinationResource(ctx.template, site);
      if (dest && dest.stack === site.bucket.stack) continue;
      const actions = presentEntry(site.destination, 'AccessControlTranslation')
        ? 's3:ReplicateObject, s3:ReplicateDelete, s3:ReplicateTags and s3:ObjectOwnerOverrideToBucketOwner'
        : 's3:ReplicateObject, s3:ReplicateDelete and s3:ReplicateTags';
      const bucket = str(entry(site.destination, 'Bucket')?.value);
      ctx.report({
        message: `Cross-account replication to account ${id}${bucket ? ` (${bucket})` : ''}: the destination bucket's policy in that account must allow the replication role ${actions}. It cannot be checked from here.`,
        span: account.value.span,
      });
    }
  },
};
