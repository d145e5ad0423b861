import type { Rule } from '../types';
import { crossRegionReference } from './crossRegionReference';

export const cdkRules: readonly Rule[] = [crossRegionReference];
