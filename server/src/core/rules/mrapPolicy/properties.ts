import { AWS_DOCS } from '../docs';
import { removeEntry } from '../edits';
import { MRAP_POLICY_TYPE, canFix, missingPropertySpan, propertiesUnknown, renameKey, unwrapEntry } from '../mrap/shared';
import type { Fix, Rule } from '../types';

const ALLOWED = ['MrapName', 'Policy'];

function squash(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

const RENAMES: Record<string, string> = {
  mrapname: 'MrapName',
  name: 'MrapName',
  multiregionaccesspointname: 'MrapName',
  accesspointname: 'MrapName',
  policy: 'Policy',
  policydocument: 'Policy',
  document: 'Policy',
};

function truthFor(key: string, rename: string | undefined, id: string): string {
  const s = squash(key);
  if (s === 'policystatus' || s === 'ispublic') return 'PolicyStatus is read-only; read it with !GetAtt ' + id + '.PolicyStatus.IsPublic';
  if (s === 'details') return "'Details' is the API's request wrapper; in CloudFormation, MrapName and Policy go directly under Properties";
  if (s === 'name') return "'Name' is the API's field; CloudFormation calls it 'MrapName'";
  if (rename) return `did you mean '${rename}'?`;
  return 'only MrapName and Policy are allowed';
}

export const properties: Rule = {
  id: 'mrap-policy/properties',
  catalogue: 'P1',
  severity: 'error',
  scope: 'resource',
  title: 'An MRAP policy has exactly MrapName and Policy',
  docs:
    'AWS::S3::MultiRegionAccessPointPolicy requires `MrapName` (the MRAP\'s name: `!Ref MyMrap`) and `Policy` (the policy document), and accepts nothing else. `PolicyStatus` is a read-only attribute (`!GetAtt MyPolicy.PolicyStatus.IsPublic`). The API calls the name field `Name` and wraps both in `Details`; CloudFormation does not. An MRAP policy can be updated but not deleted: removing the resource resets the policy to allow only the owning account.',
  sources: [AWS_DOCS.cfnMrapPolicy, AWS_DOCS.mrapPermissions],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const policy of ctx.resourcesOfType(MRAP_POLICY_TYPE)) {
      const props = policy.properties;
      const renamedTo = new Set<string>();
      props?.entries.forEach((e, index) => {
        if (ALLOWED.includes(e.key)) return;
        const target = RENAMES[squash(e.key)];
        const rename = target !== undefined && !props.entries.some((x) => x.key === target) && !renamedTo.has(target) ? target : undefined;
        if (rename) renamedTo.add(rename);
        const fixes: Fix[] = [];
        if (canFix(ctx.template)) {
          if (rename) fixes.push({ title: `Rename '${e.rawKey}' to '${rename}'`, edits: [renameKey(ctx.text, e.keySpan, rename)], preferred: true, fixAll: true });
          else if (squash(e.key) === 'details') {
            const unwrap = unwrapEntry(ctx.text, props, index);
            if (unwrap) fixes.push({ title: `Move the properties out of '${e.rawKey}'`, edits: [unwrap], preferred: true, fixAll: true });
          } else {
            const removal = removeEntry(ctx.text, props, index);
            if (removal) fixes.push({ title: `Remove '${e.rawKey}'`, edits: [removal], preferred: true });
          }
        }
        ctx.report({ message: `MRAP policy '${policy.logicalId}' has no property '${e.rawKey}': ${truthFor(e.key, rename, policy.logicalId)}.`, span: e.keySpan, fixes });
      });
      // An API-style `Details` wrapper is reported above; "missing MrapName/Policy" would only repeat it.
      if (propertiesUnknown(policy) || props?.entries.some((e) => squash(e.key) === 'details')) continue;
      for (const required of ALLOWED) {
        if (props?.entries.some((e) => e.key === required) || renamedTo.has(required)) continue;
        ctx.report({
          message: `MRAP policy '${policy.logicalId}' lacks the required '${required}'${required === 'MrapName' ? " (the MRAP's name, e.g. !Ref MyMrap)" : ' (the policy document)'}.`,
          span: props ? missingPropertySpan(policy) : policy.idSpan,
        });
      }
    }
  },
};
