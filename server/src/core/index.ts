/** The facade of the pure core: plain data in, plain data out. No editor, LSP, file system or network. */
export { analyze, runRules, PARSE_RULE_ID, type Analysis, type AnalyzeOptions, type Diagnostic } from './analyze';
export { parseSource, formatOf, YamlChunkCache, type SourceOptions } from './sources';
export { RuleCache } from './ruleCache';
export { ALL_RULES, ruleById } from './rules';
export type { Finding, Fix, Rule, RuleMeta, Severity, TextEdit } from './rules/types';
export { LineIndex, type Lines } from './model/lineIndex';
export type * from './model/types';
export { applyEdits, fixWorks } from './fixes';
export { complete, type CompletionEntry, type CompletionKind } from './completion';
export { hover, type HoverResult } from './hover';
export * from './navigation';
export { propertyAt, schemaFor, type PropertyInfo } from './schema/registry';
export { propertyDetails, type PropertyDetails } from './schema/details';
