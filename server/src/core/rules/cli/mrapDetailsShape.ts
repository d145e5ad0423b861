import type { ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { rawEntry, renameKey } from './cliInput';

export const mrapDetailsShape: Rule = {
  id: 'cli/mrap-details-shape',
  catalogue: 'C7',
  severity: 'error',
  title: 'MRAP --details use the API names, and the policy is a JSON string',
  docs:
    'The AWS CLI `--details` of `create-multi-region-access-point` and `put-multi-region-access-point-policy` follow the S3 Control API, not CloudFormation: the block-public-access settings are `PublicAccessBlock` (CloudFormation: `PublicAccessBlockConfiguration`), the access point is `Name` (CloudFormation policy: `MrapName`), and `Policy` is the policy document as a JSON *string*, not a JSON object. The CLI rejects the CloudFormation names as unknown parameters and an object as the wrong type. The fixes rename the key or turn the object into a string.',
  sources: [AWS_DOCS.apiCreateMrap, AWS_DOCS.apiPutMrapPolicy],
  dialects: ['api'],
  check(ctx) {
    const input = ctx.template.cliInput;
    if (input?.kind !== 'object') return;
    if (ctx.template.cliShape === 'mrap-details') {
      const pab = rawEntry(input, 'PublicAccessBlockConfiguration');
      if (pab && !rawEntry(input, 'PublicAccessBlock')) {
        ctx.report({
          message: "'PublicAccessBlockConfiguration' is the CloudFormation name; create-multi-region-access-point --details calls it 'PublicAccessBlock' (the AWS CLI rejects the other name as an unknown parameter).",
          span: pab.keySpan,
          fixes: [{ title: "Rename to 'PublicAccessBlock'", edits: [renameKey(ctx.text, pab, 'PublicAccessBlock')], preferred: true, fixAll: true }],
        });
      }
      return;
    }
    if (ctx.template.cliShape !== 'mrap-policy-details') return;
    const mrapName = rawEntry(input, 'MrapName');
    if (mrapName && !rawEntry(input, 'Name')) {
      ctx.report({
        message: "'MrapName' is the CloudFormation name; put-multi-region-access-point-policy --details calls it 'Name'.",
        span: mrapName.keySpan,
        fixes: [{ title: "Rename to 'Name'", edits: [renameKey(ctx.text, mrapName, 'Name')], preferred: true, fixAll: true }],
      });
    }
    const policy = rawEntry(input, 'Policy')?.value;
    if (policy?.kind === 'object') {
      const plain = toPlain(policy);
      ctx.report({
        message: 'Policy must be the policy document as a JSON string ("Policy": "{\\"Version\\": ...}"), not a JSON object: the API takes a string.',
        span: policy.span,
        fixes: plain === undefined ? undefined : [{ title: 'Turn the policy into a JSON string', edits: [{ span: policy.span, newText: JSON.stringify(JSON.stringify(plain)) }], preferred: true, fixAll: true }],
      });
    } else if (policy?.kind === 'string') {
      const problem = jsonProblem(policy.value);
      if (problem) ctx.report({ message: `Policy is not valid JSON (${problem}); S3 rejects it as a malformed policy.`, span: policy.span });
    }
  },
};

function jsonProblem(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? undefined : 'it is not a JSON object';
  } catch (error) {
    return error instanceof Error ? error.message : 'parse error';
  }
}

/** The plain JSON value of a node (intrinsic-looking objects written back as they were). */
function toPlain(node: ValueNode): unknown {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'array': {
      const items = node.items.map(toPlain);
      return items.includes(undefined) ? undefined : items;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        const v = toPlain(e.value);
        if (v === undefined) return undefined;
        out[e.rawKey] = v;
      }
      return out;
    }
    case 'intrinsic': {
      const arg = toPlain(node.arg);
      return node.style === 'long' && arg !== undefined ? { [node.fn]: arg } : undefined;
    }
    default:
      return undefined;
  }
}
