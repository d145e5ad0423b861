import type { Rule } from '../types';

export const cliRules: readonly Rule[] = [];
