import type { Dialect, Entry, ObjectNode, ParseProblem, Resource, SourceFormat, Template, ValueNode } from '../model/types';

/** Top-level keys that mark a document as a CloudFormation template. */
export function looksLikeTemplate(root: ValueNode | undefined): root is ObjectNode {
  if (!root || root.kind !== 'object') return false;
  let resources: ValueNode | undefined;
  for (const e of root.entries) {
    if (e.key === 'AWSTemplateFormatVersion') return true;
    if (e.key === 'Resources') resources = e.value;
  }
  if (!resources || resources.kind !== 'object') return false;
  return resources.entries.some((r) => {
    if (r.value.kind !== 'object') return false;
    const type = r.value.entries.find((e) => e.key === 'Type');
    return type?.value.kind === 'string' && /^(AWS|Alexa|Custom)::|^AWS::Serverless/.test(type.value.value);
  });
}

export function sectionKeys(root: ObjectNode, section: string): Set<string> {
  const node = root.entries.find((e) => e.key === section)?.value;
  return new Set(node?.kind === 'object' ? node.entries.map((e) => e.key) : []);
}

/**
 * Resources of the last parses, by their entry: the YAML chunk cache hands back the same entry for
 * an unchanged resource (its spans moved in place), and everything a Resource holds comes from it.
 */
const resourceOfEntry = new WeakMap<Entry, Resource>();

export function resourcesOf(root: ObjectNode): Resource[] {
  const section = root.entries.find((e) => e.key === 'Resources')?.value;
  if (!section || section.kind !== 'object') return [];
  const out: Resource[] = [];
  for (const entry of section.entries) {
    const known = resourceOfEntry.get(entry);
    if (known) {
      out.push(known);
      continue;
    }
    if (entry.value.kind !== 'object') continue;
    const body = entry.value;
    const typeEntry = body.entries.find((e) => e.key === 'Type');
    const props = body.entries.find((e) => e.key === 'Properties')?.value;
    const cond = body.entries.find((e) => e.key === 'Condition')?.value;
    const resource: Resource = {
      logicalId: entry.key,
      idSpan: entry.keySpan,
      type: typeEntry?.value.kind === 'string' ? typeEntry.value.value : undefined,
      typeSpan: typeEntry?.value.span,
      body,
      properties: props?.kind === 'object' ? props : undefined,
      condition: cond?.kind === 'string' ? cond.value : undefined,
    };
    resourceOfEntry.set(entry, resource);
    out.push(resource);
  }
  return out;
}

export function makeTemplate(
  format: SourceFormat,
  dialect: Dialect,
  root: ObjectNode | undefined,
  resources: Resource[],
  problems: ParseProblem[],
  extra: Partial<Pick<Template, 'cliShape' | 'cliInput' | 'stackRegion' | 'parameters' | 'conditions' | 'cdkStacks'>> = {},
): Template {
  return {
    format,
    dialect,
    root,
    resources,
    resourcesById: new Map(resources.map((r) => [r.logicalId, r])),
    parameters: extra.parameters ?? (root ? sectionKeys(root, 'Parameters') : new Set()),
    conditions: extra.conditions ?? (root ? sectionKeys(root, 'Conditions') : new Set()),
    cliShape: extra.cliShape,
    cliInput: extra.cliInput,
    cdkStacks: extra.cdkStacks,
    stackRegion: extra.stackRegion,
    parseProblems: problems,
  };
}
