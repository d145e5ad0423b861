import { entry, objects, prop, str } from '../../model/access';
import type { ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Fix, Rule } from '../types';
import { destinationSites, presentEntry, sourceLabel } from './replicationWalk';

/** True when a rule replicates SSE-KMS encrypted objects (`SseKmsEncryptedObjects.Status: Enabled`). */
export function replicatesSseKms(rule: ValueNode): boolean {
  return objects(prop(rule, 'SourceSelectionCriteria')).some((ssc) => objects(prop(ssc, 'SseKmsEncryptedObjects')).some((s) => str(prop(s, 'Status')) === 'Enabled'));
}

export const kmsReplicaKeyRequired: Rule = {
  id: 'replication/kms-replica-key-required',
  catalogue: 'R18',
  severity: 'error',
  scope: 'resource',
  title: 'Replicating SSE-KMS objects needs a replica KMS key on the destination',
  docs:
    'When a rule sets `SourceSelectionCriteria.SseKmsEncryptedObjects.Status: Enabled`, S3 must re-encrypt each replica with a KMS key in the destination Region, so the destination needs `EncryptionConfiguration.ReplicaKmsKeyID` (note the capital "ID"). Without it PutBucketReplication is rejected. Add the ARN of a symmetric KMS key in the destination Region (S3 does not check the key at configuration time: a wrong key makes replication fail later).',
  sources: [AWS_DOCS.replicationKms, AWS_DOCS.apiPutBucketReplication, AWS_DOCS.cfnReplicationDestination],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      if (!replicatesSseKms(site.rule)) continue;
      const enc = presentEntry(site.destination, 'EncryptionConfiguration');
      if (!enc) {
        ctx.report({
          message: `${sourceLabel(site.bucket)}: this rule replicates SSE-KMS encrypted objects, but the destination has no EncryptionConfiguration.ReplicaKmsKeyID. S3 needs a KMS key in the destination Region to encrypt the replicas.`,
          span: site.destinationEntry.keySpan,
        });
        continue;
      }
      for (const config of objects(enc.value)) {
        if (entry(config, 'ReplicaKmsKeyID')) continue;
        const misspelled = config.entries.find((e) => e.key.toLowerCase() === 'replicakmskeyid');
        const fixes: Fix[] | undefined = misspelled
          ? [{ title: "Rename to 'ReplicaKmsKeyID'", edits: [replaceScalar(ctx.text, misspelled.keySpan, 'ReplicaKmsKeyID')], preferred: true, fixAll: true }]
          : undefined;
        ctx.report({
          message: misspelled
            ? `${sourceLabel(site.bucket)}: the property is spelled 'ReplicaKmsKeyID' (capital "ID"), not '${misspelled.rawKey}'. Without it S3 has no key to encrypt SSE-KMS replicas.`
            : `${sourceLabel(site.bucket)}: EncryptionConfiguration has no ReplicaKmsKeyID. This rule replicates SSE-KMS encrypted objects, so S3 needs a KMS key in the destination Region.`,
          span: misspelled?.keySpan ?? enc.keySpan,
          fixes,
        });
      }
    }
  },
};

