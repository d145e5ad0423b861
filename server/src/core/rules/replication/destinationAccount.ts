import { entry, isIntrinsic, str } from '../../model/access';
import { bucketOf } from '../../model/references';
import type { Resource, Template, ValueNode } from '../../model/types';
import type { DestinationSite } from './replicationWalk';

/** `!Ref AWS::AccountId`: the account the stack deploys to. */
function isOwnAccountRef(node: ValueNode | undefined): boolean {
  return isIntrinsic(node, 'Ref') && str(node.arg) === 'AWS::AccountId';
}

/** The destination bucket when it is a resource of this template (never for AWS CLI input). */
export function destinationResource(template: Template, site: DestinationSite): Resource | undefined {
  if (site.bucket.synthetic) return undefined;
  const ref = bucketOf(template, entry(site.destination, 'Bucket')?.value);
  if (ref.kind === 'resource') return ref.resource;
  if (ref.kind === 'literal') return ref.resource;
  return undefined;
}

/**
 * True only when the destination is provably in the source bucket's account: `Account: !Ref AWS::AccountId`,
 * a literal `Account` equal to the source's known account (CDK `env.account`), or a destination bucket of
 * the same stack with no other `Account` stated.
 */
export function provablySameAccount(template: Template, site: DestinationSite): boolean {
  const account = entry(site.destination, 'Account')?.value;
  if (account && isOwnAccountRef(account)) return true;
  const literal = str(account);
  if (literal !== undefined && site.bucket.account !== undefined && literal === site.bucket.account) return true;
  const dest = destinationResource(template, site);
  if (!dest) return false;
  const sameStack = dest.stack === site.bucket.stack || (dest.account !== undefined && dest.account === site.bucket.account);
  if (!sameStack) return false;
  if (!account) return true;
  return literal !== undefined && literal === (dest.account ?? site.bucket.account);
}
