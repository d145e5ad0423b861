import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { MRAP_POLICY_TYPE, MRAP_TYPE } from './shared';

/** Regions where CloudFormation has neither MRAP resource type (cfn-lint provider data, 2026-06). */
export function lacksMrapTypes(region: string): boolean {
  return /^cn-/.test(region) || /^us-gov-/.test(region) || ['ap-east-2', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'mx-central-1'].includes(region);
}

export const unsupportedStackRegion: Rule = {
  id: 'mrap/unsupported-stack-region',
  catalogue: 'M12',
  severity: 'error',
  scope: 'resource',
  title: 'CloudFormation has no Multi-Region Access Point types in this stack Region',
  docs:
    'AWS::S3::MultiRegionAccessPoint and AWS::S3::MultiRegionAccessPointPolicy do not exist in the China and GovCloud (US) Regions, nor in ap-east-2, ap-southeast-5, ap-southeast-6, ap-southeast-7 and mx-central-1, so a stack there fails with an unrecognized resource type. Deploy the MRAP from a stack in another commercial Region. The stack does not have to be in us-west-2: CloudFormation calls the us-west-2 control plane for you.',
  sources: [AWS_DOCS.cfnMrap, AWS_DOCS.mrapRestrictions],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const resource of [...ctx.resourcesOfType(MRAP_TYPE), ...ctx.resourcesOfType(MRAP_POLICY_TYPE)]) {
      const region = resource.region ?? ctx.template.stackRegion;
      if (region === undefined || !lacksMrapTypes(region)) continue;
      ctx.report({
        message: `${resource.type} is not available in ${region}: CloudFormation has no MRAP resource types in the China, GovCloud (US), ap-east-2, ap-southeast-5/6/7 and mx-central-1 Regions. Deploy '${resource.logicalId}' from a stack in another commercial Region (any one; it need not be us-west-2).`,
        span: resource.typeSpan ?? resource.idSpan,
      });
    }
  },
};
