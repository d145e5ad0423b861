import { LineIndex, type Lines } from './model/lineIndex';
import type { Range, Resource, Template } from './model/types';
import type { RuleCache } from './ruleCache';
import { ALL_RULES } from './rules';
import type { Finding, Fix, Report, Rule, RuleContext, Severity } from './rules/types';
import { parseSource, type SourceOptions } from './sources';

export interface AnalyzeOptions extends SourceOptions {
  /** Per-rule severity override, or `off`. Keys are rule ids. */
  readonly rules?: Readonly<Record<string, Severity | 'off'>>;
  /** Called when a rule throws: the rule is skipped, the analysis goes on. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
  /** Checked between rules; when it returns true the analysis stops early. */
  readonly isCancelled?: () => boolean;
  /** Editors: findings of resource-scoped rules kept per resource across versions of one document (YAML templates). */
  readonly ruleCache?: RuleCache;
  /** Editors: the document's own line index (kept up to date edit by edit) instead of a new one per version. */
  readonly lines?: Lines;
}

export interface Diagnostic extends Finding {
  readonly range: Range;
}

export interface Analysis {
  /** Undefined when the text is not ours (not a template, not an AWS CLI input file). */
  readonly template: Template | undefined;
  readonly lines: Lines;
  readonly diagnostics: readonly Diagnostic[];
}

export const PARSE_RULE_ID = 'syntax/parse-error';

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const lines = options.lines ?? new LineIndex(text);
  const template = parseSource(text, options);
  if (!template) return { template, lines, diagnostics: [] };
  return { template, lines, diagnostics: runRules(template, text, lines, options) };
}

export function runRules(template: Template, text: string, lines: Lines, options: AnalyzeOptions = {}): Diagnostic[] {
  const reported = template.dialect === 'cdk' ? [] : template.parseProblems;
  const findings: Finding[] = reported.map((p) => ({ ruleId: PARSE_RULE_ID, severity: 'error', message: p.message, span: p.span }));
  const byType = resourcesByType(template.resources);
  const cache = options.ruleCache && template.format === 'yaml' && template.dialect === 'cfn' ? options.ruleCache : undefined;
  const cached = cache?.lookup(template, JSON.stringify(options.rules ?? {}));
  // Resources whose findings must be computed now; with a cache, only the ones whose text changed.
  const fresh = cached ? template.resources.filter((r) => !cached.has(r.body)) : template.resources;
  const freshByType = cached ? resourcesByType(fresh) : byType;
  // Resource-scoped rules see a copy of the template (helpers memoise per template object) that
  // lists only the fresh resources by type; lookups by id still see every resource.
  const scoped: Template = cached ? { ...template } : template;
  const local: Finding[] = [];
  for (const rule of ALL_RULES) {
    if (options.isCancelled?.()) break;
    const override = options.rules?.[rule.id];
    if (override === 'off') continue;
    if (rule.dialects && !rule.dialects.includes(template.dialect)) continue;
    const severity = override ?? rule.severity;
    const resourceScoped = rule.scope === 'resource';
    const types = resourceScoped ? freshByType : byType;
    const out = resourceScoped && cached ? local : findings;
    const ctx: RuleContext = {
      template: resourceScoped ? scoped : template,
      text,
      lines,
      resourcesOfType: (type) => types.get(type) ?? [],
      resources: resourceScoped ? fresh : template.resources,
      report: (f: Report) => out.push(toFinding(rule, f, override ? severity : (f.severity ?? severity))),
    };
    try {
      rule.check(ctx);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  if (cache && cached) findings.push(...cache.reuse(template, fresh, local));
  return dedupe(findings)
    .sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId))
    .map((f) => ({ ...f, range: lines.rangeOf(f.span) }));
}

function resourcesByType(resources: readonly Resource[]): Map<string, Resource[]> {
  const byType = new Map<string, Resource[]>();
  for (const r of resources) {
    if (!r.type) continue;
    const list = byType.get(r.type) ?? [];
    list.push(r);
    byType.set(r.type, list);
  }
  return byType;
}


function toFinding(rule: Rule, f: Report, severity: Severity): Finding {
  const fixes: Fix[] | undefined = f.fixes?.filter((x) => x.edits.length > 0);
  return { ...f, ruleId: rule.id, severity, fixes };
}

/** Schema checks say less than the catalogue rules: drop a schema finding where a catalogue rule already spoke. */
function dedupe(findings: Finding[]): Finding[] {
  const specific = new Set(findings.filter((f) => !f.ruleId.startsWith('schema/')).map((f) => `${f.span.start}:${f.span.end}`));
  const seen = new Set<string>();
  return findings.filter((f) => {
    const where = `${f.span.start}:${f.span.end}`;
    if (f.ruleId.startsWith('schema/') && specific.has(where)) return false;
    const key = `${f.ruleId}|${where}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
