import { allObjects, alternatives, entry, isIntrinsic, isNoValue, items, num, objectItems, objects, prop, str } from '../../model/access';
import { memoize } from '../../model/memo';
import { bucketOf } from '../../model/references';
import type { ObjectNode, Span, Template, ValueNode } from '../../model/types';
import type { ReplicationConfigSite as ReplicationConfig } from './replicationWalk';

/**
 * Rule-level helpers for the replication rules: rule objects of a configuration, the possible rule
 * lists for checks that compare rules with each other, V1/V2, priorities. The walk over
 * configurations itself is replicationWalk.ts.
 */
export { replicationConfigs, sourceLabel, type ReplicationConfigSite as ReplicationConfig } from './replicationWalk';

/** Where to point for something missing in a configuration: its key, or its first character for CLI input. */
export function configAnchor(rc: ReplicationConfig): Span {
  const k = rc.configEntry.keySpan;
  return k.end > k.start ? k : { start: rc.config.span.start, end: rc.config.span.start + 1 };
}

/** Every rule object of a configuration (every `Fn::If` branch), for checks of one rule at a time. */
export function ruleObjects(config: ObjectNode): readonly ObjectNode[] {
  return objectItems(prop(config, 'Rules'));
}

const MAX_RULE_SETS = 64;

/**
 * The lists of rules the configuration may deploy with, for checks across rules. A rule written
 * as `Fn::If` yields one list per branch (`AWS::NoValue` drops it), so rules from two exclusive
 * branches are never compared with each other. Items that are not statically known are left out.
 * Gives up (empty) beyond a handful of combinations. Computed once per configuration (five rules ask).
 */
export const ruleSets = memoize((config: ObjectNode): readonly (readonly ObjectNode[])[] => {
  const rulesValue = prop(config, 'Rules');
  // The common case, a plain list of rule objects, is its own single set.
  if (rulesValue?.kind === 'array' && allObjects(rulesValue.items)) return [rulesValue.items];
  const sets: ObjectNode[][] = [];
  for (const rules of alternatives(rulesValue)) {
    if (rules.kind !== 'array') continue;
    let combos: ObjectNode[][] = [[]];
    for (const item of rules.items) {
      const options = itemOptions(item);
      if (options.length === 1) {
        const only = options[0];
        combos = combos.map((c) => (only ? [...c, only] : c));
        continue;
      }
      combos = combos.flatMap((c) => options.map((o) => (o ? [...c, o] : c)));
      if (combos.length > MAX_RULE_SETS) return [];
    }
    sets.push(...combos);
  }
  return sets;
});

/** The objects an array item may be; `undefined` stands for "absent" (`AWS::NoValue`) or not statically known. */
function itemOptions(node: ValueNode | undefined): (ObjectNode | undefined)[] {
  if (!node || isNoValue(node)) return [undefined];
  if (isIntrinsic(node, 'Fn::If') && node.arg.kind === 'array' && node.arg.items.length === 3) {
    return [...itemOptions(node.arg.items[1]), ...itemOptions(node.arg.items[2])];
  }
  return [node.kind === 'object' ? node : undefined];
}

/** True when a value is, or may be (an `Fn::If` branch), `AWS::NoValue`. */
function mayBeAbsent(node: ValueNode): boolean {
  if (isNoValue(node)) return true;
  if (isIntrinsic(node, 'Fn::If') && node.arg.kind === 'array' && node.arg.items.length === 3) {
    return node.arg.items.slice(1).some((b) => b !== undefined && mayBeAbsent(b));
  }
  return false;
}

/** `v2` when the rule has a `Filter`, `v1` when it has none; undefined when a condition decides. */
export function ruleVersion(rule: ObjectNode): 'v1' | 'v2' | undefined {
  const filter = entry(rule, 'Filter');
  if (!filter || isNoValue(filter.value)) return 'v1';
  return mayBeAbsent(filter.value) ? undefined : 'v2';
}

/** The rule's `Id` (or `ID` as written in a template) for messages. */
export function ruleLabel(rule: ObjectNode, index?: number): string {
  const id = str(prop(rule, 'Id')) ?? str(prop(rule, 'ID'));
  if (id !== undefined) return `rule '${id.length > 40 ? `${id.slice(0, 37)}...` : id}'`;
  return index === undefined ? 'this rule' : `rule #${index + 1}`;
}

/** Where to point at a whole rule: its `Id` key, else its first key, else the item. */
export function ruleAnchor(rule: ObjectNode): Span {
  return (entry(rule, 'Id') ?? entry(rule, 'ID') ?? rule.entries[0])?.keySpan ?? rule.span;
}

/** True when the filter provably selects by tag; undefined when not statically known. */
export function filterHasTags(filter: ObjectNode): boolean | undefined {
  if (entry(filter, 'TagFilter')) return true;
  const and = entry(filter, 'And');
  if (!and) return false;
  let unknown = false;
  for (const a of alternatives(and.value)) {
    if (a.kind !== 'object') {
      unknown = true;
      continue;
    }
    const tags = entry(a, 'TagFilters');
    if (!tags) continue;
    if (items(tags.value).length > 0) return true;
    if (alternatives(tags.value).some((t) => t.kind !== 'array')) unknown = true;
  }
  return unknown ? undefined : false;
}

/** The `Destination.Bucket` values of a rule (each branch). */
export function destinationBuckets(rule: ObjectNode): readonly ValueNode[] {
  const destination = prop(rule, 'Destination');
  // The common case, one Destination object: its own alternatives, without a flatMap.
  if (destination?.kind === 'object') return alternatives(prop(destination, 'Bucket'));
  return objects(destination).flatMap((d) => alternatives(prop(d, 'Bucket')));
}

/** A key that is equal for two values naming the same bucket; undefined when not statically known. */
export function bucketIdentity(template: Template, node: ValueNode): string | undefined {
  const b = bucketOf(template, node);
  if (b.kind === 'resource') return `resource:${b.resource.logicalId}`;
  if (b.kind === 'literal') return b.resource ? `resource:${b.resource.logicalId}` : `name:${b.name}`;
  return undefined;
}

/** A rule's `Priority` when statically known; `null` when absent; undefined when present but unknown. */
export function priorityOf(rule: ObjectNode): number | null | undefined {
  const p = entry(rule, 'Priority');
  if (!p || isNoValue(p.value)) return null;
  return num(p.value);
}

/** One more than the highest statically known `Priority` of the configuration (1 when none). */
export function nextPriority(config: ObjectNode): number {
  const known = ruleObjects(config).map(priorityOf).filter((p): p is number => typeof p === 'number');
  return known.length === 0 ? 1 : Math.max(...known) + 1;
}

