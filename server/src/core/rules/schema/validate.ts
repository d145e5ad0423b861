import { alternatives, entry } from '../../model/access';
import type { Entry, ObjectNode, Resource, Span, Template, ValueNode } from '../../model/types';
import { schemaFor, type JsonType, type Literal, type ResourceSchema, type SchemaNode } from '../../schema/registry';
import { removeEntry, replaceScalar } from '../edits';
import type { Fix, RuleContext } from '../types';
import { closest } from './suggest';
import { canonical, codePoints, kindWords, limitWords, patternOf, typeWords } from './values';

/**
 * One generic pass over the parts of a template the registry schemas describe; the `schema/*`
 * rules each report their own kind of issue from it. The pass runs once per template (cached), so
 * seven rules cost one walk.
 *
 * Scope: every property of the two MRAP types, and of `AWS::S3::Bucket` only `ReplicationConfiguration`
 * and `VersioningConfiguration` (the saved bucket schema lags AWS, so other bucket properties are
 * not judged). Intrinsics and unknown values are skipped; `Fn::If` branches are checked each.
 *
 * Dialects (decided so that no input is reported twice or wrongly):
 * - `cfn`: CloudFormation's scalar conversions apply (numbers for strings, `"15"`, `"true"`).
 * - `api` (AWS CLI JSON): the reader already maps the API spellings `ID`, `Tag`, `Tags`,
 *   `PublicAccessBlock` to the CloudFormation names in `key`, so API names are never flagged here
 *   and messages show the names as written. CloudFormation spellings in a CLI file (`Id`,
 *   `TagFilter`, `PublicAccessBlockConfiguration`) normalise to the same keys, so only the `cli/*`
 *   rules report them. `ExistingObjectReplication` is unknown here and reported on the same key
 *   span as `cli/existing-object-replication`, so the engine keeps only that (better) warning.
 *   Types are strict (the CLI converts nothing) and the wider S3 API storage-class list applies.
 * - `cdk`: unknown and missing keys are left to the TypeScript compiler (spreads hide keys);
 *   values are still judged.
 * Spans: unknown keys on the key; missing keys on the key of the object that lacks them (the first
 * key of a list item, the logical id when `Properties` is missing); bad values on the value.
 */
export type SchemaIssueKind = 'unknown-property' | 'required-property' | 'type' | 'enum' | 'pattern' | 'length' | 'unique-items';

export interface SchemaIssue {
  readonly kind: SchemaIssueKind;
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly Fix[] | undefined;
}

const SCOPE: Readonly<Record<string, { readonly noun: string; readonly only?: readonly string[] }>> = {
  'AWS::S3::MultiRegionAccessPoint': { noun: 'MRAP' },
  'AWS::S3::MultiRegionAccessPointPolicy': { noun: 'MRAP policy' },
  'AWS::S3::Bucket': { noun: 'bucket', only: ['ReplicationConfiguration', 'VersioningConfiguration'] },
};

/**
 * The S3 API (AWS CLI JSON) accepts more storage classes than CloudFormation's 8-value enum
 * (aws-facts section 5); in dialect `api` the API list applies.
 */
const API_ENUMS: Readonly<Record<string, readonly string[]>> = {
  '/properties/ReplicationConfiguration/Rules/*/Destination/StorageClass': [
    'STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE',
    'OUTPOSTS', 'GLACIER_IR', 'SNOW', 'EXPRESS_ONEZONE', 'FSX_OPENZFS', 'FSX_ONTAP', 'AWS_BACKUP_WARM', 'AWS_BACKUP_LOW_COST_WARM',
  ],
};

/** CloudFormation names as the S3 API spells them, for messages about AWS CLI files. */
const API_NAME_FOR: Readonly<Record<string, string>> = { PublicAccessBlockConfiguration: 'PublicAccessBlock', Id: 'ID', TagFilter: 'Tag', TagFilters: 'Tags' };

/** API/CLI spellings written in a template: suggest the CloudFormation name. */
const CFN_NAME_FOR: Readonly<Record<string, string>> = { PublicAccessBlock: 'PublicAccessBlockConfiguration', ID: 'Id', Tag: 'TagFilter', Tags: 'TagFilters' };

const cache = new WeakMap<Template, readonly SchemaIssue[]>();

