import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { bucketIdentity, destinationBuckets, replicationConfigs, ruleLabel, ruleSets, ruleVersion, sourceLabel } from './replicationRuleSets';

export const v1SingleDestination: Rule = {
  id: 'replication/v1-single-destination',
  catalogue: 'R15',
  severity: 'error',
  scope: 'resource',
  title: 'Rules without Filter (V1 schema) can only replicate to one destination bucket',
  docs:
    'With the legacy (V1) replication schema (rules without `Filter`), every rule must use the same destination bucket; S3 answers "Number of distinct destination bucket ARNs cannot exceed 1". To replicate to several buckets, use V2 rules: give every rule a `Filter` (e.g. `Filter: {Prefix: ""}`), `DeleteMarkerReplication` and a unique `Priority`.',
  sources: [AWS_DOCS.replicationAddConfig, AWS_DOCS.cfnReplicationRule],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const rules of ruleSets(rc.config)) {
        let first: { identity: string; label: string; span: { start: number; end: number } } | undefined;
        rules.forEach((rule, index) => {
          if (ruleVersion(rule) !== 'v1') return;
          for (const value of destinationBuckets(rule)) {
            const identity = bucketIdentity(ctx.template, value);
            if (identity === undefined) continue;
            const label = ruleLabel(rule, index);
            if (!first) {
              first = { identity, label, span: value.span };
              continue;
            }
            if (identity === first.identity) continue;
            ctx.report({
              message: `${sourceLabel(rc.bucket)}, ${label}: a second destination bucket in rules without Filter (V1 schema); S3 rejects it with "Number of distinct destination bucket ARNs cannot exceed 1". Several destinations need V2 rules: Filter on every rule, with DeleteMarkerReplication and a unique Priority.`,
              span: value.span,
              related: [{ message: `${first.label} replicates to another bucket.`, span: first.span }],
            });
          }
        });
      }
    }
  },
};
