import { bool, entry, prop, str } from '../../model/access';
import type { Entry, ObjectNode, Span, ValueNode } from '../../model/types';
import { constructRef } from './values';

/**
 * An L2 `new s3.Bucket(...)` as the CloudFormation properties CDK renders for it
 * (aws-cdk-lib bucket.js renderReplicationConfiguration): always V2 rules with a Filter, an
 * explicit DeleteMarkerReplication and Status Enabled. Each made-up node points at the prop
 * that produced it, so findings land on the user's code.
 */
/** The account of the stack that creates a construct (by logical id), when `env.account` says so. */
export type AccountOf = (logicalId: string | undefined) => string | undefined;

export function l2BucketProperties(props: ObjectNode, roleOf: (v: ValueNode | undefined) => ValueNode | undefined, accountOf: AccountOf = () => undefined, self?: string): ObjectNode {
  const entries: Entry[] = [];
  const add = (key: string, from: Entry, value: ValueNode): void => {
    entries.push({ key, rawKey: from.rawKey, keySpan: from.keySpan, value });
  };
  for (const e of props.entries) {
    if (e.key === 'bucketName') add('BucketName', e, e.value);
    else if (e.key === 'objectLockEnabled') add('ObjectLockEnabled', e, e.value);
    else if (e.key === 'versioned') {
      const v = bool(e.value);
      if (v === false) continue; // CDK renders no VersioningConfiguration
      add('VersioningConfiguration', e, obj(e.value.span, [['Status', v === true ? lit('Enabled', e.value.span) : unknown(e.value.span)]]));
    } else if (e.key === 'replicationRules') {
      // CDK renders no ReplicationConfiguration for an empty list (renderReplicationConfiguration).
      if (e.value.kind === 'array' && e.value.items.length === 0) continue;
      // Rules not written as a list here may be empty at synth time: then there is no configuration at all.
      if (e.value.kind !== 'array') {
        add('ReplicationConfiguration', e, unknown(e.value.span, 'replication rules not known statically'));
        continue;
      }
      const rules = arr(e.value.span, e.value.items.map((r) => rule(r, accountOf, self)));
      const role = roleOf(prop(props, 'replicationRole')) ?? unknown(e.keySpan, 'CDK creates the replication role');
      add('ReplicationConfiguration', e, obj(e.value.span, [['Role', role], ['Rules', rules]]));
    }
  }
  // A default retention turns Object Lock on (bucket.js parseObjectLockConfig).
  const retention = entry(props, 'objectLockDefaultRetention');
  if (retention && !entries.some((e) => e.key === 'ObjectLockEnabled')) add('ObjectLockEnabled', retention, { kind: 'boolean', value: true, span: retention.value.span });
  return { kind: 'object', entries, span: props.span, flow: true, cdkOrigin: { kind: 'l2-bucket', literal: props } };
}

function rule(r: ValueNode, accountOf: AccountOf, self: string | undefined): ValueNode {
  if (r.kind !== 'object') return r;
  const s = r.span;
  const fields: [string, ValueNode][] = [['Status', lit('Enabled', s)]];
  const id = prop(r, 'id');
  if (id) fields.push(['Id', id]);
  const priority = prop(r, 'priority');
  if (priority) fields.push(['Priority', priority]);
  fields.push(['Filter', filter(entry(r, 'filter'), s)]);
  const dmr = entry(r, 'deleteMarkerReplication');
  const dmrOn = dmr ? bool(dmr.value) : false;
  const dmrSpan = dmr?.value.span ?? s;
  fields.push(['DeleteMarkerReplication', obj(dmrSpan, [['Status', dmrOn === undefined ? unknown(dmrSpan) : lit(dmrOn ? 'Enabled' : 'Disabled', dmrSpan)]])]);
  const sse = prop(r, 'sseKmsEncryptedObjects');
  const replica = prop(r, 'replicaModifications');
  const criteria: [string, ValueNode][] = [];
  // CDK renders `false` as Status Disabled, and leaves the criterion out only when the prop is absent.
  const status = (v: ValueNode): ValueNode => (bool(v) === undefined ? unknown(v.span) : lit(bool(v) ? 'Enabled' : 'Disabled', v.span));
  if (sse) criteria.push(['SseKmsEncryptedObjects', obj(sse.span, [['Status', status(sse)]])]);
  if (replica) criteria.push(['ReplicaModifications', obj(replica.span, [['Status', status(replica)]])]);
  if (criteria.length) fields.push(['SourceSelectionCriteria', obj(s, criteria)]);
  fields.push(['Destination', destination(r, accountOf, self)]);
  return { ...obj(s, fields), cdkOrigin: { kind: 'l2-rule', literal: r } };
}

