import { objectItems } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { removeEntry } from '../edits';
import type { Rule } from '../types';
import { rawEntry } from './cliInput';

export const existingObjectReplication: Rule = {
  id: 'cli/existing-object-replication',
  catalogue: 'C9',
  severity: 'warning',
  title: 'ExistingObjectReplication is no longer supported by put-bucket-replication',
  docs:
    'The S3 API model still lists `ExistingObjectReplication` on a replication rule, but documents it as no longer supported, and S3 answers `MalformedXML` when it is present (CloudFormation has no such property). Replication applies to new objects; to copy objects that already exist, run S3 Batch Replication. The fix removes the element.',
  sources: [AWS_DOCS.apiReplicationRule, AWS_DOCS.apiPutBucketReplication, AWS_DOCS.replicationAddConfig],
  dialects: ['api'],
  check(ctx) {
    const config = ctx.template.cliShape === 'replication-configuration' ? ctx.template.cliInput : undefined;
    if (config?.kind !== 'object') return;
    objectItems(rawEntry(config, 'Rules')?.value).forEach((rule, i) => {
      const index = rule.entries.findIndex((e) => e.rawKey === 'ExistingObjectReplication');
      const e = rule.entries[index];
      if (!e) return;
      const edit = removeEntry(ctx.text, rule, index);
      ctx.report({
        message: `Rules[${i}]: ExistingObjectReplication is no longer supported; S3 answers MalformedXML. Remove it, and copy existing objects with S3 Batch Replication.`,
        span: e.keySpan,
        fixes: edit ? [{ title: 'Remove ExistingObjectReplication', edits: [edit], preferred: true, fixAll: true }] : undefined,
      });
    });
  },
};
