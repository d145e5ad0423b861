import type { Lines } from '../model/lineIndex';
import type { Dialect, Resource, Span, Template } from '../model/types';

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one obvious fix for this finding (shown first, applied by "auto fix"). */
  readonly preferred?: boolean;
  /** Safe to apply to every finding of this rule in the file at once. */
  readonly fixAll?: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fixes?: readonly Fix[] | undefined;
  /** Other places that explain the finding (the destination bucket, the other duplicate, ...). */
  readonly related?: readonly { message: string; span: Span }[] | undefined;
}

export type Report = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  readonly template: Template;
  readonly text: string;
  readonly lines: Lines;
  report(finding: Report): void;
  /** Resources of one CloudFormation type, in source order (for a resource-scoped rule in an editor: the changed ones). */
  resourcesOfType(type: string): readonly Resource[];
  /** The resources to check, in source order: every one, or for a resource-scoped rule in an editor the ones an edit changed. */
  readonly resources: readonly Resource[];
}

export interface RuleMeta {
  /** Readable, stable: `replication/versioning-required`. */
  readonly id: string;
  /** Catalogue id in aws-facts.md section 8 (`R2`), or `schema`, `cdk`, ... */
  readonly catalogue: string;
  readonly severity: Severity;
  /** One line, shown in rule lists and SARIF. */
  readonly title: string;
  /** One paragraph: what is wrong, why AWS rejects it, how to fix it. */
  readonly docs: string;
  /** Where the fact comes from (AWS documentation / API model URLs). */
  readonly sources: readonly string[];
  /** Input dialects the rule applies to; all when omitted. */
  readonly dialects?: readonly Dialect[];
  /**
   * `resource`: what the rule says about a resource depends only on that resource and the template's
   * outline (ids, types, conditions and bucket names of the others, parameters, Region). Such a rule
   * walks resources through `ctx.resourcesOfType` or `ctx.resources` (never `template.resources` or the
   * `Resources` section of the root; other sections are checked on every run), and
   * editors re-run it only for the resources an edit changed. Omitted: the rule sees the whole
   * template and runs on every change.
   */
  readonly scope?: 'resource';
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}
