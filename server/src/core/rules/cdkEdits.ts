import { entry } from '../model/access';
import type { ObjectNode, Resource, Span } from '../model/types';
import type { PlainValue } from './edits';
import type { TextEdit } from './types';

/**
 * Fixes are written against CloudFormation names; in CDK code the same fix is a different prop.
 * L1 props are the CloudFormation names in camelCase; L2 props (s3.Bucket) have their own names.
 * Returns undefined when there is no faithful CDK equivalent (then no fix is offered).
 */
export interface CdkInsertion {
  readonly target: ObjectNode;
  readonly key: string;
  /** TypeScript source text of the value. */
  readonly valueText: string;
}

const L1_NAME_EXCEPTIONS: Record<string, string> = { ReplicaKmsKeyID: 'replicaKmsKeyId' };

export function camelKey(key: string): string {
  return L1_NAME_EXCEPTIONS[key] ?? key.charAt(0).toLowerCase() + key.slice(1);
}

export function l1Value(value: PlainValue): PlainValue {
  if (Array.isArray(value)) return value.map((v: PlainValue) => l1Value(v));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, PlainValue>).map(([k, v]) => [camelKey(k), l1Value(v)]));
  return value;
}

function status(value: PlainValue): string | undefined {
  return typeof value === 'object' && !Array.isArray(value) ? ((value as Record<string, PlainValue>)['Status'] as string | undefined) : undefined;
}

export function cdkInsertion(text: string, obj: ObjectNode, key: string, value: PlainValue): CdkInsertion | undefined {
  const origin = obj.cdkOrigin;
  if (!origin) return undefined;
  const lit = origin.literal;
  if (origin.kind === 'l2-bucket' && key === 'VersioningConfiguration' && status(value) === 'Enabled') return { target: lit, key: 'versioned', valueText: 'true' };
  if (origin.kind === 'l2-bucket' && key === 'ObjectLockEnabled' && typeof value === 'boolean') return { target: lit, key: 'objectLockEnabled', valueText: String(value) };
  if (origin.kind === 'l2-rule' && key === 'DeleteMarkerReplication') return { target: lit, key: 'deleteMarkerReplication', valueText: String(status(value) === 'Enabled') };
  if (origin.kind === 'l2-rule' && key === 'Priority' && typeof value === 'number') return { target: lit, key: 'priority', valueText: String(value) };
  if (origin.kind === 'l2-rule' && key === 'SourceSelectionCriteria' && typeof value === 'object' && !Array.isArray(value)) {
    // Only a lone SseKmsEncryptedObjects has an L2 prop of its own.
    const criteria = Object.entries(value as Record<string, PlainValue>);
    const [name, criterion] = criteria[0] ?? [];
    if (criteria.length === 1 && name === 'SseKmsEncryptedObjects' && criterion !== undefined) return { target: lit, key: 'sseKmsEncryptedObjects', valueText: String(status(criterion) === 'Enabled') };
  }
  if (origin.kind === 'l2-destination' && key === 'Metrics') {
    // Reuse how the user wrote ReplicationTimeValue (their import alias) for `metrics`.
    const rtc = entry(lit, 'replicationTimeControl');
    if (!rtc) return undefined;
    return { target: lit, key: 'metrics', valueText: text.slice(rtc.value.span.start, rtc.value.span.end) };
  }
  return undefined;
}

/**
 * In CDK, `!Ref B` and `!GetAtt B.Arn` are members of the construct: `bucket.bucketName` /
 * `bucket.bucketArn` on an L2 `Bucket`, `cfnBucket.ref` / `cfnBucket.attrArn` on an L1 `CfnBucket`.
 * Replaces the member of `<variable>.<member>` at `span` with the one for `want`; undefined when
 * the class of `bucket` (read from how it was constructed) or the expression is not plain.
 */
export function cdkBucketMember(text: string, span: Span, bucket: Resource, want: 'name' | 'arn'): { edit: TextEdit; written: string } | undefined {
  if (!bucket.typeSpan) return undefined;
  const cls = text.slice(bucket.typeSpan.start, bucket.typeSpan.end);
  const l1 = /(^|\.)CfnBucket$/.test(cls);
  if (!l1 && !/(^|\.)Bucket$/.test(cls)) return undefined;
  const m = /^((?:this\.)?[A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/.exec(text.slice(span.start, span.end));
  if (!m?.[1] || !m[2]) return undefined;
  const member = want === 'name' ? (l1 ? 'ref' : 'bucketName') : l1 ? 'attrArn' : 'bucketArn';
  return { edit: { span: { start: span.end - m[2].length, end: span.end }, newText: member }, written: `${m[1]}.${member}` };
}
