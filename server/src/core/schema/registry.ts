import accessPointSchema from '../data/cfn-schemas/aws-s3-accesspoint.json';
import bucketSchema from '../data/cfn-schemas/aws-s3-bucket.json';
import mrapSchema from '../data/cfn-schemas/aws-s3-multiregionaccesspoint.json';
import mrapPolicySchema from '../data/cfn-schemas/aws-s3-multiregionaccesspointpolicy.json';

/**
 * The CloudFormation registry schemas (raw AWS copies in data/cfn-schemas, see SOURCES.md), compiled
 * once per resource type on first use into a small tree the validator, completion and hover share.
 * Only the JSON-schema subset these schemas use is understood: `$ref` to `#/definitions`, `type`,
 * `enum`, `const`, `pattern`, `minLength`/`maxLength`, `minItems`/`maxItems`, `uniqueItems`,
 * `required`, `additionalProperties: false`. Other keywords are ignored.
 */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
export type Literal = string | number | boolean;

export interface SchemaNode {
  readonly description: string | undefined;
  /** Allowed JSON types; undefined means anything. */
  readonly types: readonly JsonType[] | undefined;
  /** `enum`, or the single `const` value. */
  readonly enum: readonly Literal[] | undefined;
  readonly pattern: string | undefined;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly minItems: number | undefined;
  readonly maxItems: number | undefined;
  readonly uniqueItems: boolean;
  readonly required: readonly string[];
  /** `additionalProperties: false`: only the listed properties are allowed. */
  readonly closed: boolean;
  readonly properties: ReadonlyMap<string, SchemaNode> | undefined;
  readonly items: SchemaNode | undefined;
}

export interface ResourceSchema {
  readonly typeName: string;
  readonly root: SchemaNode;
  /** JSON pointers like `/properties/Regions` or `/properties/ReplicationConfiguration/Rules/* /Prefix`. */
  readonly createOnly: ReadonlySet<string>;
  readonly readOnly: ReadonlySet<string>;
  readonly writeOnly: ReadonlySet<string>;
}

/** What completion and hover need to know about one property. */
export interface PropertyInfo {
  readonly description: string | undefined;
  /** `string`, `integer`, `object`, `array`, or alternatives joined with ` | `. */
  readonly type: string | undefined;
  readonly enum: readonly string[] | undefined;
  readonly pattern: string | undefined;
  /** Required children (for a list of objects: required keys of each item). */
  readonly required: readonly string[];
  /** Child property names (for a list of objects: the keys of each item). */
  readonly properties: readonly string[];
  /** Changing it (or a property around it) replaces the resource. */
  readonly createOnly: boolean;
  /** An attribute set by AWS: readable with `Fn::GetAtt`, never set in a template. */
  readonly readOnly: boolean;
}

interface RawSchema {
  readonly $ref?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly Literal[];
  readonly const?: Literal;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | RawSchema;
  readonly properties?: Readonly<Record<string, RawSchema>>;
  readonly items?: RawSchema;
}

interface RawResourceSchema extends RawSchema {
  readonly typeName: string;
  readonly definitions?: Readonly<Record<string, RawSchema>>;
  readonly createOnlyProperties?: readonly string[];
  readonly readOnlyProperties?: readonly string[];
  readonly writeOnlyProperties?: readonly string[];
}

const RAW: Readonly<Record<string, RawResourceSchema>> = {
  'AWS::S3::MultiRegionAccessPoint': mrapSchema as unknown as RawResourceSchema,
  'AWS::S3::MultiRegionAccessPointPolicy': mrapPolicySchema as unknown as RawResourceSchema,
  'AWS::S3::Bucket': bucketSchema as unknown as RawResourceSchema,
  'AWS::S3::AccessPoint': accessPointSchema as unknown as RawResourceSchema,
};

/**
 * Where CloudFormation accepts more than the raw registry schema says (the same patches cfn-lint
 * applies): an MRAP policy may be given as a JSON string (cfn-lint `aws_s3_multiregionaccesspointpolicy/policy.json`).
 */
const TYPE_PATCHES: Readonly<Record<string, Readonly<Record<string, readonly JsonType[]>>>> = {
  'AWS::S3::MultiRegionAccessPointPolicy': { '/properties/Policy': ['object', 'string'] },
};

const JSON_TYPES: ReadonlySet<string> = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);

const compiled = new Map<string, ResourceSchema>();

/** Resource types with a bundled schema. */
export function schemaTypes(): readonly string[] {
  return Object.keys(RAW);
}

/** The compiled schema of a resource type, or undefined for types we have no schema for. */
export function schemaFor(type: string): ResourceSchema | undefined {
  const hit = compiled.get(type);
  if (hit) return hit;
  const raw = RAW[type];
  if (!raw) return undefined;
  const schema = compile(raw);
  compiled.set(type, schema);
  return schema;
}

