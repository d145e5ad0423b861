import { objectItems, path, prop, str } from '../model/access';
import { bucketOf } from '../model/references';
import type { Span, Template } from '../model/types';

export interface SymbolEntry {
  readonly name: string;
  readonly detail: string;
  readonly kind: 'mrap' | 'bucket' | 'role' | 'rule' | 'resource';
  /** The whole declaration. */
  readonly span: Span;
  /** The name to select (the logical id). */
  readonly selectionSpan: Span;
  readonly children: readonly SymbolEntry[];
}

const KIND: Readonly<Record<string, SymbolEntry['kind']>> = {
  'AWS::S3::MultiRegionAccessPoint': 'mrap',
  'AWS::S3::Bucket': 'bucket',
  'AWS::IAM::Role': 'role',
};

/** Outline: every resource; buckets list their replication rules as children. */
export function documentSymbols(template: Template): SymbolEntry[] {
  if (template.dialect !== 'cfn') return [];
  return template.resources.map((r) => {
    const kind = (r.type && KIND[r.type]) || 'resource';
    const rules = kind === 'bucket' ? objectItems(path(r.properties, 'ReplicationConfiguration', 'Rules')) : [];
    const children = rules.map((rule, i): SymbolEntry => {
      const id = str(prop(rule, 'Id'));
      const dest = bucketOf(template, path(rule, 'Destination', 'Bucket'));
      const to = dest.kind === 'resource' ? dest.resource.logicalId : dest.kind === 'literal' ? dest.name : undefined;
      return { name: id ?? `Rule ${i + 1}`, detail: to ? `replicates to ${to}` : 'replication rule', kind: 'rule', span: rule.span, selectionSpan: rule.span, children: [] };
    });
    return { name: r.logicalId, detail: r.type ?? '', kind, span: { start: r.idSpan.start, end: Math.max(r.idSpan.end, r.body.span.end) }, selectionSpan: r.idSpan, children };
  });
}
