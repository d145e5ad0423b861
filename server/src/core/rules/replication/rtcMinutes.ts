import { entry, num, objects, prop } from '../../model/access';
import type { Entry } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Rule } from '../types';
import { destinationSites, sourceLabel } from './replicationWalk';

/** Where a 15-minute value lives: `ReplicationTime.Time.Minutes` and `Metrics.EventThreshold.Minutes`. */
const MINUTE_PATHS: readonly { block: string; inner: string; label: string }[] = [
  { block: 'ReplicationTime', inner: 'Time', label: 'ReplicationTime.Time.Minutes' },
  { block: 'Metrics', inner: 'EventThreshold', label: 'Metrics.EventThreshold.Minutes' },
];

export const rtcMinutes: Rule = {
  id: 'replication/rtc-minutes',
  catalogue: 'R17',
  severity: 'error',
  scope: 'resource',
  title: 'Replication Time Control and metrics thresholds must be exactly 15 minutes',
  docs:
    'S3 Replication Time Control has one fixed objective: `ReplicationTime.Time.Minutes` and `Metrics.EventThreshold.Minutes` accept only the value 15 ("Valid value: 15"). Any other number is rejected by PutBucketReplication, so the stack fails. Set both to 15.',
  sources: [AWS_DOCS.replicationAddConfig, AWS_DOCS.replicationRtc, AWS_DOCS.apiPutBucketReplication],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      for (const { block, inner, label } of MINUTE_PATHS) {
        for (const outer of objects(prop(site.destination, block))) {
          for (const time of objects(prop(outer, inner))) {
            const minutes: Entry | undefined = entry(time, 'Minutes');
            const value = num(minutes?.value);
            if (!minutes || value === undefined || value === 15) continue;
            ctx.report({
              message: `${sourceLabel(site.bucket)}: ${label} is ${value}, but S3 accepts only 15 (Replication Time Control has a fixed 15-minute objective).`,
              span: minutes.value.span,
              fixes: [{ title: 'Set Minutes to 15', edits: [replaceScalar(ctx.text, minutes.value.span, '15')], preferred: true, fixAll: true }],
            });
          }
        }
      }
    }
  },
};
