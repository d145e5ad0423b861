import { alternatives, entry, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { MRAP_NAME_PATTERN } from '../mrap/nameFormat';
import { MRAP_POLICY_TYPE, MRAP_TYPE, canFix, replaceWithRef } from '../mrap/shared';
import type { Fix, Rule } from '../types';

export const mrapNameUnknown: Rule = {
  id: 'mrap-policy/mrap-name-unknown',
  catalogue: 'P2',
  severity: 'warning',
  title: 'MrapName names no Multi-Region Access Point of this template',
  docs:
    'When a template defines MRAPs, its MRAP policy usually belongs to one of them. A literal `MrapName` that matches none of their names points at an MRAP outside the template (fine if intended), or at a typo, or at an MRAP whose name CloudFormation generates. Use `!Ref MyMrap`: it returns the real name and makes CloudFormation create the MRAP before its policy.',
  sources: [AWS_DOCS.cfnMrapPolicy, AWS_DOCS.cfnMrap],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    const mraps = ctx.resourcesOfType(MRAP_TYPE);
    if (mraps.length === 0) return;
    const names = new Set<string>();
    for (const mrap of mraps) {
      const name = entry(mrap.properties, 'Name')?.value;
      for (const value of alternatives(name)) {
        const literal = str(value);
        // A name from a parameter or a function might be anything: stay quiet.
        if (literal === undefined) return;
        names.add(literal);
      }
    }
    for (const policy of ctx.resourcesOfType(MRAP_POLICY_TYPE)) {
      for (const value of alternatives(entry(policy.properties, 'MrapName')?.value)) {
        const literal = str(value);
        if (literal === undefined || !MRAP_NAME_PATTERN.test(literal) || names.has(literal)) continue;
        const fixes: Fix[] = canFix(ctx.template)
          ? mraps.map((m) => ({ title: `Use !Ref ${m.logicalId}`, edits: [replaceWithRef(ctx.template, ctx.text, value, m.logicalId)], preferred: mraps.length === 1 }))
          : [];
        const candidates = mraps.map((m) => `!Ref ${m.logicalId}`).join(' or ');
        ctx.report({
          message: `MRAP policy '${policy.logicalId}': no MRAP of this template is named '${literal}'. To attach the policy to one of them, use ${candidates} (the name, plus the dependency).`,
          span: value.span,
          fixes,
        });
      }
    }
  },
};
