import type { Diagnostic, Rule } from '../core';
import { ALL_RULES } from '../core';

export interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

export const RULE_DOCS_BASE = 'https://github.com/s3mrap/s3mrap/blob/main/docs/rules.md';

/** GitHub's heading anchor for a rule's section in docs/rules.md: lowercase, punctuation other than '-' dropped. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}

export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}#${ruleAnchor(ruleId)}`;
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify({
    version: 1,
    files: results.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({ code: d.ruleId, severity: d.severity, message: d.message, range: d.range })),
    })),
  });
}

export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.message} [${d.ruleId}]`);
    }
  }
  const all = results.flatMap((r) => r.diagnostics);
  const count = (s: string) => all.filter((d) => d.severity === s).length;
  lines.push(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info.`);
  return lines.join('\n');
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function sarifRule(rule: Pick<Rule, 'id' | 'title' | 'docs' | 'severity' | 'catalogue' | 'sources'>) {
  return {
    id: rule.id,
    name: rule.id.replace(/[^A-Za-z0-9]+(.)/g, (_m, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.docs },
    helpUri: ruleDocUrl(rule.id),
    help: { text: `${rule.docs}\nSources: ${rule.sources.join(' ')}`, markdown: `${rule.docs}\n\nSources: ${rule.sources.map((s) => `<${s}>`).join(', ')}` },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: { catalogue: rule.catalogue, tags: ['aws', 's3', rule.id.split('/')[0] ?? 's3mrap'] },
  };
}

const PARSE_RULE = { id: 'syntax/parse-error', title: 'The file cannot be parsed', docs: 'The YAML or JSON text has a syntax error; the rest of the file is still checked where it can be read.', severity: 'error', catalogue: 'syntax', sources: ['https://yaml.org/spec/1.2.2/'] } as const;

/** SARIF 2.1.0 as GitHub code scanning reads it (1-based regions, rules with help). */
export function formatSarif(results: readonly FileResult[], version: string): string {
  const rules = [PARSE_RULE, ...ALL_RULES];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 's3mrap', version, informationUri: 'https://github.com/s3mrap/s3mrap', rules: rules.map(sarifRule) } },
          results: results.flatMap((r) =>
            r.diagnostics.map((d) => ({
              ruleId: d.ruleId,
              ruleIndex: index.get(d.ruleId) ?? 0,
              level: SARIF_LEVEL[d.severity],
              message: { text: d.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: r.file.split('\\').join('/').replace(/^\.\//, '') },
                    region: {
                      startLine: d.range.start.line + 1,
                      startColumn: d.range.start.character + 1,
                      endLine: d.range.end.line + 1,
                      endColumn: d.range.end.character + 1,
                    },
                  },
                },
              ],
            })),
          ),
        },
      ],
    },
    null,
    2,
  );
}
