import { AWS_DOCS } from '../docs';
import type { Fix, Rule, RuleContext } from '../types';
import { type AttributeSite, MRAP_TYPE, attributeSites, canFix, mrapArnSub, mrapHostSub, replaceWithRef, replaceWithSub } from './shared';

export const MRAP_ATTRIBUTES = ['Alias', 'CreatedAt'];

const HOST_NAMES = /^(DomainName|RegionalDomainName|Hostname|HostName|Endpoint|Url|URL|DnsName|DNSName|GlobalEndpoint)$/;

function truth(site: AttributeSite): string {
  const id = site.resource.logicalId;
  if (site.attribute === 'Arn') return `build the ARN with !Sub ${mrapArnSub(id)}`;
  if (HOST_NAMES.test(site.attribute)) return `the hostname is built from the alias: !Sub ${mrapHostSub(id)}`;
  if (site.attribute === 'Name') return `!Ref ${id} returns the name`;
  return 'there are no other attributes';
}

/** Text that replaces the reference, when there is a mechanical equivalent. */
function fixes(ctx: RuleContext, site: AttributeSite): Fix[] {
  if (!canFix(ctx.template)) return [];
  const id = site.resource.logicalId;
  const sub = site.attribute === 'Arn' ? mrapArnSub(id) : HOST_NAMES.test(site.attribute) ? mrapHostSub(id) : undefined;
  if (site.kind === 'GetAtt') {
    if (sub) return [{ title: `Replace with !Sub ${sub}`, edits: [replaceWithSub(ctx.template, ctx.text, site.node, sub)], preferred: true, fixAll: true }];
    if (site.attribute === 'Name') return [{ title: `Replace with !Ref ${id}`, edits: [replaceWithRef(ctx.template, ctx.text, site.node, id)], preferred: true, fixAll: true }];
    return [];
  }
  // Inside a Sub string: swap the `${Mrap.Arn}` text itself for its expansion.
  const at = site.variableSpan;
  if (!at || ctx.text.slice(at.start - 2, at.start) !== '${' || ctx.text[at.end] !== '}') return [];
  const span = { start: at.start - 2, end: at.end + 1 };
  const newText = sub ?? (site.attribute === 'Name' ? `\${${id}}` : undefined);
  return newText ? [{ title: `Replace with ${newText}`, edits: [{ span, newText }], preferred: true, fixAll: true }] : [];
}

export const getAttAttribute: Rule = {
  id: 'mrap/getatt-attribute',
  catalogue: 'M9',
  severity: 'error',
  scope: 'resource',
  title: 'A Multi-Region Access Point has only the Alias and CreatedAt attributes',
  docs:
    '`Fn::GetAtt` on an AWS::S3::MultiRegionAccessPoint supports only `Alias` and `CreatedAt`; `Ref` returns the name. There is no `Arn` or `DomainName` attribute, and CloudFormation rejects the template. Build the ARN with `!Sub arn:${AWS::Partition}:s3::${AWS::AccountId}:accesspoint/${Mrap.Alias}` (an MRAP ARN has no Region) and the global hostname with `!Sub ${Mrap.Alias}.accesspoint.s3-global.amazonaws.com` (the alias, never the name).',
  sources: [AWS_DOCS.cfnMrap, AWS_DOCS.mrapRequests],
  // Not CDK: there an attribute is a typed `attr*` property, so `attrArn`/`attrDomainName` on a CfnMultiRegionAccessPoint is already a
  // TypeScript error, and the reader cannot tell CDK's spelling of a valid dotted attribute
  // (`attrPolicyStatusIsPublic` renders `PolicyStatus.IsPublic`) from an invalid one.
  dialects: ['cfn'],
  check(ctx) {
    for (const site of attributeSites(ctx, MRAP_TYPE)) {
      if (MRAP_ATTRIBUTES.includes(site.attribute)) continue;
      ctx.report({
        message: `MRAP '${site.resource.logicalId}' has no attribute '${site.attribute}': only Alias and CreatedAt; ${truth(site)}.`,
        span: site.attributeSpan,
        fixes: fixes(ctx, site),
      });
    }
  },
};
