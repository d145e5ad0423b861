import { objectItems, prop, str } from '../model/access';
import { bucketName, bucketOf } from '../model/references';
import type { Span, Template } from '../model/types';

export interface MrapRegionInfo {
  /** The bucket name, or the logical id of a bucket without a literal BucketName. */
  readonly bucket: string;
  readonly bucketLogicalId?: string | undefined;
  readonly region?: string | undefined;
}

export interface MrapInfo {
  readonly logicalId: string;
  readonly name?: string | undefined;
  readonly span: Span;
  readonly regions: readonly MrapRegionInfo[];
}

/** The MRAPs of a template with their buckets; with `offset`, only the one(s) containing it (all when none does). */
export function mrapsInTemplate(template: Template, offset?: number): MrapInfo[] {
  const all = template.resources
    .filter((r) => r.type === 'AWS::S3::MultiRegionAccessPoint')
    .map((r): MrapInfo => {
      const regions = objectItems(prop(r.properties, 'Regions')).flatMap((item): MrapRegionInfo[] => {
        const b = bucketOf(template, prop(item, 'Bucket'));
        if (b.kind === 'unknown') return [];
        const res = b.resource;
        const name = b.kind === 'literal' ? b.name : (bucketName(b.resource) ?? b.resource.logicalId);
        return [{ bucket: name, bucketLogicalId: res?.logicalId, region: res?.region ?? template.stackRegion }];
      });
      return { logicalId: r.logicalId, name: str(prop(r.properties, 'Name')), span: { start: r.idSpan.start, end: Math.max(r.idSpan.end, r.body.span.end) }, regions };
    });
  if (offset === undefined) return all;
  const here = all.filter((m) => m.span.start <= offset && offset <= m.span.end);
  return here.length > 0 ? here : all;
}
