import { alternatives, entry, isIntrinsic, items, objectItems, objects, str } from '../../model/access';
import { refTarget } from '../../model/references';
import type { Resource, Span, StringNode, ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { MRAP_POLICY_TYPE, MRAP_TYPE, canFix, replaceWithSub } from '../mrap/shared';
import type { Fix, Rule, RuleContext, TextEdit } from '../types';

const ALIAS = /^[a-z][a-z0-9]*\.mrap$/;

/** A string to inspect: its value, and where its characters sit in the text (when they map 1:1). */
interface ArnText {
  readonly value: string;
  readonly span: Span;
  /** Offset of value[0] in the text, or undefined when escapes make the mapping unsafe. */
  readonly base: number | undefined;
  readonly isSub: boolean;
}

function arnText(node: ValueNode): ArnText | undefined {
  let s: StringNode | undefined;
  let isSub = false;
  if (node.kind === 'string') s = node;
  else if (isIntrinsic(node, 'Fn::Sub')) {
    const t = node.arg.kind === 'array' ? node.arg.items[0] : node.arg;
    if (t?.kind === 'string' && node.arg.kind === 'string') s = t;
    isSub = true;
  }
  if (!s) return undefined;
  const raw = s.span.end - s.span.start;
  const base = raw === s.value.length ? s.span.start : raw === s.value.length + 2 ? s.span.start + 1 : undefined;
  return { value: s.value, span: s.span, base, isSub };
}

/** Indexes of the ':' separators outside `${...}` (AWS::Partition has colons of its own). */
function colons(value: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value.startsWith('${', i)) {
      depth++;
      i++;
    } else if (value[i] === '}' && depth > 0) depth--;
    else if (value[i] === ':' && depth === 0) out.push(i);
  }
  return out;
}

/** The names the policy's MRAP is known by: a literal MrapName, or the Name of the MRAP it `!Ref`s. */
function mrapOfPolicy(ctx: RuleContext, policy: Resource): { names: Set<string>; mrap: Resource | undefined } {
  const names = new Set<string>();
  let mrap: Resource | undefined;
  for (const value of alternatives(entry(policy.properties, 'MrapName')?.value)) {
    const literal = str(value);
    if (literal !== undefined) names.add(literal);
    const target = refTarget(ctx.template, value);
    if (target?.type === MRAP_TYPE) {
      mrap = target;
      for (const n of alternatives(entry(target.properties, 'Name')?.value)) {
        const name = str(n);
        if (name !== undefined) names.add(name);
      }
    }
  }
  return { names, mrap };
}

function edit(arn: ArnText, start: number, end: number, newText: string): TextEdit[] {
  return arn.base === undefined ? [] : [{ span: { start: arn.base + start, end: arn.base + end }, newText }];
}

function fix(ctx: RuleContext, title: string, edits: TextEdit[]): Fix[] {
  return canFix(ctx.template) && edits.length > 0 ? [{ title, edits, preferred: true, fixAll: true }] : [];
}

