import type { Rule } from '../types';
import { versioningRequired } from './versioningRequired';

export const replicationRules: readonly Rule[] = [versioningRequired];
