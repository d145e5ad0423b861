import { entry } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { insertProperty } from '../edits';
import type { Rule } from '../types';
import { destinationSites, presentEntry, sourceLabel } from './replicationWalk';

export const rtcRequiresMetrics: Rule = {
  id: 'replication/rtc-requires-metrics',
  catalogue: 'R16',
  severity: 'error',
  scope: 'resource',
  title: 'Replication Time Control (ReplicationTime) needs a Metrics block on the same destination',
  docs:
    'S3 Replication Time Control (`Destination.ReplicationTime`) "must be specified together with a Metrics block": S3 rejects a destination that has `ReplicationTime` but no `Metrics`, so the stack fails to create or update (the CDK refuses it too). Add `Metrics: {Status: Enabled, EventThreshold: {Minutes: 15}}` next to `ReplicationTime`; 15 minutes is the only accepted threshold.',
  sources: [AWS_DOCS.replicationRtc, AWS_DOCS.cfnReplicationDestination, AWS_DOCS.apiPutBucketReplication],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      const rtc = presentEntry(site.destination, 'ReplicationTime');
      if (!rtc || entry(site.destination, 'Metrics')) continue;
      const edit = insertProperty(ctx.template, ctx.text, site.destination, 'Metrics', { Status: 'Enabled', EventThreshold: { Minutes: 15 } });
      ctx.report({
        message: `${sourceLabel(site.bucket)}: this destination has ReplicationTime but no Metrics. S3 requires Metrics (Status Enabled, EventThreshold 15 minutes) whenever Replication Time Control is configured.`,
        span: rtc.keySpan,
        fixes: edit ? [{ title: 'Add Metrics (Enabled, 15 minutes)', edits: [edit], preferred: true, fixAll: true }] : undefined,
      });
    }
  },
};
