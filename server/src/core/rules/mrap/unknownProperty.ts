import { objects } from '../../model/access';
import type { Entry, ObjectNode, Resource } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { removeEntry } from '../edits';
import type { Fix, Rule, RuleContext } from '../types';
import { MRAP_TYPE, canFix, renameKey, unwrapEntry } from './shared';

const ALLOWED = ['Name', 'PublicAccessBlockConfiguration', 'Regions'];
const PAB_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/** Lowercase without `_`/`-`: `public_access_block` and `publicAccessBlock` look alike. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Names people write for the real properties (API, Terraform, camelCase, singular). */
const RENAMES: Record<string, string> = {
  name: 'Name',
  mrapname: 'Name',
  regions: 'Regions',
  region: 'Regions',
  buckets: 'Regions',
  publicaccessblock: 'PublicAccessBlockConfiguration',
  publicaccessblockconfiguration: 'PublicAccessBlockConfiguration',
  blockpublicaccess: 'PublicAccessBlockConfiguration',
};

interface Verdict {
  readonly truth: string;
  readonly rename?: string | undefined;
  /** Removing the key loses information the user has to move elsewhere: offer no removal. */
  readonly keep?: boolean;
}

function verdictFor(key: string, id: string): Verdict {
  const s = squash(key);
  if (s === 'publicaccessblock') return { truth: "'PublicAccessBlock' is the S3 Control API/CLI name; CloudFormation calls it 'PublicAccessBlockConfiguration'", rename: 'PublicAccessBlockConfiguration' };
  const rename = RENAMES[s];
  if (rename) return { truth: `did you mean '${rename}'? Property names are case-sensitive`, rename };
  if (s === 'details') return { truth: "'Details' is the API's request wrapper (Terraform: the 'details' block); in CloudFormation, Name, PublicAccessBlockConfiguration and Regions go directly under Properties", keep: true };
  if (/health|interval|threshold/.test(s)) {
    return { truth: 'MRAPs have no health-check settings: with several active Regions S3 redirects traffic on its own; failover to a passive Region is started by you (SubmitMultiRegionAccessPointRoutes or the console), outside CloudFormation' };
  }
  if (/rout|failover|latency|traffic|dial|health|active|passive|priority/.test(s)) {
    return {
      truth:
        'MRAPs have no routing policy: requests go to the closest active Region; set active/passive with SubmitMultiRegionAccessPointRoutes (TrafficDialPercentage 0 or 100) after creation, outside CloudFormation',
    };
  }
  if (s === 'arn') return { truth: 'there is no Arn property or attribute; build the ARN with !Sub arn:${AWS::Partition}:s3::${AWS::AccountId}:accesspoint/${' + id + '.Alias}' };
  if (s === 'alias' || s === 'createdat') return { truth: `'${key}' is read-only: S3 generates it; read it with !GetAtt ${id}.${s === 'alias' ? 'Alias' : 'CreatedAt'}` };
  if (s === 'status' || s === 'domainname' || s === 'hostname' || s === 'endpoint') return { truth: 'it is not a property; the hostname is <alias>.accesspoint.s3-global.amazonaws.com (use !GetAtt ' + id + '.Alias)' };
  if (s === 'tags') return { truth: 'Multi-Region Access Points cannot be tagged' };
  if (s === 'policy') return { truth: 'the MRAP policy is a separate resource, AWS::S3::MultiRegionAccessPointPolicy', keep: true };
  if (s === 'accountid') return { truth: "the MRAP is created in the stack's account; for a bucket in another account set BucketAccountId on its Regions entry" };
  if (s === 'clienttoken') return { truth: 'CloudFormation sends the idempotency token itself' };
  return { truth: `only ${ALLOWED.join(', ')} are allowed` };
}

function keyFixes(ctx: RuleContext, obj: ObjectNode, index: number, entry: Entry, verdict: Verdict): Fix[] {
  if (!canFix(ctx.template)) return [];
  const taken = obj.entries.some((e) => e.key === verdict.rename);
  if (verdict.rename && !taken) {
    return [{ title: `Rename '${entry.rawKey}' to '${verdict.rename}'`, edits: [renameKey(ctx.text, entry.keySpan, verdict.rename)], preferred: true, fixAll: true }];
  }
  if (squash(entry.key) === 'details') {
    const unwrap = unwrapEntry(ctx.text, obj, index);
    return unwrap ? [{ title: `Move the properties out of '${entry.rawKey}'`, edits: [unwrap], preferred: true, fixAll: true }] : [];
  }
  if (verdict.keep) return [];
  const removal = removeEntry(ctx.text, obj, index);
  return removal ? [{ title: `Remove '${entry.rawKey}'`, edits: [removal], preferred: true }] : [];
}

function checkPublicAccessBlock(ctx: RuleContext, mrap: Resource, pab: ObjectNode): void {
  pab.entries.forEach((e, index) => {
    if (PAB_FLAGS.includes(e.key)) return;
    const match = PAB_FLAGS.find((f) => squash(f) === squash(e.key) || squash(f) === `${squash(e.key)}s`);
    const fixes: Fix[] = [];
    if (canFix(ctx.template) && match && !pab.entries.some((x) => x.key === match)) {
      fixes.push({ title: `Rename '${e.rawKey}' to '${match}'`, edits: [renameKey(ctx.text, e.keySpan, match)], preferred: true, fixAll: true });
    } else if (canFix(ctx.template)) {
      const removal = removeEntry(ctx.text, pab, index);
      if (removal) fixes.push({ title: `Remove '${e.rawKey}'`, edits: [removal] });
    }
    ctx.report({
      message: `MRAP '${mrap.logicalId}': PublicAccessBlockConfiguration has no property '${e.rawKey}'${match ? ` (did you mean '${match}'?)` : ''}. Its flags are ${PAB_FLAGS.join(', ')}.`,
      span: e.keySpan,
      fixes,
    });
  });
}

export const unknownProperty: Rule = {
  id: 'mrap/unknown-property',
  catalogue: 'M1',
  severity: 'error',
  scope: 'resource',
  title: 'A Multi-Region Access Point has only Name, PublicAccessBlockConfiguration and Regions',
  docs:
    'AWS::S3::MultiRegionAccessPoint accepts exactly three properties: `Name`, `PublicAccessBlockConfiguration` and `Regions` (the schema has additionalProperties false), so CloudFormation rejects anything else. Common mix-ups: `PublicAccessBlock` is the API/CLI name (CloudFormation says `PublicAccessBlockConfiguration`); `Details` is the API request wrapper; there is no routing policy, failover or health-check property: requests go to the closest active Region, and active/passive is set after creation with SubmitMultiRegionAccessPointRoutes. `Alias` and `CreatedAt` are read-only attributes, and there is no ARN attribute. Rename or remove the property.',
  sources: [AWS_DOCS.cfnMrap, AWS_DOCS.apiCreateMrap, AWS_DOCS.mrapFailover],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType(MRAP_TYPE)) {
      const props = mrap.properties;
      if (!props) continue;
      props.entries.forEach((e, index) => {
        if (ALLOWED.includes(e.key)) return;
        const verdict = verdictFor(e.key, mrap.logicalId);
        ctx.report({
          message: `MRAP '${mrap.logicalId}' has no property '${e.rawKey}': ${verdict.truth}.`,
          span: e.keySpan,
          fixes: keyFixes(ctx, props, index, e, verdict),
        });
      });
      for (const pab of objects(props.entries.find((e) => e.key === 'PublicAccessBlockConfiguration')?.value)) checkPublicAccessBlock(ctx, mrap, pab);
    }
  },
};
