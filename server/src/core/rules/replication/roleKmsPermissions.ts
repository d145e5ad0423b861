import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { notAllowed, roleActions } from './iamGrants';
import { replicatesSseKms } from './kmsReplicaKeyRequired';
import { replicationRuleSites } from './replicationWalk';
import { permissionsSpan, replicationRoles } from './rolePermissions';

const KMS_ACTIONS: readonly string[] = ['kms:Decrypt', 'kms:Encrypt'];

export const roleKmsPermissions: Rule = {
  id: 'replication/role-kms-permissions',
  catalogue: 'R26',
  severity: 'warning',
  title: 'SSE-KMS replication needs kms:Decrypt and kms:Encrypt on the replication role',
  docs:
    'To replicate SSE-KMS encrypted objects (`SseKmsEncryptedObjects: Enabled`) the replication role must be able to decrypt with the source object\'s KMS key (`kms:Decrypt`) and encrypt the replica with the destination key (`kms:Encrypt`, on `ReplicaKmsKeyID`). Without them the stack deploys but those objects never replicate (their replication status becomes FAILED). Add a statement allowing `kms:Decrypt` on the source key and `kms:Encrypt` on the replica key (and `kms:GenerateDataKey` when plaintext objects go to an SSE-KMS destination). Skipped when the role\'s policies are not statically readable.',
  sources: [AWS_DOCS.replicationKms, AWS_DOCS.replicationPermissions],
  check(ctx) {
    const kmsBuckets = new Set(replicationRuleSites(ctx).filter((s) => replicatesSseKms(s.rule)).map((s) => s.bucket.logicalId));
    if (kmsBuckets.size === 0) return;
    for (const use of replicationRoles(ctx)) {
      const buckets = use.buckets.filter((b) => kmsBuckets.has(b));
      if (buckets.length === 0) continue;
      const actions = roleActions(ctx.template, use.role);
      if (!actions) continue;
      const missing = notAllowed(actions, KMS_ACTIONS);
      if (missing.length === 0) continue;
      ctx.report({
        message: `Role '${use.role.logicalId}' replicates SSE-KMS objects for ${buckets.join(', ')} but no policy in this template allows ${missing.join(' and ')}: S3 needs kms:Decrypt on the source key and kms:Encrypt on the replica key, or those objects fail to replicate.`,
        span: permissionsSpan(use.role),
        related: [{ message: `Used as the replication role of ${buckets.join(', ')}`, span: use.usedAt }],
      });
    }
  },
};
