import type { Rule } from '../types';

export const schemaRules: readonly Rule[] = [];
