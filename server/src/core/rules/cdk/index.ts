import type { Rule } from '../types';

export const cdkRules: readonly Rule[] = [];