/** The schema issues of the rule context's template (computed once per template). */
export function schemaIssues(ctx: Pick<RuleContext, 'template' | 'text' | 'resourcesOfType'>): readonly SchemaIssue[] {
  const hit = cache.get(ctx.template);
  if (hit) return hit;
  const issues = collect(ctx, ctx.template, ctx.text);
  cache.set(ctx.template, issues);
  return issues;
}

interface Walk {
  readonly template: Template;
  readonly text: string;
  readonly schema: ResourceSchema;
  readonly resource: Resource;
  /** ` (MRAP 'Global')`, or empty for an AWS CLI input file. */
  readonly owner: string;
  /** AWS CLI JSON: botocore checks types strictly (no numeric strings, no "true"). */
  readonly strict: boolean;
  /** Unknown/required keys are judged (not for CDK: TypeScript checks those, and spreads hide keys). */
  readonly shape: boolean;
  /** Paths in messages use the names as written (AWS CLI files), else the canonical names. */
  readonly rawNames: boolean;
  readonly issues: SchemaIssue[];
}

/** Where a value sits: its schema pointer, a readable path, and where to report a missing child. */
interface Place {
  readonly pointer: string;
  /** The readable path is built only when a message needs it: parent place plus `Name` or `[i]`. */
  readonly parent: Place | undefined;
  /** A property name, or the index of a list item. */
  readonly step: string | number;
  /** Where a missing child is reported: a span, or an entry whose key it is (see `anchorOf`, worked out only then). */
  readonly anchor: Span | Entry;
}

const ROOT_STEP = '';

function labelOf(at: Place): string {
  const head = at.parent ? labelOf(at.parent) : '';
  if (typeof at.step === 'number') return `${head}[${at.step}]`;
  if (at.step === ROOT_STEP) return head;
  if (head === '') return at.step;
  return `${head}.${at.step}`;
}

function collect(ctx: Pick<RuleContext, 'resourcesOfType'>, template: Template, text: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  // Through resourcesOfType: editors re-check only the resources an edit changed (the rules are resource-scoped).
  for (const resource of Object.keys(SCOPE).flatMap((type) => ctx.resourcesOfType(type))) {
    const scope = resource.type ? SCOPE[resource.type] : undefined;
    const schema = scope && resource.type ? schemaFor(resource.type) : undefined;
    if (!scope || !schema) continue;
    const w: Walk = {
      template,
      text,
      schema,
      resource,
      owner: resource.synthetic ? '' : ` (${scope.noun} '${resource.logicalId}')`,
      strict: template.dialect === 'api',
      shape: template.dialect !== 'cdk',
      rawNames: template.dialect === 'api',
      issues,
    };
    if (scope.only) {
      for (const name of scope.only) {
        const e = entry(resource.properties, name);
        const node = schema.root.properties?.get(name);
        // An AWS CLI replication file is the configuration itself: its paths start at `Rules`.
        if (e && node) checkValue(w, e.value, node, { pointer: childPointer('', name), parent: undefined, step: resource.synthetic ? ROOT_STEP : nameOf(w, e), anchor: anchorOf(e) });
      }
      continue;
    }
    if (resource.synthetic) {
      if (resource.properties) checkValue(w, resource.properties, schema.root, { pointer: '', parent: undefined, step: ROOT_STEP, anchor: firstChar(resource.properties.span) });
      continue;
    }
    const props = entry(resource.body, 'Properties');
    if (props) {
      checkValue(w, props.value, schema.root, { pointer: '', parent: undefined, step: ROOT_STEP, anchor: props.keySpan });
    } else if (w.shape) {
      for (const name of schema.root.required) {
        issues.push({ kind: 'required-property', span: resource.idSpan, message: `${scope.noun} '${resource.logicalId}' has no Properties; '${name}' is required.` });
      }
    }
  }
  return issues;
}

/**
 * Check one value against its schema. This runs for every value in scope, mostly before the JIT has
 * optimised anything (a fresh language server), so it keeps calls per value few: type matching is one
 * call, and the place of a child is built without helper calls.
 */
