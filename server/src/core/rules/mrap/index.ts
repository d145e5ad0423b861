import type { Rule } from '../types';
import { bucketAccountId } from './bucketAccountId';
import { bucketByLiteralName } from './bucketByLiteralName';
import { bucketNotName } from './bucketNotName';
import { bucketsNotReplicated } from './bucketsNotReplicated';
import { getAttAttribute } from './getAttAttribute';
import { nameFormat } from './nameFormat';
import { oneBucketPerRegion } from './oneBucketPerRegion';
import { publicAccessDisabled } from './publicAccessDisabled';
import { regionEntry } from './regionEntry';
import { regionsRequired } from './regionsRequired';
import { tooManyRegions } from './tooManyRegions';
import { unknownProperty } from './unknownProperty';
import { unsupportedStackRegion } from './unsupportedStackRegion';

export { MRAP_CREATE_ONLY_NOTE } from './bucketByLiteralName';

export const mrapRules: readonly Rule[] = [
  unknownProperty,
  regionsRequired,
  tooManyRegions,
  regionEntry,
  bucketNotName,
  bucketAccountId,
  oneBucketPerRegion,
  nameFormat,
  getAttAttribute,
  publicAccessDisabled,
  bucketByLiteralName,
  unsupportedStackRegion,
  bucketsNotReplicated,
];
