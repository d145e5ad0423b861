import bucketSchema from '../data/cfn-schemas/aws-s3-bucket.json';
import accessPointSchema from '../data/cfn-schemas/aws-s3-accesspoint.json';
import mrapSchema from '../data/cfn-schemas/aws-s3-multiregionaccesspoint.json';
import mrapPolicySchema from '../data/cfn-schemas/aws-s3-multiregionaccesspointpolicy.json';

/**
 * Read access to the CloudFormation registry schemas in core/data/cfn-schemas.
 * Minimal implementation written by the language-server work against the interface agreed with the
 * schema-rules work (`schemaFor`, `propertyAt`); the integrator keeps one of the two.
 */

/** The subset of JSON Schema the registry schemas use. */
interface JsonSchema {
  readonly $ref?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly required?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
}

export interface ResourceSchema extends JsonSchema {
  readonly typeName: string;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
  readonly createOnlyProperties?: readonly string[];
  readonly readOnlyProperties?: readonly string[];
}

export interface PropertyInfo {
  /** The property name (last path segment). */
  readonly name: string;
  readonly description: string | undefined;
  /** JSON type(s): `string`, `object`, `array`, `boolean`, `integer`, ... joined with `|`. */
  readonly type: string | undefined;
  /** For arrays: the type of the items. */
  readonly itemType: string | undefined;
  readonly enum: readonly string[] | undefined;
  readonly pattern: string | undefined;
  readonly minLength?: number | undefined;
  readonly maxLength?: number | undefined;
  /** Whether the parent requires this property. */
  readonly required: boolean;
  /** For objects (or arrays of objects): the child property names, in schema order. */
  readonly properties: readonly string[];
  /** For objects (or arrays of objects): the child property names the schema requires. */
  readonly requiredProperties: readonly string[];
  /** Changing it replaces the resource. */
  readonly createOnly: boolean;
  /** Set by AWS; only readable through `!GetAtt`. */
  readonly readOnly: boolean;
  /** The schema definition holding this property (`ReplicationDestination`), undefined at the resource's top level. */
  readonly parentDefinition: string | undefined;
}

const SCHEMAS: ReadonlyMap<string, ResourceSchema> = new Map(
  ([bucketSchema, accessPointSchema, mrapSchema, mrapPolicySchema] as unknown as ResourceSchema[]).map((s) => [s.typeName, s]),
);

export function schemaFor(type: string | undefined): ResourceSchema | undefined {
  return type ? SCHEMAS.get(type) : undefined;
}

export function knownResourceTypes(): string[] {
  return [...SCHEMAS.keys()];
}

function resolve(root: ResourceSchema, s: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
  if (!s || depth > 20) return s;
  if (s.$ref?.startsWith('#/definitions/')) {
    const target = root.definitions?.[s.$ref.slice('#/definitions/'.length)];
    // A $ref may carry its own description next to it: keep the local one.
    const resolved = resolve(root, target, depth + 1);
    return resolved ? { ...resolved, description: s.description ?? resolved.description } : undefined;
  }
  return s;
}

function refName(s: JsonSchema | undefined): string | undefined {
  return s?.$ref?.startsWith('#/definitions/') ? s.$ref.slice('#/definitions/'.length) : undefined;
}

function objectPart(root: ResourceSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  const r = resolve(root, s);
  if (!r) return undefined;
  if (r.items && (r.type === 'array' || r.properties === undefined)) return resolve(root, r.items);
  return r;
}

function typeText(t: JsonSchema['type']): string | undefined {
  if (t === undefined) return undefined;
  return typeof t === 'string' ? t : t.join('|');
}

/** The root object of a resource type as a PropertyInfo (its properties are the resource's). */
function info(root: ResourceSchema, name: string, s: JsonSchema, required: boolean, pointer: string, parentDefinition: string | undefined): PropertyInfo {
  const obj = objectPart(root, s);
  const itemSchema = s.items ? resolve(root, s.items) : undefined;
  const enumValues = s.enum ?? (s.const !== undefined ? [s.const] : undefined);
  return {
    name,
    description: s.description ?? itemSchema?.description,
    type: typeText(s.type) ?? (s.properties ? 'object' : undefined),
    itemType: itemSchema ? (typeText(itemSchema.type) ?? (itemSchema.properties ? 'object' : undefined)) : undefined,
    enum: enumValues?.map(String),
    pattern: s.pattern,
    minLength: s.minLength,
    maxLength: s.maxLength,
    required,
    properties: Object.keys(obj?.properties ?? {}),
    requiredProperties: obj?.required ?? [],
    createOnly: root.createOnlyProperties?.includes(pointer) ?? false,
    readOnly: root.readOnlyProperties?.includes(pointer) ?? false,
    parentDefinition,
  };
}

/**
 * The schema of the property at `path` below the resource's `Properties` (`[]` is the resource itself).
 * Array items are transparent: `['Regions', 'Bucket']` is `Regions[].Bucket`; numeric segments are skipped.
 */
export function propertyAt(type: string | undefined, path: readonly string[]): PropertyInfo | undefined {
  const root = schemaFor(type);
  if (!root) return undefined;
  let current: JsonSchema = root;
  let required = true;
  let name = root.typeName;
  const pointer: string[] = [];
  let definition: string | undefined;
  let parentDefinition: string | undefined;
  for (const segment of path) {
    if (/^\d+$/.test(segment)) continue;
    const obj = objectPart(root, current);
    const next = obj?.properties?.[segment];
    if (!next) return undefined;
    required = obj?.required?.includes(segment) ?? false;
    parentDefinition = definition;
    definition = refName(next) ?? refName(next.items);
    current = resolve(root, next) ?? next;
    name = segment;
    pointer.push(segment);
  }
  return info(root, name, current, required, `/properties/${pointer.join('/')}`, parentDefinition);
}
