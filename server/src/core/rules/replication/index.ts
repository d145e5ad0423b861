import type { Rule } from '../types';
import { versioningRequired } from './versioningRequired';
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
