import { arrays, entry } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { MRAP_TYPE } from './shared';

export const MAX_MRAP_REGIONS = 17;

export const tooManyRegions: Rule = {
  id: 'mrap/too-many-regions',
  catalogue: 'M3',
  severity: 'error',
  scope: 'resource',
  title: 'A Multi-Region Access Point spans at most 17 Regions',
  docs:
    'An MRAP can hold one bucket in each of at most 17 Regions (the current S3 quota; older documents say 10 or 20, both wrong today). Creating an MRAP with more Regions entries fails. Split the buckets over several MRAPs or drop Regions.',
  sources: [AWS_DOCS.mrapRestrictions, AWS_DOCS.mrapBuckets],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType(MRAP_TYPE)) {
      const regions = entry(mrap.properties, 'Regions');
      if (!regions) continue;
      for (const list of arrays(regions.value)) {
        if (list.items.length <= MAX_MRAP_REGIONS) continue;
        ctx.report({
          message: `MRAP '${mrap.logicalId}' lists ${list.items.length} Regions entries: the limit is ${MAX_MRAP_REGIONS} per MRAP (one bucket per Region), not 10 or 20.`,
          span: regions.keySpan,
        });
      }
    }
  },
};
