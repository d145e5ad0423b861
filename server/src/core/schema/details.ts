import bucketSchema from '../data/cfn-schemas/aws-s3-bucket.json';
import accessPointSchema from '../data/cfn-schemas/aws-s3-accesspoint.json';
import mrapSchema from '../data/cfn-schemas/aws-s3-multiregionaccesspoint.json';
import mrapPolicySchema from '../data/cfn-schemas/aws-s3-multiregionaccesspointpolicy.json';
import { propertyAt, schemaFor, type PropertyInfo } from './registry';

/** What completion and hover show about a property: the registry's PropertyInfo plus its place in the schema. */
export interface PropertyDetails extends PropertyInfo {
  /** The property name (last path segment); the type name for the resource itself. */
  readonly name: string;
  /** For lists: the items' type. */
  readonly itemType: string | undefined;
  /** The parent object requires it. */
  readonly requiredInParent: boolean;
  /**
   * The registry definition holding the property (`ReplicationDestination`), undefined at the
   * resource's top level: AWS names its documentation pages after these definitions.
   */
  readonly definition: string | undefined;
}

interface RawNode {
  readonly $ref?: string;
  readonly items?: RawNode;
  readonly properties?: Readonly<Record<string, RawNode>>;
}

interface RawResource extends RawNode {
  readonly typeName: string;
  readonly definitions?: Readonly<Record<string, RawNode>>;
}

const RAW: ReadonlyMap<string, RawResource> = new Map(
  ([bucketSchema, accessPointSchema, mrapSchema, mrapPolicySchema] as unknown as RawResource[]).map((s) => [s.typeName, s]),
);

const refName = (n: RawNode | undefined): string | undefined => (n?.$ref?.startsWith('#/definitions/') ? n.$ref.slice('#/definitions/'.length) : undefined);

/** The definition whose properties hold the last segment of `path`. */
function containingDefinition(type: string, path: readonly string[]): string | undefined {
  const raw = RAW.get(type);
  if (!raw) return undefined;
  let container: RawNode | undefined = raw;
  let name: string | undefined;
  const names = path.filter((p) => p !== '*' && !/^\d+$/.test(p));
  for (let i = 0; i < names.length - 1; i++) {
    const prop: RawNode | undefined = container?.properties?.[names[i] as string];
    name = refName(prop) ?? refName(prop?.items);
    container = name ? raw.definitions?.[name] : (prop?.items ?? prop);
  }
  return name;
}

export function propertyDetails(type: string | undefined, path: readonly string[]): PropertyDetails | undefined {
  if (!type) return undefined;
  const info = propertyAt(type, path);
  if (!info) return undefined;
  const name = path.filter((p) => p !== '*' && !/^\d+$/.test(p)).at(-1);
  const parent = path.length > 0 ? propertyAt(type, path.slice(0, -1)) : undefined;
  return {
    ...info,
    name: name ?? type,
    itemType: info.type === 'array' ? propertyAt(type, [...path, '*'])?.type : undefined,
    requiredInParent: name !== undefined && (parent?.required.includes(name) ?? false),
    definition: containingDefinition(type, path),
  };
}

export function resourceDescription(type: string): string | undefined {
  return schemaFor(type)?.root.description;
}
