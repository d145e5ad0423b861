import { entry, objects } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { isV2Rule, replicationRuleSites, sourceLabel } from './replicationWalk';

export const replicaModificationsV1: Rule = {
  id: 'replication/replica-modifications-v1',
  catalogue: 'R20',
  severity: 'error',
  scope: 'resource',
  title: 'ReplicaModifications needs a V2 rule (one with Filter)',
  docs:
    'Replica modification sync (`SourceSelectionCriteria.ReplicaModifications`) belongs to the V2 replication schema: S3 rejects it on a rule without `Filter` (a V1 rule, which selects objects with the legacy rule-level `Prefix` or nothing). Make the rule V2: replace the rule-level `Prefix` with `Filter: {Prefix: ...}` (or `Filter: {Prefix: ""}` for all objects) and add `DeleteMarkerReplication` and `Priority`, as V2 requires; or remove `ReplicaModifications`.',
  sources: [AWS_DOCS.apiPutBucketReplication, AWS_DOCS.replicationAddConfig, AWS_DOCS.cfnReplicationRule],
  check(ctx) {
    for (const site of replicationRuleSites(ctx)) {
      if (isV2Rule(site.rule)) continue;
      for (const ssc of objects(entry(site.rule, 'SourceSelectionCriteria')?.value)) {
        const mods = entry(ssc, 'ReplicaModifications');
        if (!mods) continue;
        ctx.report({
          message: `${sourceLabel(site.bucket)}: ReplicaModifications is only allowed on V2 rules, and this rule has no Filter. Add Filter (e.g. Filter: {Prefix: ""}) with DeleteMarkerReplication and Priority, or remove ReplicaModifications.`,
          span: mods.keySpan,
        });
      }
    }
  },
};
