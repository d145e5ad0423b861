import type { CliInputShape, Entry, ObjectNode, Resource, ValueNode } from '../model/types';

/**
 * AWS CLI input files (`--details`, `--replication-configuration`, `--route-updates`, or a whole
 * `--cli-input-json` skeleton) are recognised by shape. The API spells some replication names
 * differently (`ID`, `Filter.Tag`, `And.Tags`); the model carries the CloudFormation name as `key`
 * so that every replication rule applies, and keeps the written name as `rawKey` for the CLI rules.
 */
const API_TO_CFN: Record<string, string> = { ID: 'Id', Tag: 'TagFilter', Tags: 'TagFilters', PublicAccessBlock: 'PublicAccessBlockConfiguration' };

function get(obj: ObjectNode, key: string): ValueNode | undefined {
  return obj.entries.find((e) => e.key === key)?.value;
}

function isObject(v: ValueNode | undefined): v is ObjectNode {
  return v?.kind === 'object';
}

export interface CliInput {
  shape: CliInputShape;
  /** The object or array that holds the command's input (inside a skeleton wrapper, if any). */
  input: ValueNode;
  resources: Resource[];
}

export function detectCliInput(root: ValueNode | undefined): CliInput | undefined {
  if (!root) return undefined;
  if (root.kind === 'array') {
    const items = root.items.filter(isObject);
    if (items.length > 0 && items.every((i) => get(i, 'TrafficDialPercentage') || get(i, 'Bucket') || get(i, 'Region')) && items.some((i) => get(i, 'TrafficDialPercentage'))) {
      return { shape: 'route-updates', input: root, resources: [] };
    }
    return undefined;
  }
  if (root.kind !== 'object') return undefined;
  if (get(root, 'AWSTemplateFormatVersion') || get(root, 'Resources')) return undefined;
  const details = get(root, 'Details');
  if (isObject(details)) return detectCliInput(details);
  const routes = get(root, 'RouteUpdates');
  if (routes?.kind === 'array') return { shape: 'route-updates', input: root, resources: [] };
  const repl = get(root, 'ReplicationConfiguration');
  if (isObject(repl) && get(repl, 'Rules')) return replication(repl);
  if (get(root, 'Rules') && get(root, 'Role')) return replication(root);
  if (get(root, 'Regions')?.kind === 'array' && (get(root, 'Name') || get(root, 'PublicAccessBlock') || get(root, 'PublicAccessBlockConfiguration'))) {
    const props = renamed(root);
    return { shape: 'mrap-details', input: root, resources: [synthetic('MultiRegionAccessPoint', 'AWS::S3::MultiRegionAccessPoint', props)] };
  }
  // put-multi-region-access-point-policy --details; `MrapName` is the CloudFormation spelling, a common slip.
  if ((get(root, 'Name') || get(root, 'MrapName')) && get(root, 'Policy') && root.entries.length <= 2) {
    return { shape: 'mrap-policy-details', input: root, resources: [] };
  }
  return undefined;
}

function replication(config: ObjectNode): CliInput {
  const props: ObjectNode = {
    kind: 'object',
    span: config.span,
    entries: [{ key: 'ReplicationConfiguration', rawKey: 'ReplicationConfiguration', keySpan: { start: config.span.start, end: config.span.start }, value: renamed(config) }],
  };
  return { shape: 'replication-configuration', input: config, resources: [synthetic('SourceBucket', 'AWS::S3::Bucket', props)] };
}

function synthetic(logicalId: string, type: string, properties: ObjectNode): Resource {
  const at = { start: properties.span.start, end: properties.span.start };
  return { logicalId, idSpan: at, type, typeSpan: undefined, body: properties, properties, condition: undefined, synthetic: true };
}

function renamed(node: ValueNode): ObjectNode;
function renamed(node: ValueNode): ValueNode;
function renamed(node: ValueNode): ValueNode {
  if (node.kind === 'array') return { ...node, items: node.items.map((i) => renamed(i)) };
  if (node.kind !== 'object') return node;
  const entries: Entry[] = node.entries.map((e) => ({ ...e, key: API_TO_CFN[e.rawKey] ?? e.rawKey, value: renamed(e.value) }));
  return { ...node, entries };
}
