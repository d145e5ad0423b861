import { cdkRules } from './cdk';
import { cliRules } from './cli';
import { mrapRules } from './mrap';
import { mrapPolicyRules } from './mrapPolicy';
import { replicationRules } from './replication';
import { schemaRules } from './schema';
import type { Rule } from './types';

/** Every rule, in a stable order. Each group's index lists its files; one rule per file. */
export const ALL_RULES: readonly Rule[] = [...mrapRules, ...mrapPolicyRules, ...replicationRules, ...cliRules, ...schemaRules, ...cdkRules];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
