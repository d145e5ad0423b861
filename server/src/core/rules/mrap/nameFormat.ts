import { entry, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Rule } from '../types';

export const MRAP_NAME_PATTERN = /^[a-z0-9][-a-z0-9]{1,48}[a-z0-9]$/;

export function explainMrapName(name: string): string {
  if (name.length < 3 || name.length > 50) return `it has ${name.length} characters; the limit is 3 to 50`;
  if (/[A-Z]/.test(name)) return 'it has uppercase letters';
  if (/[_.]/.test(name)) return "it has '_' or '.'";
  if (/^-|-$/.test(name)) return 'it starts or ends with a hyphen';
  return 'only lowercase letters, digits and hyphens are allowed';
}

export const nameFormat: Rule = {
  id: 'mrap/name-format',
  catalogue: 'M8',
  severity: 'error',
  scope: 'resource',
  title: 'Multi-Region Access Point name must be 3-50 lowercase letters, digits or hyphens',
  docs:
    'An MRAP name must match `^[a-z0-9][-a-z0-9]{1,48}[a-z0-9]$`: 3 to 50 characters, lowercase letters, digits and hyphens, not starting or ending with a hyphen. CloudFormation rejects other names. `Name` is optional in CloudFormation; the name is only used for management calls, never in hostnames (those use the alias), and it cannot be changed after creation.',
  sources: [AWS_DOCS.mrapNaming, AWS_DOCS.cfnMrap],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType('AWS::S3::MultiRegionAccessPoint')) {
      const name = entry(mrap.properties, 'Name');
      const value = str(name?.value);
      if (!name || value === undefined || MRAP_NAME_PATTERN.test(value)) continue;
      const lower = value.toLowerCase();
      const fixes = lower !== value && MRAP_NAME_PATTERN.test(lower)
        ? [{ title: `Change the name to '${lower}'`, edits: [replaceScalar(ctx.text, name.value.span, lower)], preferred: true, fixAll: true }]
        : undefined;
      ctx.report({ message: `MRAP name '${value}' is invalid: ${explainMrapName(value)}.`, span: name.value.span, fixes });
    }
  },
};