function checkValue(w: Walk, v: ValueNode, s: SchemaNode, at: Place): void {
  if (v.kind === 'intrinsic') {
    // `Fn::If` branches are checked each on their own; other intrinsics are not statically known.
    for (const alt of alternatives(v)) if (alt.kind !== 'intrinsic') checkValue(w, alt, s, at);
    return;
  }
  if (v.kind === 'unknown') return;
  if (s.types && !matchesAnyType(v, s.types, w.strict)) {
    const strictOnly = w.strict && matchesAnyType(v, s.types, false);
    const why = strictOnly ? ' (the AWS CLI does not convert values: "Invalid type for parameter")' : '';
    report(w, 'type', v.span, `${subject(w, at)} must be ${typeWords(s.types)}, not ${kindWords(v)}${w.owner}${why}.`);
    return;
  }
  switch (v.kind) {
    case 'object':
      checkObject(w, v, s, at);
      return;
    case 'array':
      checkArray(w, v, s, at);
      return;
    case 'string':
    case 'number':
    case 'boolean':
      checkScalar(w, v, s, at);
      return;
    default:
      return;
  }
}

const INTEGER_STRING = /^\s*[-+]?\d+\s*$/;
const BOOLEAN_STRING = /^(true|false)$/i;

function matchesAnyType(v: ValueNode, types: readonly JsonType[], strict: boolean): boolean {
  for (let i = 0; i < types.length; i++) {
    switch (types[i]) {
      case 'string':
        // CloudFormation turns scalars into strings; the CLI does not.
        if (v.kind === 'string' || (!strict && (v.kind === 'number' || v.kind === 'boolean'))) return true;
        break;
      case 'integer':
        if ((v.kind === 'number' && Number.isInteger(v.value)) || (!strict && v.kind === 'string' && INTEGER_STRING.test(v.value))) return true;
        break;
      case 'number':
        if (v.kind === 'number' || (!strict && v.kind === 'string' && v.value.trim() !== '' && !Number.isNaN(Number(v.value)))) return true;
        break;
      case 'boolean':
        if (v.kind === 'boolean' || (!strict && v.kind === 'string' && BOOLEAN_STRING.test(v.value))) return true;
        break;
      case 'object':
        if (v.kind === 'object') return true;
        break;
      case 'array':
        if (v.kind === 'array') return true;
        break;
    }
  }
  return false;
}

function checkScalar(w: Walk, v: ValueNode & { kind: 'string' | 'number' | 'boolean' }, s: SchemaNode, at: Place): void {
  const literal = v.kind === 'string' ? v.value : String(v.value);
  const allowed: readonly Literal[] | undefined = (w.strict ? API_ENUMS[at.pointer] : undefined) ?? s.enum;
  if (allowed && !isAllowed(allowed, literal)) {
    const match = allowed.find((a) => String(a).toLowerCase() === literal.toLowerCase());
    const fixes: Fix[] | undefined = match !== undefined && v.kind === 'string'
      ? [{ title: `Change to '${String(match)}'`, edits: [replaceScalar(w.text, v.span, String(match))], preferred: true, fixAll: true }]
      : undefined;
    const list = allowed.map((a) => `'${String(a)}'`).join(', ');
    const message = allowed.length === 1
      ? `${subject(w, at)} must be ${list}, not '${literal}'${w.owner}.`
      : `${subject(w, at)} is '${literal}'${w.owner}; allowed values: ${list}.${match !== undefined ? ` Values are case-sensitive: did you mean '${String(match)}'?` : ''}`;
    report(w, 'enum', v.span, message, fixes);
    return;
  }
  // Pattern and length are judged on the scalar as written (`BucketAccountId: 012345678901` keeps its zero).
  if (!s.types?.includes('string')) return;
  const written = v.kind === 'string' ? v.value : w.text.slice(v.span.start, v.span.end);
  const length = codePoints(written);
  if ((s.minLength !== undefined && length < s.minLength) || (s.maxLength !== undefined && length > s.maxLength)) {
    report(w, 'length', v.span, `${subject(w, at)} has ${length} character${length === 1 ? '' : 's'}${w.owner}; ${limitWords(s.minLength, s.maxLength, 'characters')}.`);
    return;
  }
  const re = s.pattern ? patternOf(s.pattern) : undefined;
  if (re && !re.test(written)) {
    report(w, 'pattern', v.span, `${subject(w, at)} is '${written}'${w.owner}, which does not match the required pattern ${s.pattern ?? ''}.`);
  }
}

function isAllowed(allowed: readonly Literal[], literal: string): boolean {
  for (const a of allowed) if (String(a) === literal) return true;
  return false;
}

