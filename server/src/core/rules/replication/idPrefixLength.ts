import { alternatives, prop, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { replicationConfigs, ruleLabel, ruleObjects, sourceLabel } from './replicationRuleSets';

const LIMITS: readonly [string, number][] = [
  ['Id', 255],
  ['Prefix', 1024],
];

export const idPrefixLength: Rule = {
  id: 'replication/id-prefix-length',
  catalogue: 'R6',
  severity: 'error',
  scope: 'resource',
  title: 'Replication rule Id is at most 255 characters, Prefix at most 1,024',
  docs:
    'A replication rule `Id` can be at most 255 characters and a rule-level `Prefix` at most 1,024 characters. Longer values are rejected and the stack fails. Shorten them.',
  sources: [AWS_DOCS.cfnReplicationRule, AWS_DOCS.apiPutBucketReplication],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const [index, rule] of ruleObjects(rc.config).entries()) {
        for (const [key, max] of LIMITS) {
          for (const value of alternatives(prop(rule, key))) {
            const text = str(value);
            if (text === undefined || text.length <= max) continue;
            ctx.report({ message: `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)}: ${key} has ${text.length} characters; the limit is ${max}.`, span: value.span });
          }
        }
      }
    }
  },
};
