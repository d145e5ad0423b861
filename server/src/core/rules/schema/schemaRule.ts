import type { Rule, RuleMeta } from '../types';
import { schemaIssues, type SchemaIssueKind } from './validate';

/** A `schema/<kind>` rule: reports its kind of issue from the shared, cached schema pass. */
export function schemaRule(kind: SchemaIssueKind, meta: Omit<RuleMeta, 'id' | 'catalogue'>): Rule {
  return {
    id: `schema/${kind}`,
    catalogue: 'schema',
    ...meta,
    scope: 'resource',
    check(ctx) {
      for (const issue of schemaIssues(ctx)) {
        if (issue.kind === kind) ctx.report({ message: issue.message, span: issue.span, fixes: issue.fixes });
      }
    },
  };
}
