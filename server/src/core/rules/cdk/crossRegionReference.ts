import { forEachNode } from '../../model/access';
import type { IntrinsicNode } from '../../model/types';
import type { Rule } from '../types';

function targetOf(n: IntrinsicNode): string | undefined {
  if (n.arg.kind === 'string') return n.arg.value;
  if (n.arg.kind === 'array' && n.arg.items[0]?.kind === 'string') return n.arg.items[0].value;
  return undefined;
}

export const crossRegionReference: Rule = {
  id: 'cdk/cross-region-reference',
  catalogue: 'CDK',
  severity: 'error',
  title: 'A construct refers to a construct of a stack in another Region without crossRegionReferences',
  docs:
    "CDK passes values between stacks with CloudFormation exports, which only work inside one Region. A reference such as `bucket.bucketName` or `destination: bucket` from a stack in one Region to a construct of a stack in another Region fails at synth time ('Cross stack references are only supported for stacks deployed to the same environment') unless the referencing stack sets `crossRegionReferences: true` (which makes CDK use SSM parameters and a custom resource). Replication to another Region and MRAPs over buckets of several Regions are where this bites. Either set `crossRegionReferences: true` on the referencing stack, or refer to the other bucket by a literal name or ARN.",
  sources: ['https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.StackProps.html#crossregionreferences', 'https://docs.aws.amazon.com/cdk/v2/guide/resources.html#resources_referencing'],
  dialects: ['cdk'],
  check(ctx) {
    const stacks = new Map((ctx.template.cdkStacks ?? []).map((s) => [s.id, s]));
    for (const from of ctx.template.resources) {
      const fromStack = from.stack ? stacks.get(from.stack) : undefined;
      if (!fromStack?.region || fromStack.crossRegionReferences) continue;
      forEachNode(from.properties, (n) => {
        if (n.kind !== 'intrinsic' || n.style !== 'cdk') return;
        const id = targetOf(n);
        const to = id ? ctx.template.resourcesById.get(id) : undefined;
        const toStack = to?.stack ? stacks.get(to.stack) : undefined;
        if (!to || !toStack?.region || toStack.id === fromStack.id || toStack.region === fromStack.region) return;
        ctx.report({
          message: `'${from.logicalId}' in stack ${fromStack.id} (${fromStack.region}) refers to '${to.logicalId}' in stack ${toStack.id} (${toStack.region}): CDK cannot reference across Regions unless stack ${fromStack.id} sets crossRegionReferences: true.`,
          span: n.span,
          related: [{ message: `stack ${fromStack.id} is created here`, span: fromStack.span }],
        });
      });
    }
  },
};
