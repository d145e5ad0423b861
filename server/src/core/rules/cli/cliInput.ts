import type { ArrayNode, Entry, ObjectNode, Span, Template } from '../../model/types';

/** Helpers shared by the AWS CLI input rules: where the command's input sits in the file. */

/** The `RouteUpdates` list of a submit-multi-region-access-point-routes input (plain list or skeleton). */
export function routeList(template: Template): { list: ArrayNode; key: Entry | undefined; skeleton: ObjectNode | undefined } | undefined {
  if (template.cliShape !== 'route-updates') return undefined;
  const input = template.cliInput;
  if (input?.kind === 'array') return { list: input, key: undefined, skeleton: undefined };
  if (input?.kind !== 'object') return undefined;
  const key = rawEntry(input, 'RouteUpdates');
  return key?.value.kind === 'array' ? { list: key.value, key, skeleton: input } : undefined;
}

/** The entry written exactly as `name` (CLI rules judge the spelling, not the normalised key). */
export function rawEntry(node: ObjectNode, name: string): Entry | undefined {
  return node.entries.find((e) => e.rawKey === name);
}


/** The first character of a value, for findings about a whole list or object. */
export function openingOf(span: Span): Span {
  return { start: span.start, end: Math.min(span.start + 1, span.end) };
}

/** Rename a key keeping its quotes. */
export function renameKey(text: string, key: Entry, to: string): { span: Span; newText: string } {
  const first = text[key.keySpan.start];
  const quoted = (first === '"' || first === "'") && text[key.keySpan.end - 1] === first;
  return quoted ? { span: { start: key.keySpan.start + 1, end: key.keySpan.end - 1 }, newText: to } : { span: key.keySpan, newText: to };
}

export const ROUTE_KEYS: readonly string[] = ['Bucket', 'Region', 'TrafficDialPercentage'];
