import { entry, objects } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { insertProperty } from '../edits';
import type { Rule, TextEdit } from '../types';
import { destinationSites, presentEntry, sourceLabel } from './replicationWalk';

export const encryptionWithoutSseKms: Rule = {
  id: 'replication/encryption-without-sse-kms',
  catalogue: 'R19',
  severity: 'warning',
  scope: 'resource',
  title: 'Destination EncryptionConfiguration without SourceSelectionCriteria.SseKmsEncryptedObjects',
  docs:
    'A replica KMS key (`Destination.EncryptionConfiguration`) only matters for SSE-KMS encrypted source objects, and those are replicated only when the rule opts in with `SourceSelectionCriteria.SseKmsEncryptedObjects`. S3 has been reported to reject a configuration with `EncryptionConfiguration` but no `SseKmsEncryptedObjects` ("SseKmsEncryptedObjects must be specified if EncryptionConfiguration is present"). Add `SourceSelectionCriteria: {SseKmsEncryptedObjects: {Status: Enabled}}` to the rule, or remove the `EncryptionConfiguration`.',
  sources: [AWS_DOCS.replicationKms, AWS_DOCS.apiPutBucketReplication],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      const enc = presentEntry(site.destination, 'EncryptionConfiguration');
      if (!enc) continue;
      const sscEntry = entry(site.rule, 'SourceSelectionCriteria');
      const sscObjects = objects(sscEntry?.value);
      // A computed SourceSelectionCriteria (intrinsic) cannot be read: skip.
      if (sscEntry && sscObjects.length === 0) continue;
      if (sscObjects.some((ssc) => entry(ssc, 'SseKmsEncryptedObjects'))) continue;
      const target = sscObjects[0];
      let edit: TextEdit | undefined;
      if (!sscEntry) edit = insertProperty(ctx.template, ctx.text, site.rule, 'SourceSelectionCriteria', { SseKmsEncryptedObjects: { Status: 'Enabled' } });
      else if (target && sscObjects.length === 1) edit = insertProperty(ctx.template, ctx.text, target, 'SseKmsEncryptedObjects', { Status: 'Enabled' });
      ctx.report({
        message: `${sourceLabel(site.bucket)}: the destination has an EncryptionConfiguration (replica KMS key) but the rule does not set SourceSelectionCriteria.SseKmsEncryptedObjects, so SSE-KMS objects are not selected for replication and S3 may reject the configuration.`,
        span: enc.keySpan,
        fixes: edit ? [{ title: 'Replicate SSE-KMS encrypted objects (SseKmsEncryptedObjects: Enabled)', edits: [edit], preferred: true }] : undefined,
      });
    }
  },
};

