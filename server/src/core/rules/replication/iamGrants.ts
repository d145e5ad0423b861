import { alternatives, entry, isIntrinsic, str } from '../../model/access';
import { memoize } from '../../model/memo';
import { getAttParts, refTarget, subVariables } from '../../model/references';
import type { ObjectNode, Resource, Template, ValueNode } from '../../model/types';

/**
 * Static reading of the IAM role a replication configuration uses, for R25/R26. Reading is all or
 * nothing: one statement that cannot be read (an intrinsic for Action or Effect, `Fn::If` in a list,
 * a managed policy ARN whose document is not in the template, `NotAction`) makes the whole answer
 * `undefined`, and the rules then say nothing. Resources are not compared: a statement that allows
 * an action on any resource counts, so a mis-scoped Resource is never reported (no false positives).
 */

/** The roles of this template that a `Role` value may name (each `Fn::If` branch). */
export function templateRolesOf(template: Template, roleValue: ValueNode | undefined): Resource[] {
  const out: Resource[] = [];
  for (const alt of alternatives(roleValue)) {
    let target: Resource | undefined = refTarget(template, alt);
    const att = getAttParts(alt);
    if (att) target = template.resourcesById.get(att.target);
    if (isIntrinsic(alt, 'Fn::Sub')) {
      const vars = subVariables(alt).filter((v) => template.resourcesById.get(v.name)?.type === 'AWS::IAM::Role');
      if (vars.length === 1 && vars[0]) target = template.resourcesById.get(vars[0].name);
    }
    if (target?.type === 'AWS::IAM::Role' && !out.includes(target)) out.push(target);
  }
  return out;
}

/** Statements of a policy document, or undefined when its shape is not statically known. */
function statementsOf(doc: ValueNode | undefined): ObjectNode[] | undefined {
  if (doc?.kind !== 'object') return undefined;
  const statement = entry(doc, 'Statement')?.value;
  if (statement?.kind === 'object') return [statement];
  if (statement?.kind !== 'array') return undefined;
  const out: ObjectNode[] = [];
  for (const item of statement.items) {
    if (item.kind !== 'object') return undefined;
    out.push(item);
  }
  return out;
}

/** Literal strings of a string-or-list value; undefined if any part is computed. */
function stringList(node: ValueNode | undefined): string[] | undefined {
  if (node === undefined) return [];
  if (node.kind === 'string') return [node.value];
  if (node.kind !== 'array') return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    if (item.kind !== 'string') return undefined;
    out.push(item.value);
  }
  return out;
}

/** Action patterns allowed by a policy document, or undefined when unreadable. */
function allowedActions(doc: ValueNode | undefined): string[] | undefined {
  const statements = statementsOf(doc);
  if (!statements) return undefined;
  const out: string[] = [];
  for (const s of statements) {
    const effect = str(entry(s, 'Effect')?.value);
    if (effect === undefined) return undefined;
    // Deny can only take permissions away; ignoring it can only hide a finding, never invent one.
    if (effect !== 'Allow') continue;
    if (entry(s, 'NotAction')) return undefined;
    const actions = stringList(entry(s, 'Action')?.value);
    if (!actions) return undefined;
    out.push(...actions);
  }
  return out;
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
export function allows(patterns: readonly string[], action: string): boolean {
  for (const p of patterns) if (matches(p, action)) return true;
  return false;
}

const missingByLists = new Map<string, readonly string[]>();

/**
 * The `wanted` actions that no pattern allows. Roles usually repeat the same action lists (only their
 * resources differ, and those are not compared), so the answer is remembered per pair of lists.
 */
export function notAllowed(patterns: readonly string[], wanted: readonly string[]): readonly string[] {
  // JSON keeps the lists apart unambiguously, whatever characters the patterns hold.
  const key = JSON.stringify([wanted, patterns]);
  let missing = missingByLists.get(key);
  if (!missing) {
    missing = wanted.filter((a) => !allows(patterns, a));
    // Patterns come from user text: bound the memory a long session can hold.
    if (missingByLists.size >= 1000) missingByLists.clear();
    missingByLists.set(key, missing);
  }
  return missing;
}

/**
 * Verdicts by pattern, then by action. Every role of a template repeats the same few patterns and
 * is asked about the same fixed actions, so after the first role each test is two map lookups.
 */
const verdicts = new Map<string, Map<string, boolean>>();

function matches(pattern: string, action: string): boolean {
  let byAction = verdicts.get(pattern);
  if (!byAction) {
    // Patterns come from user text: bound the memory a long session can hold.
    if (verdicts.size >= 10000) verdicts.clear();
    byAction = new Map();
    verdicts.set(pattern, byAction);
  }
  let verdict = byAction.get(action);
  if (verdict === undefined) {
    verdict = patternRegExp(pattern).test(action);
    byAction.set(action, verdict);
  }
  return verdict;
}

function patternRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
}

