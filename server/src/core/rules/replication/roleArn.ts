import { alternatives, entry, str } from '../../model/access';
import { getAttParts, refTarget } from '../../model/references';
import type { IntrinsicNode, Template } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { replaceScalar } from '../edits';
import type { Fix, Rule, TextEdit } from '../types';
import { replicationConfigs } from './replicationWalk';

export const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;

/** `!GetAtt X.Arn` written like the `Ref` it replaces: short tag, JSON-style long form, or YAML block long form. */
function getAttArnLike(template: Template, text: string, ref: IntrinsicNode, logicalId: string): TextEdit | undefined {
  if (ref.style === 'short') return { span: ref.span, newText: `!GetAtt ${logicalId}.Arn` };
  if (ref.style !== 'long') return undefined;
  if (text[ref.span.start] === '{' || template.format === 'json') return { span: ref.span, newText: `{"Fn::GetAtt": ["${logicalId}", "Arn"]}` };
  return { span: ref.span, newText: `Fn::GetAtt: [${logicalId}, Arn]` };
}

export const roleArn: Rule = {
  id: 'replication/role-arn',
  catalogue: 'R24',
  severity: 'warning',
  title: 'ReplicationConfiguration.Role must be an IAM role ARN',
  docs:
    "`ReplicationConfiguration.Role` is the ARN of the IAM role S3 assumes to replicate (`arn:<partition>:iam::<account>:role/<path/name>`). For a role in the same template use `!GetAtt Role.Arn`: `!Ref Role` returns the role *name*, not its ARN, and a bare name, a user ARN or a policy ARN is not a role ARN. S3 cannot assume anything else, so replication does not work.",
  sources: [AWS_DOCS.cfnBucketReplication, AWS_DOCS.replicationPermissions],
  check(ctx) {
    for (const site of replicationConfigs(ctx)) {
      const role = entry(site.config, 'Role');
      if (!role) continue;
      for (const value of alternatives(role.value)) {
        const literal = str(value);
        if (literal !== undefined) {
          if (IAM_ROLE_ARN.test(literal)) continue;
          const named = site.bucket.synthetic ? undefined : ctx.resourcesOfType('AWS::IAM::Role').find((r) => str(entry(r.properties, 'RoleName')?.value) === literal);
          const fixes: Fix[] | undefined = named && ctx.template.dialect === 'cfn'
            ? [{ title: `Use GetAtt ${named.logicalId}.Arn`, edits: [{ span: value.span, newText: ctx.template.format === 'json' ? `{"Fn::GetAtt": ["${named.logicalId}", "Arn"]}` : `!GetAtt ${named.logicalId}.Arn` }], preferred: true }]
            : undefined;
          ctx.report({
            message: named
              ? `Role '${literal}' is the name of role '${named.logicalId}', not an ARN: S3 needs the role ARN; use !GetAtt ${named.logicalId}.Arn.`
              : `Role '${literal}' is not an IAM role ARN (arn:<partition>:iam::<account-id>:role/<name>): S3 cannot assume it to replicate.`,
            span: value.span,
            fixes,
          });
          continue;
        }
        const byRef = value.kind === 'intrinsic' && value.fn === 'Ref' ? refTarget(ctx.template, value) : undefined;
        if (byRef?.type === 'AWS::IAM::Role' && value.kind === 'intrinsic') {
          const edit = getAttArnLike(ctx.template, ctx.text, value, byRef.logicalId);
          ctx.report({
            message: `!Ref ${byRef.logicalId} returns the role's name, not its ARN: Role needs the ARN; use !GetAtt ${byRef.logicalId}.Arn.`,
            span: value.span,
            fixes: edit ? [{ title: `Use GetAtt ${byRef.logicalId}.Arn`, edits: [edit], preferred: true, fixAll: true }] : undefined,
          });
          continue;
        }
        const att = getAttParts(value);
        const target = att ? ctx.template.resourcesById.get(att.target) : undefined;
        if (att && target?.type === 'AWS::IAM::Role' && att.attribute !== 'Arn') {
          ctx.report({
            message: `!GetAtt ${att.target}.${att.attribute} is not the role's ARN: Role needs ${att.target}.Arn.`,
            span: att.attributeSpan,
            fixes: [{ title: "Use the 'Arn' attribute", edits: [replaceScalar(ctx.text, att.attributeSpan, 'Arn')], preferred: true, fixAll: true }],
          });
        }
      }
    }
  },
};