function destination(r: ObjectNode, accountOf: AccountOf, self: string | undefined): ValueNode {
  const dest = entry(r, 'destination');
  const s = dest?.value.span ?? r.span;
  const d = dest?.value;
  // A bucket construct as destination renders its ARN.
  // A bucket construct as destination renders its ARN; an imported one (`Bucket.fromBucketName`)
  // reads as its literal ARN (values.ts), which is what CDK renders.
  const bucket =
    d?.kind === 'intrinsic' && d.fn === 'Ref' && d.style === 'cdk' && d.arg.kind === 'string'
      ? constructRef(d.arg.value, 'Fn::GetAtt', 'Arn', d.span)
      : d?.kind === 'string' && d.value.startsWith('arn:')
        ? d
        : unknown(s);
  const fields: [string, ValueNode][] = [['Bucket', bucket]];
  const storage = prop(r, 'storageClass');
  if (storage) fields.push(['StorageClass', storage]);
  const kms = prop(r, 'kmsKey');
  if (kms) fields.push(['EncryptionConfiguration', obj(kms.span, [['ReplicaKmsKeyID', unknown(kms.span)]])]);
  const act = prop(r, 'accessControlTransition');
  if (act && bool(act) !== false) {
    // CDK renders the destination stack's account (and refuses the override when it is the source's own).
    const destId = d?.kind === 'intrinsic' && d.arg.kind === 'string' ? d.arg.value : undefined;
    const account = accountOf(destId) !== undefined && accountOf(self) !== undefined ? accountOf(destId) : undefined;
    fields.push(['AccessControlTranslation', obj(act.span, [['Owner', lit('Destination', act.span)]])], ['Account', account !== undefined ? lit(account, act.span) : unknown(act.span, 'the destination stack account')]);
  }
  const rtc = prop(r, 'replicationTimeControl');
  if (rtc) fields.push(['ReplicationTime', obj(rtc.span, [['Status', lit('Enabled', rtc.span)], ['Time', obj(rtc.span, [['Minutes', num(15, rtc.span)]])]])]);
  const metrics = prop(r, 'metrics');
  // ReplicationTimeValue has one value (FIFTEEN_MINUTES); CDK renders the threshold only along with RTC.
  if (metrics) fields.push(['Metrics', obj(metrics.span, [['Status', lit('Enabled', metrics.span)], ...(rtc ? [['EventThreshold', obj(metrics.span, [['Minutes', num(15, metrics.span)]])] as [string, ValueNode]] : [])])]);
  return { ...obj(s, fields), cdkOrigin: { kind: 'l2-destination', literal: r } };
}

function filter(f: Entry | undefined, ruleSpan: Span): ValueNode {
  const s = f?.value.span ?? ruleSpan;
  const prefix = prop(f?.value, 'prefix');
  const tags = prop(f?.value, 'tags');
  if (tags && tags.kind !== 'array') return unknown(s);
  const tagItems = tags?.kind === 'array' ? tags.items : [];
  if (tagItems.length === 0) return obj(s, [['Prefix', prefix ?? lit('', s)]]);
  const tagFilters = arr(tags?.span ?? s, tagItems.map((t) => (t.kind === 'object' ? obj(t.span, [['Key', prop(t, 'key') ?? unknown(t.span)], ['Value', prop(t, 'value') ?? unknown(t.span)]]) : t)));
  const and: [string, ValueNode][] = [['TagFilters', tagFilters]];
  if (prefix && str(prefix) !== '') and.unshift(['Prefix', prefix]);
  return obj(s, [['And', obj(s, and)]]);
}

function obj(span: Span, fields: [string, ValueNode][]): ObjectNode {
  return { kind: 'object', span, flow: true, entries: fields.map(([key, value]) => ({ key, rawKey: key, keySpan: value.span, value })) };
}
function arr(span: Span, items: ValueNode[]): ValueNode {
  return { kind: 'array', span, items, flow: true };
}
function lit(value: string, span: Span): ValueNode {
  return { kind: 'string', value, span };
}
function num(value: number, span: Span): ValueNode {
  return { kind: 'number', value, span };
}
function unknown(span: Span, reason = 'not known statically'): ValueNode {
  return { kind: 'unknown', reason, span };
}
