import type { Rule } from '../types';

export const mrapPolicyRules: readonly Rule[] = [];