function check(ctx: RuleContext, policy: Resource, known: { names: Set<string>; mrap: Resource | undefined }, node: ValueNode): void {
  const arn = arnText(node);
  if (!arn || !arn.value.startsWith('arn:')) return;
  const cuts = colons(arn.value);
  if (cuts.length < 5) return;
  const [, c2 = 0, c3 = 0, c4 = 0, c5 = 0] = cuts;
  const service = arn.value.slice(c2 + 1, c3);
  const region = arn.value.slice(c3 + 1, c4);
  const resource = arn.value.slice(c5 + 1);
  if (service !== 's3' || !resource.startsWith('accesspoint/')) return;
  const where = `MRAP policy '${policy.logicalId}'`;
  if (region !== '') {
    ctx.report({
      message: `${where}: '${arn.value}' has a Region, so it is a Regional access point ARN. MRAP ARNs have no Region: arn:<partition>:s3::<account>:accesspoint/<alias>.`,
      span: arn.span,
      fixes: fix(ctx, 'Remove the Region from the ARN', edit(arn, c3 + 1, c4, '')),
    });
  }
  const aliasStart = c5 + 1 + 'accesspoint/'.length;
  const slash = arn.value.indexOf('/', aliasStart);
  const aliasEnd = slash === -1 ? arn.value.length : slash;
  const alias = arn.value.slice(aliasStart, aliasEnd);
  const rest = arn.value.slice(aliasEnd);
  const variable = /^\$\{([^}.!]+)(\.[^}]+)?\}$/.exec(alias);
  const refersToMrap = variable && !variable[2] && ctx.template.resourcesById.get(variable[1] ?? '')?.type === MRAP_TYPE;
  if (refersToMrap && arn.isSub) {
    const id = variable[1] ?? '';
    ctx.report({
      message: `${where}: \${${id}} is the MRAP name (what Ref returns), but an MRAP ARN ends with its alias: use \${${id}.Alias}.`,
      span: arn.span,
      fixes: fix(ctx, `Use \${${id}.Alias}`, edit(arn, aliasStart, aliasEnd, `\${${id}.Alias}`)),
    });
  } else if (!alias.includes('${') && !/[*?]/.test(alias) && !ALIAS.test(alias)) {
    const isName = known.names.has(alias);
    const mrap = known.mrap;
    let fixes: Fix[] = [];
    if (isName && mrap && arn.isSub) fixes = fix(ctx, `Use \${${mrap.logicalId}.Alias}`, edit(arn, aliasStart, aliasEnd, `\${${mrap.logicalId}.Alias}`));
    else if (isName && mrap && !arn.value.includes('${')) {
      const sub = `${arn.value.slice(0, aliasStart)}\${${mrap.logicalId}.Alias}${rest}`;
      fixes = fix(ctx, `Use !Sub ${sub}`, [replaceWithSub(ctx.template, ctx.text, node, sub)]);
    }
    ctx.report({
      message: isName
        ? `${where}: '${alias}' is the MRAP name, but MRAP ARNs use the alias S3 generates (like mfzwi23gnjvgw.mrap)${mrap ? `: use \${${mrap.logicalId}.Alias} in a !Sub` : ''}.`
        : `${where}: '${alias}' is not an MRAP alias (aliases are generated by S3 and end in '.mrap', like mfzwi23gnjvgw.mrap).`,
      span: arn.span,
      fixes,
    });
  }
  if (rest !== '' && !rest.startsWith('/object/') && !alias.includes('*')) {
    ctx.report({
      message: `${where}: objects through an MRAP are '.../accesspoint/<alias>/object/<key>', not '...${rest}'.`,
      span: arn.span,
      fixes: fix(ctx, `Use '/object${rest}'`, edit(arn, aliasEnd, aliasEnd, '/object')),
    });
  }
}

export const resourceArn: Rule = {
  id: 'mrap-policy/resource-arn',
  catalogue: 'P4',
  severity: 'warning',
  title: 'MRAP policy resources are MRAP ARNs: no Region, and the alias, not the name',
  docs:
    'An MRAP ARN is `arn:<partition>:s3::<account>:accesspoint/<alias>`, and objects through it are `.../accesspoint/<alias>/object/<key>` (policies use `/object/*`). It has no Region: `arn:aws:s3:us-east-1:...:accesspoint/...` is a Regional access point ARN and matches nothing of the MRAP. It ends with the alias S3 generates (like `mfzwi23gnjvgw.mrap`), never with the name. A statement with a wrong ARN deploys fine and silently grants or denies nothing. In a template, write `!Sub arn:${AWS::Partition}:s3::${AWS::AccountId}:accesspoint/${Mrap.Alias}/object/*`.',
  sources: [AWS_DOCS.mrapPermissions, AWS_DOCS.mrapRequests],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const policy of ctx.resourcesOfType(MRAP_POLICY_TYPE)) {
      const known = mrapOfPolicy(ctx, policy);
      for (const doc of objects(entry(policy.properties, 'Policy')?.value)) {
        const statements = entry(doc, 'Statement')?.value;
        for (const statement of [...objects(statements), ...objectItems(statements)]) {
          for (const key of ['Resource', 'NotResource']) {
            const value = entry(statement, key)?.value;
            for (const node of [...alternatives(value).filter((v) => v.kind !== 'array'), ...items(value)]) check(ctx, policy, known, node);
          }
        }
      }
    }
  },
};
