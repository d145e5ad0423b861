import type { Rule } from '../types';
import { versioningRequired } from './versioningRequired';
// R1-R15 (rules-repl-a)
import { deleteMarkerReplicationRequired } from './deleteMarkerReplicationRequired';
import { deleteMarkerReplicationV1 } from './deleteMarkerReplicationV1';
import { deleteMarkerWithTags } from './deleteMarkerWithTags';
import { destinationBucketArn } from './destinationBucketArn';
import { destinationVersioningRequired } from './destinationVersioningRequired';
import { duplicatePriority } from './duplicatePriority';
import { emptyFilter } from './emptyFilter';
import { filterOneCondition } from './filterOneCondition';
import { idPrefixLength } from './idPrefixLength';
import { mixedRuleVersions } from './mixedRuleVersions';
import { prefixWithFilter } from './prefixWithFilter';
import { priorityRequired } from './priorityRequired';
import { prioritySingleRule } from './prioritySingleRule';
import { roleAndRulesRequired } from './roleAndRulesRequired';
import { ruleShape } from './ruleShape';
import { v1SingleDestination } from './v1SingleDestination';
// end R1-R15 (rules-repl-a)

export const replicationRules: readonly Rule[] = [
  versioningRequired,
  // R1-R15 (rules-repl-a)
  roleAndRulesRequired,
  destinationVersioningRequired,
  ruleShape,
  destinationBucketArn,
  idPrefixLength,
  prefixWithFilter,
  mixedRuleVersions,
  filterOneCondition,
  emptyFilter,
  deleteMarkerReplicationRequired,
  deleteMarkerReplicationV1,
  deleteMarkerWithTags,
  priorityRequired,
  prioritySingleRule,
  duplicatePriority,
  v1SingleDestination,
  // end R1-R15 (rules-repl-a)
];
