import { alternatives, bool, entry, objects } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Rule } from '../types';
import { MRAP_TYPE, canFix } from './shared';

const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

export const publicAccessDisabled: Rule = {
  id: 'mrap/public-access-disabled',
  catalogue: 'M10',
  severity: 'warning',
  scope: 'resource',
  title: 'Block Public Access turned off on a Multi-Region Access Point',
  docs:
    'Each MRAP has its own four Block Public Access flags; all default to `true`, and the most restrictive of the MRAP, bucket and account settings applies. They cannot be changed after creation: in CloudFormation `PublicAccessBlockConfiguration` is create-only, so switching a flag later replaces the MRAP and gives it a new alias, which breaks every client using the old one. Turn a flag off only if the MRAP must really serve public requests, and decide before you create it.',
  sources: [AWS_DOCS.mrapBlockPublicAccess, AWS_DOCS.cfnMrap],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType(MRAP_TYPE)) {
      for (const pab of objects(entry(mrap.properties, 'PublicAccessBlockConfiguration')?.value)) {
        for (const flag of FLAGS) {
          for (const value of alternatives(entry(pab, flag)?.value)) {
            if (bool(value) !== false) continue;
            ctx.report({
              message: `MRAP '${mrap.logicalId}' turns ${flag} off: Block Public Access defaults to true and cannot be changed after creation (a change replaces the MRAP and gives it a new alias). Keep it true unless this MRAP must be public.`,
              span: value.span,
              fixes: canFix(ctx.template) && (value.kind === 'boolean' || value.kind === 'string')
                ? [{ title: `Set ${flag} to true`, edits: [replaceScalar(ctx.text, value.span, 'true')] }]
                : undefined,
            });
          }
        }
      }
    }
  },
};
