import { alternatives, arrays, entry, objects } from '../../model/access';
import { memoize } from '../../model/memo';
import type { ArrayNode, Entry, ObjectNode, Resource, ValueNode } from '../../model/types';

/** One `Bucket` value of one Regions entry (each Fn::If branch separately). */
export interface RegionBucket {
  readonly mrap: Resource;
  readonly list: ArrayNode;
  /** Index of the entry in `list` (branches of one entry share it). */
  readonly index: number;
  readonly item: ObjectNode;
  readonly bucketEntry: Entry;
  readonly value: ValueNode;
}

/**
 * Every `Bucket` value of every Regions entry of `mrap`. Four rules ask for each MRAP; the
 * resource is immutable, so the list is built once.
 */
export const regionBuckets = memoize((mrap: Resource): readonly RegionBucket[] => {
  const out: RegionBucket[] = [];
  for (const list of arrays(entry(mrap.properties, 'Regions')?.value)) {
    list.items.forEach((raw, index) => {
      for (const item of objects(raw)) {
        const bucketEntry = entry(item, 'Bucket');
        if (!bucketEntry) continue;
        for (const value of alternatives(bucketEntry.value)) out.push({ mrap, list, index, item, bucketEntry, value });
      }
    });
  }
  return out;
});
