import { objectItems, path, prop, str } from '../model/access';
import { bucketName, bucketOf } from '../model/references';
import type { Resource, Template, ValueNode } from '../model/types';
import { REGIONS } from './geo';
import type { ReplicationInput, ReplicationLink } from './notFoundRisk';

export interface TemplateMrapRegion {
  /** What to call the bucket: its literal name, its `BucketName`, or its logical id. */
  readonly bucket: string;
  readonly bucketLogicalId?: string | undefined;
  readonly region?: string | undefined;
  readonly regionSource?: 'user' | 'resource' | 'stack' | 'name' | undefined;
}

export interface TemplateMrap {
  readonly logicalId: string;
  readonly name?: string | undefined;
  readonly regions: readonly TemplateMrapRegion[];
  /** Replication between the MRAP's buckets as far as this template shows it. */
  readonly replication: ReplicationInput;
}

const MRAP_TYPE = 'AWS::S3::MultiRegionAccessPoint';
const REGION_CODES = REGIONS.map((r) => r.code);

/**
 * The MRAPs of an analysed template with each bucket's Region when knowable: a user-supplied map
 * (keyed by bucket name or logical id), the resource's own Region (CDK `env.region`), the stack Region
 * for buckets defined in the template, or one full Region code inside the bucket name
 * (`data-us-east-1`; abbreviations like `euw1` are too ambiguous to trust).
 */
export function mrapsFromTemplate(template: Template, regionOf: Readonly<Record<string, string>> = {}): TemplateMrap[] {
  return template.resources
    .filter((r) => r.type === MRAP_TYPE)
    .map((mrap) => {
      const regions = objectItems(prop(mrap.properties, 'Regions')).map((item, i) => regionEntry(template, prop(item, 'Bucket'), i, regionOf));
      return { logicalId: mrap.logicalId, name: str(prop(mrap.properties, 'Name')), regions, replication: replicationBetween(template, regions) };
    });
}

function regionEntry(template: Template, node: ValueNode | undefined, index: number, regionOf: Readonly<Record<string, string>>): TemplateMrapRegion {
  const ref = bucketOf(template, node);
  const resource = ref.kind === 'resource' ? ref.resource : ref.kind === 'literal' ? ref.resource : undefined;
  const bucket = ref.kind === 'literal' ? ref.name : resource ? (bucketName(resource) ?? resource.logicalId) : unknownLabel(node, index);
  const user = regionOf[bucket] ?? (resource ? regionOf[resource.logicalId] : undefined);
  if (user) return { bucket, bucketLogicalId: resource?.logicalId, region: user, regionSource: 'user' };
  if (resource?.region) return { bucket, bucketLogicalId: resource.logicalId, region: resource.region, regionSource: 'resource' };
  if (resource && !resource.synthetic && template.stackRegion) return { bucket, bucketLogicalId: resource.logicalId, region: template.stackRegion, regionSource: 'stack' };
  const fromName = regionInName(bucket);
  return { bucket, bucketLogicalId: resource?.logicalId, region: fromName, regionSource: fromName ? 'name' : undefined };
}

function unknownLabel(node: ValueNode | undefined, index: number): string {
  if (node?.kind === 'intrinsic' && node.fn === 'Ref' && node.arg.kind === 'string') return node.arg.value;
  return `Regions[${index}].Bucket`;
}

/** The one full Region code inside a bucket name, delimited by `-`, `.` or the ends. */
export function regionInName(name: string): string | undefined {
  const found = new Set(REGION_CODES.filter((code) => new RegExp(`(^|[-.])${code}($|[-.])`).test(name.toLowerCase())));
  return found.size === 1 ? [...found][0] : undefined;
}

function replicationBetween(template: Template, regions: readonly TemplateMrapRegion[]): ReplicationInput {
  const regionOfBucket = (res: Resource | undefined, name: string | undefined): string | undefined =>
    regions.find((r) => (res && r.bucketLogicalId === res.logicalId) || (name !== undefined && r.bucket === name))?.region;
  const links: ReplicationLink[] = [];
  const unknownFrom: string[] = [];
  for (const r of regions) {
    if (!r.region) continue;
    const source = r.bucketLogicalId ? template.resourcesById.get(r.bucketLogicalId) : undefined;
    if (!source || source.synthetic) {
      unknownFrom.push(r.region);
      continue;
    }
    for (const rule of objectItems(path(source.properties, 'ReplicationConfiguration', 'Rules'))) {
      const status = str(prop(rule, 'Status'));
      if (status === 'Disabled') continue;
      const dest = bucketOf(template, path(rule, 'Destination', 'Bucket'));
      const to = dest.kind === 'resource' ? regionOfBucket(dest.resource, bucketName(dest.resource)) : dest.kind === 'literal' ? regionOfBucket(dest.resource, dest.name) : undefined;
      if (status !== 'Enabled' || dest.kind === 'unknown') {
        if (!unknownFrom.includes(r.region)) unknownFrom.push(r.region);
        continue;
      }
      if (to && to !== r.region) links.push({ from: r.region, to, filtered: isFiltered(rule) });
    }
  }
  return { links, unknownFrom };
}

/** A rule copies only some objects when it has a non-empty prefix or any tag filter. */
function isFiltered(rule: ValueNode): boolean {
  const filter = prop(rule, 'Filter');
  const prefixes = [prop(rule, 'Prefix'), prop(filter, 'Prefix'), path(filter, 'And', 'Prefix')];
  if (prefixes.some((p) => p !== undefined && str(p) !== '')) return true;
  return prop(filter, 'TagFilter') !== undefined || objectItems(path(filter, 'And', 'TagFilters')).length > 0;
}
