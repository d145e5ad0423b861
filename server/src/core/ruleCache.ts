import { str } from './model/access';
import type { ObjectNode, Span, Template } from './model/types';
import type { Finding } from './rules/types';

/** The findings one resource got from the resource-scoped rules, at the offset its id had then. */
interface ResourceFindings {
  anchor: number;
  findings: Finding[];
}

/**
 * Editors: the findings of resource-scoped rules (see `RuleMeta.scope`), kept per resource body and
 * reused across versions of one document. The YAML chunk cache hands back the very same body object
 * for a resource whose text did not change (moved in place when an edit above it shifted it), so a
 * body found here needs no rule run: its findings are shifted by how far its id moved. Everything
 * else a resource-scoped rule may read lives in the template's outline; when the outline changes
 * (an id, a type, a bucket name, a parameter, the settings), every resource is checked again.
 */
export class RuleCache {
  private outline: string | undefined;
  private byBody = new Map<ObjectNode, ResourceFindings>();
  /** What the last analysis did: resources checked by the resource-scoped rules, and resources whose findings were reused. */
  lastRun = { checked: 0, reused: 0 };

  /** Forget everything when the outline changed; returns the cached findings of each unchanged body. */
  lookup(template: Template, settingsKey: string): Map<ObjectNode, ResourceFindings> {
    const outline = `${settingsKey}\n${outlineOf(template)}`;
    if (outline !== this.outline) {
      this.outline = outline;
      this.byBody = new Map();
    }
    return this.byBody;
  }

  /** Keeps exactly the bodies of this version (older ones can never come back: the chunk cache dropped them). */
  store(next: Map<ObjectNode, ResourceFindings>): void {
    this.byBody = next;
  }

  /** After something unexpected (a finding outside its resource): check everything next time. */
  clear(): void {
    this.outline = undefined;
    this.byBody = new Map();
  }
}

/**
 * What a resource-scoped rule may know of the template besides its own resource: the format, the
 * Region, the parameters and conditions, and of every resource its id, type, condition, placement and,
 * for buckets, the literal name (rules find buckets of the template by name).
 */
function outlineOf(t: Template): string {
  const parts = [t.format, t.dialect, t.stackRegion ?? '', t.cliShape ?? '', [...t.parameters].join(','), [...t.conditions].join(',')];
  for (const r of t.resources) {
    const name = r.type === 'AWS::S3::Bucket' ? (str(r.properties?.entries.find((e) => e.key === 'BucketName')?.value) ?? '') : '';
    parts.push(`${r.logicalId}|${r.type ?? ''}|${r.condition ?? ''}|${r.region ?? ''}|${r.stack ?? ''}|${r.scope ?? ''}|${r.account ?? ''}|${name}`);
  }
  return parts.join('\n');
}

function shiftSpan(s: Span, delta: number): Span {
  return { start: s.start + delta, end: s.end + delta };
}

/**
 * A copy of a finding moved by `delta`, with spans of its own: rules report the model's span objects,
 * which the chunk cache moves in place, so a cached finding must never share them.
 */
export function shiftFinding(f: Finding, delta: number): Finding {
  return {
    ...f,
    span: shiftSpan(f.span, delta),
    related: f.related?.map((r) => ({ ...r, span: shiftSpan(r.span, delta) })),
    fixes: f.fixes?.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, span: shiftSpan(e.span, delta) })) })),
  };
}
