import { str } from './model/access';
import type { ObjectNode, Resource, Span, Template } from './model/types';
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

  /**
   * The resource-scoped findings of every resource: cached ones moved to where their resource is now,
   * fresh ones filed under their resource for the next version. Resources are in source order (YAML).
   */
  reuse(template: Template, fresh: readonly Resource[], local: readonly Finding[]): Finding[] {
    const cached = this.byBody;
    const all = template.resources;
    // Resource i owns the text from its id to the next resource's id; the last one up to the next section.
    const starts = all.map((r) => r.idSpan.start);
    const resourcesEntry = template.root?.entries.findIndex((e) => e.key === 'Resources') ?? -1;
    const limit = template.root?.entries[resourcesEntry + 1]?.keySpan.start ?? Infinity;
    const next = new Map<ObjectNode, ResourceFindings>();
    for (const r of fresh) next.set(r.body, { anchor: r.idSpan.start, findings: [] });
    let unplaced = false;
    for (const f of local) {
      // Outside the resources (Outputs, ...): checked on every run, never cached.
      if (resourcesEntry < 0 || f.span.start < (starts[0] ?? Infinity) || f.span.start >= limit) continue;
      const i = lastAtOrBefore(starts, f.span.start);
      const owner = next.get(all[i]?.body as ObjectNode);
      const start = starts[i] as number;
      const end = starts[i + 1] ?? limit;
      // A finding in a resource that was not checked again: some rule is not as local as it says.
      if (!owner) unplaced = true;
      // Related places or fixes in another resource (that one may move alone): check this resource again next time.
      else if (!spansOf(f).every((x) => x.start >= start && x.end <= end)) next.delete(all[i]?.body as ObjectNode);
      else owner.findings.push(shiftFinding(f, 0));
    }
    const out: Finding[] = [...local];
    for (const r of all) {
      const hit = cached.get(r.body);
      if (!hit) continue;
      const delta = r.idSpan.start - hit.anchor;
      const moved = delta === 0 ? hit : { anchor: r.idSpan.start, findings: hit.findings.map((f) => shiftFinding(f, delta)) };
      next.set(r.body, moved);
      out.push(...moved.findings);
    }
    this.lastRun = { checked: fresh.length, reused: all.length - fresh.length };
    // Trust nothing cached after a surprise.
    if (unplaced) this.clear();
    else this.byBody = next;
    return out;
  }

  /** After something unexpected (a finding outside its resource): check everything next time. */
  private clear(): void {
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
function shiftFinding(f: Finding, delta: number): Finding {
  return {
    ...f,
    span: shiftSpan(f.span, delta),
    related: f.related?.map((r) => ({ ...r, span: shiftSpan(r.span, delta) })),
    fixes: f.fixes?.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, span: shiftSpan(e.span, delta) })) })),
  };
}

function spansOf(f: Finding): Span[] {
  return [f.span, ...(f.related ?? []).map((r) => r.span), ...(f.fixes ?? []).flatMap((x) => x.edits.map((e) => e.span))];
}

/** The index of the last of the sorted `starts` at or before `offset` (-1 when none). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