/**
 * The property at `path` below the resource's `Properties` (`[]` is the resource itself). Segments
 * are property names; a list is stepped into implicitly (`['Regions', 'Bucket']`), or explicitly
 * with `*` or an index.
 */
export function propertyAt(type: string, path: readonly string[]): PropertyInfo | undefined {
  const schema = schemaFor(type);
  if (!schema) return undefined;
  let node: SchemaNode | undefined = schema.root;
  const segments: string[] = [];
  for (const segment of path) {
    if (!node) return undefined;
    if (segment === '*' || /^\d+$/.test(segment)) {
      node = node.items;
      segments.push('*');
      continue;
    }
    if (!node.properties && node.items) {
      node = node.items;
      segments.push('*');
    }
    node = node.properties?.get(segment);
    segments.push(segment);
  }
  if (!node) return undefined;
  return info(node, segments.length === 0 ? '' : `/properties/${segments.join('/')}`, schema);
}

function info(node: SchemaNode, pointer: string, schema: ResourceSchema): PropertyInfo {
  const shape = !node.properties && node.items ? node.items : node;
  return {
    description: node.description,
    type: node.types?.join(' | '),
    enum: node.enum?.map(String),
    pattern: node.pattern,
    required: shape.required,
    properties: shape.properties ? [...shape.properties.keys()] : [],
    createOnly: pointer !== '' && coveredBy(pointer, schema.createOnly),
    readOnly: pointer !== '' && coveredBy(pointer, schema.readOnly),
  };
}

/** True when the pointer, or one of its ancestors, is listed (a create-only parent makes its children create-only). */
export function coveredBy(pointer: string, set: ReadonlySet<string>): boolean {
  let p = pointer;
  while (p.startsWith('/properties/')) {
    if (set.has(p)) return true;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return false;
}

function compile(raw: RawResourceSchema): ResourceSchema {
  const definitions = raw.definitions ?? {};
  const defs = new Map<string, SchemaNode>();
  const patches = TYPE_PATCHES[raw.typeName] ?? {};

  function resolve(name: string): SchemaNode {
    const hit = defs.get(name);
    if (hit) return hit;
    const def = definitions[name];
    // The bundled schemas have no recursive definitions; an unknown name becomes "anything".
    const node = def ? build(def, undefined) : build({}, undefined);
    defs.set(name, node);
    return node;
  }

  function build(s: RawSchema, pointer: string | undefined): SchemaNode {
    const target = s.$ref?.startsWith('#/definitions/') ? resolve(s.$ref.slice('#/definitions/'.length)) : undefined;
    const rawTypes = s.type === undefined ? undefined : (Array.isArray(s.type) ? s.type : [s.type]).filter((t): t is JsonType => JSON_TYPES.has(t));
    const types = (pointer !== undefined ? patches[pointer] : undefined) ?? rawTypes ?? target?.types;
    const isString = types === undefined || types.includes('string');
    const properties = s.properties
      ? new Map(Object.entries(s.properties).map(([k, v]) => [k, build(v, pointer === undefined ? undefined : `${pointer}/${k}`)] as const))
      : target?.properties;
    const enumValues = s.enum ?? (s.const !== undefined ? [s.const] : undefined) ?? target?.enum;
    return {
      description: s.description ?? target?.description,
      types,
      enum: enumValues,
      pattern: s.pattern ?? target?.pattern,
      // String limits on a non-string node are schema slips (ReplicationConfiguration.Rules.items
      // carries maxLength 1000 meant as the rule count); they are not applied.
      minLength: isString ? (s.minLength ?? target?.minLength) : undefined,
      maxLength: isString ? (s.maxLength ?? target?.maxLength) : undefined,
      minItems: s.minItems ?? target?.minItems,
      maxItems: s.maxItems ?? target?.maxItems,
      uniqueItems: s.uniqueItems ?? target?.uniqueItems ?? false,
      required: s.required ?? target?.required ?? [],
      closed: s.additionalProperties === false || (s.additionalProperties === undefined && (target?.closed ?? false)),
      properties,
      items: s.items ? build(s.items, pointer === undefined ? undefined : `${pointer}/*`) : target?.items,
    };
  }

  // Top-level properties carry their pointer so type patches apply; nested pointers too.
  const root = build({ ...raw, properties: undefined }, undefined);
  const props = new Map(Object.entries(raw.properties ?? {}).map(([k, v]) => [k, build(v, `/properties/${k}`)] as const));
  return {
    typeName: raw.typeName,
    root: { ...root, properties: props, closed: raw.additionalProperties === false },
    createOnly: new Set(raw.createOnlyProperties ?? []),
    readOnly: new Set(raw.readOnlyProperties ?? []),
    writeOnly: new Set(raw.writeOnlyProperties ?? []),
  };
}
