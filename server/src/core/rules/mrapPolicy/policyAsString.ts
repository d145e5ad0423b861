import { alternatives, entry, isIntrinsic } from '../../model/access';
import type { Template, ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { columnOf, indentUnit, renderJson, type PlainValue } from '../edits';
import { MRAP_POLICY_TYPE } from '../mrap/shared';
import type { Fix, Rule, RuleContext } from '../types';

function parsedObject(text: string): PlainValue | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as PlainValue) : undefined;
  } catch {
    return undefined;
  }
}

/** In JSON templates, a string that parses as JSON becomes the object itself. */
function toObjectFix(ctx: RuleContext, template: Template, keyStart: number, value: ValueNode): Fix[] {
  if (template.format !== 'json' || value.kind !== 'string') return [];
  const object = parsedObject(value.value);
  if (!object) return [];
  const newText = renderJson(object, columnOf(ctx.text, keyStart), indentUnit(ctx.text));
  return [{ title: 'Write the policy as a JSON object', edits: [{ span: value.span, newText }], preferred: true, fixAll: true }];
}

export const policyAsString: Rule = {
  id: 'mrap-policy/policy-as-string',
  catalogue: 'P3',
  severity: 'warning',
  scope: 'resource',
  title: 'Write the MRAP policy as an object, not a JSON string',
  docs:
    'The AWS resource schema of AWS::S3::MultiRegionAccessPointPolicy declares `Policy` as an object. The S3 Control API and the CLI do take the policy as a JSON string, and cfn-lint accepts a string here, but a string is not what the schema promises and hides the policy from linters. Write the document as a YAML/JSON object, using `!Sub` only inside the values that need it (such as ARNs).',
  sources: [AWS_DOCS.cfnMrapPolicy],
  dialects: ['cfn'],
  check(ctx) {
    for (const policy of ctx.resourcesOfType(MRAP_POLICY_TYPE)) {
      const doc = entry(policy.properties, 'Policy');
      if (!doc) continue;
      for (const value of alternatives(doc.value)) {
        const fromFunction = isIntrinsic(value, 'Fn::Sub') || isIntrinsic(value, 'Fn::Join');
        if (value.kind !== 'string' && !fromFunction) continue;
        ctx.report({
          message: `MRAP policy '${policy.logicalId}': Policy is ${fromFunction ? 'built as a string' : 'a JSON string'}, but the resource schema says it is an object. Write the policy document as an object${fromFunction ? ' and use !Sub only in the values that need it' : ''}.`,
          // A !Sub block spans many lines: point at the function name instead.
          span: isIntrinsic(value) ? value.nameSpan : value.span,
          fixes: toObjectFix(ctx, ctx.template, doc.keySpan.start, value),
        });
      }
    }
  },
};