/** Whether a role's trust policy lets `s3.amazonaws.com` assume it; undefined when unreadable or absent. */
export function trustsS3(role: Resource): boolean | undefined {
  const statements = statementsOf(entry(role.properties, 'AssumeRolePolicyDocument')?.value);
  if (!statements) return undefined;
  let unknown = false;
  for (const s of statements) {
    const effect = str(entry(s, 'Effect')?.value);
    const actions = stringList(entry(s, 'Action')?.value);
    const principal = entry(s, 'Principal')?.value;
    if (effect === undefined || actions === undefined || principal === undefined) {
      unknown = true;
      continue;
    }
    if (effect !== 'Allow' || !allows(actions, 'sts:AssumeRole')) continue;
    if (str(principal) === '*') return true;
    const services = stringList(entry(principal, 'Service')?.value);
    if (!services) {
      unknown = true;
      continue;
    }
    if (services.includes('s3.amazonaws.com')) return true;
  }
  return unknown ? undefined : false;
}

/** Does a `Roles` / `RoleName` value attach to `role`? undefined when it cannot be told. */
function namesRole(template: Template, node: ValueNode, role: Resource): boolean | undefined {
  const target = refTarget(template, node);
  if (target) return target === role;
  const literal = str(node);
  if (literal !== undefined) return literal === str(entry(role.properties, 'RoleName')?.value);
  return undefined;
}

function attachesTo(template: Template, policy: Resource, role: Resource): boolean | undefined {
  if (policy.type === 'AWS::IAM::RolePolicy') {
    const name = entry(policy.properties, 'RoleName')?.value;
    return name ? namesRole(template, name, role) : false;
  }
  const roles = entry(policy.properties, 'Roles')?.value;
  if (!roles) return false;
  if (roles.kind !== 'array') return undefined;
  let unknown = false;
  for (const item of roles.items) {
    for (const alt of alternatives(item)) {
      const named = namesRole(template, alt, role);
      if (named) return true;
      if (named === undefined) unknown = true;
    }
  }
  return unknown ? undefined : false;
}

const POLICY_TYPES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy'];
/** The template's IAM policy resources, found once per template (roleActions runs for every role). */
const policyResources = memoize((template: Template): Resource[] => template.resources.filter((r) => r.type !== undefined && POLICY_TYPES.includes(r.type)));

/**
 * Every action pattern the template grants to `role` (inline `Policies`, template managed policies in
 * `ManagedPolicyArns`, and policy resources that name the role), or undefined when any of it is unreadable.
 */
export function roleActions(template: Template, role: Resource): string[] | undefined {
  const out: string[] = [];
  const inline = entry(role.properties, 'Policies')?.value;
  if (inline) {
    if (inline.kind !== 'array') return undefined;
    for (const p of inline.items) {
      if (p.kind !== 'object') return undefined;
      const actions = allowedActions(entry(p, 'PolicyDocument')?.value);
      if (!actions) return undefined;
      out.push(...actions);
    }
  }
  const managed = entry(role.properties, 'ManagedPolicyArns')?.value;
  const viaArns = new Set<Resource>();
  if (managed) {
    if (managed.kind !== 'array') return undefined;
    for (const arn of managed.items) {
      const target = refTarget(template, arn);
      if (target?.type !== 'AWS::IAM::ManagedPolicy') return undefined;
      viaArns.add(target);
    }
  }
  for (const policy of policyResources(template)) {
    const attached = viaArns.has(policy) || attachesTo(template, policy, role);
    if (attached === undefined) return undefined;
    if (!attached) continue;
    const actions = allowedActions(entry(policy.properties, 'PolicyDocument')?.value);
    if (!actions) return undefined;
    out.push(...actions);
  }
  return out;
}
