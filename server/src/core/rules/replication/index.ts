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

// R16-R30: destination options, IAM role, rule ids (rules-repl-b).
import { aclTranslationAccount } from './aclTranslationAccount';
import { aclTranslationOwner } from './aclTranslationOwner';
import { aclTranslationSameAccount } from './aclTranslationSameAccount';
import { crossAccountBucketPolicy } from './crossAccountBucketPolicy';
import { destinationIsSource } from './destinationIsSource';
import { duplicateRuleId } from './duplicateRuleId';
import { encryptionWithoutSseKms } from './encryptionWithoutSseKms';
import { kmsReplicaKeyRequired } from './kmsReplicaKeyRequired';
import { objectLockDestination } from './objectLockDestination';
import { replicaModificationsV1 } from './replicaModificationsV1';
import { roleArn } from './roleArn';
import { roleKmsPermissions } from './roleKmsPermissions';
import { rolePermissions } from './rolePermissions';
import { rtcMetricsDisabled } from './rtcMetricsDisabled';
import { rtcMinutes } from './rtcMinutes';
import { rtcRequiresMetrics } from './rtcRequiresMetrics';
import { storageClass } from './storageClass';

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
  // R16-R30 (rules-repl-b)
  rtcRequiresMetrics,
  rtcMetricsDisabled,
  rtcMinutes,
  kmsReplicaKeyRequired,
  encryptionWithoutSseKms,
  replicaModificationsV1,
  aclTranslationAccount,
  aclTranslationOwner,
  aclTranslationSameAccount,
  storageClass,
  roleArn,
  rolePermissions,
  roleKmsPermissions,
  destinationIsSource,
  objectLockDestination,
  duplicateRuleId,
  crossAccountBucketPolicy,
];
