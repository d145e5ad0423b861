import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import { MRAP_POLICY_TYPE, attributeSites, canFix } from '../mrap/shared';
import type { Fix, Rule } from '../types';

export const POLICY_ATTRIBUTES = ['PolicyStatus', 'PolicyStatus.IsPublic'];

export const getAttAttribute: Rule = {
  id: 'mrap-policy/getatt-attribute',
  catalogue: 'P5',
  severity: 'error',
  scope: 'resource',
  title: 'An MRAP policy has only the PolicyStatus and PolicyStatus.IsPublic attributes',
  docs:
    '`Fn::GetAtt` on an AWS::S3::MultiRegionAccessPointPolicy supports only `PolicyStatus` and `PolicyStatus.IsPublic` (the string "true" or "false": whether the policy makes the MRAP public). There is no ARN or policy-text attribute, and CloudFormation rejects other names. For the MRAP\'s own attributes, use `!GetAtt MyMrap.Alias`.',
  sources: [AWS_DOCS.cfnMrapPolicy],
  // Not CDK: there an attribute is a typed `attr*` property, so anything but `attrPolicyStatusIsPublic` on a CfnMultiRegionAccessPointPolicy is already a
  // TypeScript error, and the reader cannot tell CDK's spelling of a valid dotted attribute
  // (`attrPolicyStatusIsPublic` renders `PolicyStatus.IsPublic`) from an invalid one.
  dialects: ['cfn'],
  check(ctx) {
    for (const site of attributeSites(ctx, MRAP_POLICY_TYPE)) {
      if (POLICY_ATTRIBUTES.includes(site.attribute)) continue;
      const isPublic = site.attribute === 'IsPublic' || site.attribute === 'PolicyStatus.isPublic' || site.attribute === 'Status.IsPublic';
      const exact = site.kind === 'GetAtt' || site.variableSpan !== undefined;
      const fixes: Fix[] = isPublic && exact && canFix(ctx.template)
        ? [{ title: "Use 'PolicyStatus.IsPublic'", edits: [replaceScalar(ctx.text, site.attributeSpan, 'PolicyStatus.IsPublic')], preferred: true, fixAll: true }]
        : [];
      ctx.report({
        message: `MRAP policy '${site.resource.logicalId}' has no attribute '${site.attribute}': only PolicyStatus and PolicyStatus.IsPublic${isPublic ? " (write 'PolicyStatus.IsPublic')" : ''}.`,
        span: site.attributeSpan,
        fixes,
      });
    }
  },
};
