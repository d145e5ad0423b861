import { objects, prop, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Rule } from '../types';
import { destinationSites, sourceLabel } from './replicationWalk';

export const rtcMetricsDisabled: Rule = {
  id: 'replication/rtc-metrics-disabled',
  catalogue: 'R16b',
  severity: 'warning',
  scope: 'resource',
  title: 'Replication Time Control is enabled but its replication metrics are disabled',
  docs:
    'S3 Replication Time Control comes with replication metrics and events: with `ReplicationTime.Status: Enabled`, `Metrics.Status` should be `Enabled` too (the S3 console and the User Guide always enable both). With metrics disabled you lose the replication latency, pending bytes and operations metrics and the threshold events that tell you RTC is missing its 15-minute objective. Set `Metrics.Status: Enabled`.',
  sources: [AWS_DOCS.replicationRtc, AWS_DOCS.cfnReplicationDestination],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      const rtcOn = objects(prop(site.destination, 'ReplicationTime')).some((rtc) => str(prop(rtc, 'Status')) === 'Enabled');
      if (!rtcOn) continue;
      for (const metrics of objects(prop(site.destination, 'Metrics'))) {
        const status = prop(metrics, 'Status');
        if (str(status) !== 'Disabled' || !status) continue;
        ctx.report({
          message: `${sourceLabel(site.bucket)}: Replication Time Control is Enabled but Metrics.Status is Disabled. RTC relies on replication metrics and events to report its 15-minute objective; enable Metrics.`,
          span: status.span,
          fixes: [{ title: "Set Metrics Status to 'Enabled'", edits: [replaceScalar(ctx.text, status.span, 'Enabled')], preferred: true, fixAll: true }],
        });
      }
    }
  },
};
