import { alternatives, entry, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import { MRAP_NAME_PATTERN, explainMrapName } from '../mrap/nameFormat';
import { MRAP_POLICY_TYPE, canFix } from '../mrap/shared';
import type { Rule } from '../types';

export const mrapNameFormat: Rule = {
  id: 'mrap-policy/mrap-name-format',
  catalogue: 'P2',
  severity: 'error',
  scope: 'resource',
  title: 'MrapName must be a valid Multi-Region Access Point name',
  docs:
    '`MrapName` of an AWS::S3::MultiRegionAccessPointPolicy is the MRAP\'s name (not its alias or ARN) and must match `^[a-z0-9][-a-z0-9]{1,48}[a-z0-9]$`: 3 to 50 lowercase letters, digits and hyphens, not starting or ending with a hyphen. Prefer `!Ref MyMrap`, which returns the name and makes CloudFormation create the MRAP first.',
  sources: [AWS_DOCS.cfnMrapPolicy, AWS_DOCS.mrapNaming],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const policy of ctx.resourcesOfType(MRAP_POLICY_TYPE)) {
      for (const value of alternatives(entry(policy.properties, 'MrapName')?.value)) {
        const name = str(value);
        if (name === undefined || MRAP_NAME_PATTERN.test(name)) continue;
        const hint = name.startsWith('arn:') ? 'it is an ARN; give the MRAP name' : name.endsWith('.mrap') ? 'it looks like the alias; give the MRAP name' : explainMrapName(name);
        const lower = name.toLowerCase();
        const fixes = canFix(ctx.template) && lower !== name && MRAP_NAME_PATTERN.test(lower)
          ? [{ title: `Change the name to '${lower}'`, edits: [replaceScalar(ctx.text, value.span, lower)], preferred: true, fixAll: true }]
          : undefined;
        ctx.report({ message: `MRAP policy '${policy.logicalId}': MrapName '${name}' is not a valid MRAP name: ${hint}.`, span: value.span, fixes });
      }
    }
  },
};