function checkArray(w: Walk, v: ValueNode & { kind: 'array' }, s: SchemaNode, at: Place): void {
  if (s.minItems !== undefined && v.items.length < s.minItems) {
    report(w, 'length', v.span, `${subject(w, at)} has ${v.items.length} item${v.items.length === 1 ? '' : 's'}${w.owner}; ${limitWords(s.minItems, s.maxItems, 'items')}.`);
  } else if (s.maxItems !== undefined && v.items.length > s.maxItems && surelyPresent(v.items) > s.maxItems) {
    const sure = surelyPresent(v.items);
    report(w, 'length', v.span, `${subject(w, at)} has ${sure} items${w.owner}; ${limitWords(s.minItems, s.maxItems, 'items')}.`);
  }
  if (s.uniqueItems && v.items.length > 1) reportDuplicates(w, v.items, at);
  const itemSchema = s.items;
  if (!itemSchema) return;
  const pointer = itemPointer(at.pointer);
  for (let i = 0; i < v.items.length; i++) {
    const item = v.items[i];
    if (!item) continue;
    const first = item.kind === 'object' ? item.entries[0] : undefined;
    checkValue(w, item, itemSchema, { pointer, parent: at, step: i, anchor: first ?? item.span });
  }
}

/** Items that cannot vanish (an `Fn::If` item may turn into `AWS::NoValue`). */
function surelyPresent(items: readonly ValueNode[]): number {
  return items.filter((i) => i.kind !== 'intrinsic' || i.fn !== 'Fn::If').length;
}

function reportDuplicates(w: Walk, items: readonly ValueNode[], at: Place): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const key = canonical(item);
    if (key === undefined) return;
    const before = seen.get(key);
    if (before === undefined) {
      seen.set(key, i);
      return;
    }
    const label = labelOf(at);
    report(w, 'unique-items', item.span, `${label}[${i}] is the same as item ${before} of the list${w.owner}; the items of ${label.replace(/^.*\./, '')} must be unique.`);
  });
}

function checkObject(w: Walk, v: ObjectNode, s: SchemaNode, at: Place): void {
  const props = s.properties;
  const readOnly = w.schema.readOnly;
  const entries = v.entries;
  // Indexed loops throughout: the interpreter runs them faster than `for...of` (no iterator).
  // `Fn::Transform`, `Fn::ForEach::...` keys make the object's final keys unknowable.
  let computed = false;
  if (w.shape) for (let i = 0; i < entries.length; i++) if (entries[i]?.key.startsWith('Fn::')) computed = true;
  if (w.shape && !computed) {
    // A missing name next to an unknown one is most likely the unknown one misspelled: that finding
    // (with its rename fix) says it better than "missing X".
    let misspelled = false;
    if (s.closed && props) {
      for (let index = 0; index < entries.length; index++) {
        const e = entries[index];
        if (!e) continue;
        if (!props.has(e.key)) {
          misspelled = true;
          unknownProperty(w, v, index, e, at, [...props.keys()].filter((k) => !readOnly.has(childPointer(at.pointer, k))).sort());
        } else if (readOnly.has(childPointer(at.pointer, e.key))) readOnlyProperty(w, v, index, e);
      }
    }
    if (!misspelled) {
      for (const name of s.required) {
        if (entry(v, name)) continue;
        const label = labelOf(at);
        const where = label === '' ? (w.owner === '' ? 'The input' : w.owner.slice(2, -1)) : `${label}${w.owner}`;
        report(w, 'required-property', spanOf(at.anchor), `${where} is missing the required property '${name}'.`);
      }
    }
  }
  if (!props) return;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const child = e && props.get(e.key);
    if (!e || !child) continue;
    const pointer = childPointer(at.pointer, e.key);
    // Inside a read-only property (reported once, above) there is nothing more to say.
    if (!readOnly.has(pointer)) checkValue(w, e.value, child, { pointer, parent: at, step: w.rawNames ? e.rawKey : e.key, anchor: e });
  }
}

