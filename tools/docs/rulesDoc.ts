import { ruleAnchor as anchor } from '../../server/src/cli/format';
import { ALL_RULES } from '../../server/src/core';

/** docs/rules.md, generated from the rules themselves (ids, severities, docs, sources). */
export function rulesMarkdown(): string {
  const out = [
    '# s3mrap rules',
    '',
    'Generated from the rule files by `npm run docs`; do not edit by hand. Catalogue ids refer to the',
    'validation-rule catalogue the project was built from (MRAP `M*`, MRAP policy `P*`, replication `R*`, AWS CLI `C*`).',
    '',
    '| Rule | Severity | Catalogue | What it checks |',
    '| --- | --- | --- | --- |',
    ...ALL_RULES.map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${r.severity} | ${r.catalogue} | ${r.title} |`),
    '',
  ];
  for (const r of ALL_RULES) {
    out.push(`## ${r.id}`, '', `**${r.severity}** · catalogue ${r.catalogue}${r.dialects ? ` · applies to: ${r.dialects.join(', ')}` : ''}`, '', r.title + '.', '', r.docs, '', 'Sources:', ...r.sources.map((s) => `- <${s}>`), '');
  }
  return out.join('\n');
}
