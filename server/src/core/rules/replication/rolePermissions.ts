import { entry } from '../../model/access';
import type { Resource, Span } from '../../model/types';
import { AWS_DOCS } from '../docs';
import type { Rule, RuleContext } from '../types';
import { notAllowed, roleActions, templateRolesOf, trustsS3 } from './iamGrants';
import { destinationSites, presentEntry, replicationConfigs } from './replicationWalk';

/** The replication actions S3 needs on the source bucket, source objects and destination objects. */
export const REPLICATION_ACTIONS: readonly string[] = [
  's3:GetReplicationConfiguration',
  's3:ListBucket',
  's3:GetObjectVersionForReplication',
  's3:GetObjectVersionAcl',
  's3:GetObjectVersionTagging',
  's3:ReplicateObject',
  's3:ReplicateDelete',
  's3:ReplicateTags',
];

const OWNER_OVERRIDE_ACTION = 's3:ObjectOwnerOverrideToBucketOwner';

export interface RoleUse {
  readonly role: Resource;
  /** The `Role` value in the first replication configuration that uses it. */
  readonly usedAt: Span;
  readonly buckets: string[];
}

/** Template roles used by replication configurations of template buckets (not AWS CLI input), once each. */
export function replicationRoles(ctx: RuleContext): RoleUse[] {
  const byRole = new Map<Resource, RoleUse>();
  for (const site of replicationConfigs(ctx)) {
    if (site.bucket.synthetic) continue;
    const roleEntry = entry(site.config, 'Role');
    for (const role of templateRolesOf(ctx.template, roleEntry?.value)) {
      // Roles we cannot read (CDK iam.Role: CDK grants the replication permissions itself) are not judged.
      if (role.synthetic || !role.properties) continue;
      const use = byRole.get(role) ?? { role, usedAt: roleEntry?.value.span ?? site.configEntry.keySpan, buckets: [] };
      if (!use.buckets.includes(site.bucket.logicalId)) use.buckets.push(site.bucket.logicalId);
      byRole.set(role, use);
    }
  }
  return [...byRole.values()];
}

/** Where to report a role's missing permissions: its `Policies` key, else its logical id. */
export function permissionsSpan(role: Resource): Span {
  return entry(role.properties, 'Policies')?.keySpan ?? role.idSpan;
}

export const rolePermissions: Rule = {
  id: 'replication/role-permissions',
  catalogue: 'R25',
  severity: 'warning',
  title: 'The replication role must trust s3.amazonaws.com and allow the replication actions',
  docs:
    'S3 replicates by assuming `ReplicationConfiguration.Role`. The role\'s trust policy must allow `s3.amazonaws.com` to `sts:AssumeRole`, and its policies must allow `s3:GetReplicationConfiguration` and `s3:ListBucket` on the source bucket, `s3:GetObjectVersionForReplication`, `s3:GetObjectVersionAcl` and `s3:GetObjectVersionTagging` on the source objects, and `s3:ReplicateObject`, `s3:ReplicateDelete` and `s3:ReplicateTags` on the destination objects (plus `s3:ObjectOwnerOverrideToBucketOwner` with an owner override). The stack deploys without them, but nothing replicates. This check reads the role, its inline `Policies` and the `AWS::IAM::Policy`/`ManagedPolicy`/`RolePolicy` resources of the template attached to it; wildcards such as `s3:Replicate*` count. When any of that is not statically readable (computed actions, `Fn::If`, AWS managed policy ARNs) it says nothing. Resources are not compared.',
  sources: [AWS_DOCS.replicationPermissions],
  check(ctx) {
    // Once per template, not per role: buckets with an owner override (AccessControlTranslation).
    const overriding = new Set(
      destinationSites(ctx)
        .filter((d) => !d.bucket.synthetic && presentEntry(d.destination, 'AccessControlTranslation'))
        .map((d) => d.bucket.logicalId),
    );
    for (const use of replicationRoles(ctx)) {
      const { role } = use;
      const related = [{ message: `Used as the replication role of ${use.buckets.join(', ')}`, span: use.usedAt }];
      const trust = entry(role.properties, 'AssumeRolePolicyDocument');
      if (trust && trustsS3(role) === false) {
        ctx.report({
          message: `Role '${role.logicalId}' is the replication role of ${use.buckets.join(', ')}, but its trust policy does not let s3.amazonaws.com assume it (Principal: {Service: s3.amazonaws.com}, Action: sts:AssumeRole). S3 cannot replicate.`,
          span: trust.keySpan,
          related,
        });
      }
      const actions = roleActions(ctx.template, role);
      if (!actions) continue;
      const needsOverride = use.buckets.some((b) => overriding.has(b));
      const required = needsOverride ? [...REPLICATION_ACTIONS, OWNER_OVERRIDE_ACTION] : REPLICATION_ACTIONS;
      const missing = notAllowed(actions, required);
      if (missing.length === 0) continue;
      ctx.report({
        message: `Role '${role.logicalId}' (replication role of ${use.buckets.join(', ')}) is not allowed ${missing.join(', ')} by any policy in this template; replication fails without ${missing.length === 1 ? 'it' : 'them'}.`,
        span: permissionsSpan(role),
        related,
      });
    }
  },
};