function unknownProperty(w: Walk, obj: ObjectNode, index: number, e: Entry, at: Place, cfnNames: readonly string[]): void {
  // The model carries CloudFormation names; an AWS CLI file is told the names its API uses.
  const allowed = w.template.dialect === 'api' ? cfnNames.map((k) => API_NAME_FOR[k] ?? k).sort() : cfnNames;
  const alias = w.template.dialect === 'cfn' ? CFN_NAME_FOR[e.rawKey] : undefined;
  const suggestion = (alias && allowed.includes(alias) ? alias : undefined) ?? closest(e.rawKey, allowed);
  // Renaming onto a key that is already there would make a duplicate key: only suggest then.
  const rename = suggestion && !obj.entries.some((o) => o.rawKey === suggestion) ? suggestion : undefined;
  const fixes: Fix[] = [];
  if (rename) fixes.push({ title: `Rename to '${rename}'`, edits: [replaceScalar(w.text, e.keySpan, rename)], preferred: true });
  const removal = safeRemoval(w.text, obj, index);
  if (removal) fixes.push({ title: `Remove '${e.rawKey}'`, edits: [removal], preferred: !rename });
  const label = labelOf(at);
  const where = label === '' ? `${w.resource.type ?? 'this resource'}${w.owner}` : `${label}${w.owner}`;
  const hint = rename ? ` Did you mean '${rename}'?` : suggestion ? ` ('${suggestion}' is already set: this looks like a duplicate.)` : '';
  report(w, 'unknown-property', e.keySpan, `'${e.rawKey}' is not a valid property of ${where}.${hint} Allowed: ${allowed.join(', ')}.`, fixes);
}

function readOnlyProperty(w: Walk, obj: ObjectNode, index: number, e: Entry): void {
  const removal = safeRemoval(w.text, obj, index);
  const getAtt = w.resource.synthetic ? '' : ` (read it with !GetAtt ${w.resource.logicalId}.${e.rawKey})`;
  report(w, 'unknown-property', e.keySpan, `'${e.rawKey}' is read-only: AWS sets it${getAtt}; it cannot be set in a template${w.owner}.`, removal ? [{ title: `Remove '${e.rawKey}'`, edits: [removal], preferred: true }] : undefined);
}

/** Removing the first key of a YAML block list item (`- Key: v`) would also remove the dash. */
function safeRemoval(text: string, obj: ObjectNode, index: number): ReturnType<typeof removeEntry> {
  const e = obj.entries[index];
  if (!e) return undefined;
  if (!obj.flow) {
    const lineStart = text.lastIndexOf('\n', e.keySpan.start - 1) + 1;
    if (text.slice(lineStart, e.keySpan.start).trim() !== '') return undefined;
  }
  return removeEntry(text, obj, index);
}

function report(w: Walk, kind: SchemaIssueKind, span: Span, message: string, fixes?: readonly Fix[]): void {
  w.issues.push({ kind, span, message, fixes: fixes && fixes.length > 0 ? fixes : undefined });
}

/**
 * Schema pointers depend only on the path, not on the template: each is built once and then shared,
 * so the per-value work is two map lookups (and the read-only set hashes the same string once).
 * Only paths the schema knows get here (the walk never descends into unknown keys): the map stays small.
 */
const childPointers = new Map<string, Map<string, string>>();

function childPointer(pointer: string, key: string): string {
  let byKey = childPointers.get(pointer);
  if (!byKey) {
    byKey = new Map();
    childPointers.set(pointer, byKey);
  }
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const made = pointer === '' ? `/properties/${key}` : `${pointer}/${key}`;
  byKey.set(key, made);
  return made;
}

const itemPointers = new Map<string, string>();

function itemPointer(pointer: string): string {
  let made = itemPointers.get(pointer);
  if (made === undefined) {
    made = `${pointer}/*`;
    itemPointers.set(pointer, made);
  }
  return made;
}

function nameOf(w: Walk, e: Entry): string {
  return w.rawNames ? e.rawKey : e.key;
}

function subject(_w: Walk, at: Place): string {
  const label = labelOf(at);
  return label === '' ? 'Properties' : label;
}

/** A key written as `""`-less empty span (synthetic resources) is reported on the value's first character. */
function anchorOf(e: Entry): Span {
  return e.keySpan.end > e.keySpan.start ? e.keySpan : firstChar(e.value.span);
}

function spanOf(anchor: Span | Entry): Span {
  return 'keySpan' in anchor ? anchorOf(anchor) : anchor;
}

function firstChar(span: Span): Span {
  return { start: span.start, end: Math.min(span.start + 1, span.end) };
}
