/**
 * A live Multi-Region Access Point as an equivalent CloudFormation template (pure: plain data in, YAML out).
 * The export is a starting point for managing the MRAP as code: deploying it creates a NEW MRAP (new alias),
 * so the policy's ARNs are rewritten to point at the new MRAP through `!Sub` and `Alias`.
 */
import type { Mrap } from './s3Control';

/** A value that renders as `!Sub '<text>'`. */
interface SubValue {
  readonly sub: string;
}
type Yamlish = string | number | boolean | null | SubValue | readonly Yamlish[] | { readonly [key: string]: Yamlish };

function isSub(v: Yamlish): v is SubValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as SubValue).sub === 'string';
}

/** `orders-global` -> `OrdersGlobal`; a logical id is alphanumeric and starts with a letter. */
export function logicalId(name: string, suffix = ''): string {
  const pascal = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
  const id = /^[A-Za-z]/.test(pascal) ? pascal : `Mrap${pascal}`;
  return `${id}${suffix}`.slice(0, 255);
}

function scalar(v: string | number | boolean | null): string {
  if (typeof v !== 'string') return String(v);
  // Plain style only when YAML cannot read it as anything but this string.
  const plain = /^[A-Za-z_/][A-Za-z0-9_ ./:*-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v) && !v.endsWith(' ') && !v.includes(': ') && !v.includes(' #');
  return plain ? v : JSON.stringify(v);
}

function render(v: Yamlish, indent: string): string {
  if (isSub(v)) return `!Sub ${JSON.stringify(v.sub)}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return v.map((item: Yamlish) => `\n${indent}- ${render(item, `${indent}  `).replace(/^\n\s*/, '')}`).join('');
  }
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v as Record<string, Yamlish>);
    if (entries.length === 0) return '{}';
    return entries.map(([k, val]) => `\n${indent}${scalar(k)}:${block(val) ? '' : ' '}${render(val, `${indent}  `)}`).join('');
  }
  return scalar(v);
}

function block(v: Yamlish): boolean {
  if (isSub(v)) return false;
  if (Array.isArray(v)) return v.length > 0;
  return typeof v === 'object' && v !== null && Object.keys(v).length > 0;
}

/** Strings naming the exported MRAP by ARN become `!Sub` expressions on the new MRAP's alias. */
function retarget(value: unknown, mrap: Mrap, mrapId: string): Yamlish {
  if (typeof value === 'string') {
    const arn = `arn:aws:s3::${mrap.accountId}:accesspoint/${mrap.alias}`;
    if (!value.startsWith(arn)) return value;
    // In a Sub string a literal `${` (IAM policy variables) is written `${!`.
    const rest = value.slice(arn.length).replace(/\$\{/g, '${!');
    return { sub: `arn:\${AWS::Partition}:s3::\${AWS::AccountId}:accesspoint/\${${mrapId}.Alias}${rest}` };
  }
  if (Array.isArray(value)) return value.map((v) => retarget(v, mrap, mrapId));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, retarget(v, mrap, mrapId)]));
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return null;
}

/**
 * YAML for an AWS::S3::MultiRegionAccessPoint (+ its policy when `policyJson` is given). Routes are not
 * part of CloudFormation and are listed in a comment instead.
 */
export function toCloudFormation(mrap: Mrap, policyJson?: string, routes?: readonly { bucket?: string; trafficDialPercentage: number }[]): string {
  const mrapId = logicalId(mrap.name);
  const pab = mrap.publicAccessBlock;
  const properties: Record<string, Yamlish> = { Name: mrap.name };
  if (pab) {
    properties.PublicAccessBlockConfiguration = {
      BlockPublicAcls: pab.blockPublicAcls ?? true,
      BlockPublicPolicy: pab.blockPublicPolicy ?? true,
      IgnorePublicAcls: pab.ignorePublicAcls ?? true,
      RestrictPublicBuckets: pab.restrictPublicBuckets ?? true,
    };
  }
  properties.Regions = mrap.regions.map((r): Yamlish =>
    r.bucketAccountId && r.bucketAccountId !== mrap.accountId ? { Bucket: r.bucket, BucketAccountId: r.bucketAccountId } : { Bucket: r.bucket },
  );
  const resources: Record<string, Yamlish> = { [mrapId]: { Type: 'AWS::S3::MultiRegionAccessPoint', Properties: properties } };
  let policyNote = '';
  if (policyJson !== undefined) {
    try {
      const policy: unknown = JSON.parse(policyJson);
      resources[logicalId(mrap.name, 'Policy')] = {
        Type: 'AWS::S3::MultiRegionAccessPointPolicy',
        Properties: { MrapName: { Ref: mrapId }, Policy: retarget(policy, mrap, mrapId) },
      };
    } catch {
      policyNote = '# The policy could not be read as JSON and was left out.\n';
    }
  }
  const routeLines = (routes ?? []).map((r) => `#   ${r.bucket ?? '?'}: ${r.trafficDialPercentage > 0 ? 'active' : 'passive'} (TrafficDialPercentage ${r.trafficDialPercentage})`);
  const header = [
    `# Exported by s3mrap from the Multi-Region Access Point ${mrap.name} (account ${mrap.accountId}, alias ${mrap.alias}).`,
    '# Deploying this creates a NEW Multi-Region Access Point with a new alias; names are unique per account,',
    '# so rename it (or delete the original) before deploying into the same account.',
    ...(routeLines.length > 0
      ? ['# Active/passive routing is not part of CloudFormation; after creation set it with', '# SubmitMultiRegionAccessPointRoutes. Current routes:', ...routeLines]
      : []),
  ].join('\n');
  const body = render({ AWSTemplateFormatVersion: '2010-09-09', Description: `Multi-Region Access Point ${mrap.name}`, Resources: resources }, '').replace(/^\n/, '');
  return `${header}\n${policyNote}${body}\n`;
}
