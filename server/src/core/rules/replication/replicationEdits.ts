import { entry } from '../../model/access';
import type { Entry, ObjectNode } from '../../model/types';
import { canFix, columnOf, indentUnit, insertProperty, type PlainValue, removeEntry, renderJson, renderYaml, replaceScalar } from '../edits';
import type { RuleContext, TextEdit } from '../types';

/** Fix edits shared by the replication rules; all keep the document's own syntax and indentation. */

/** Only YAML and JSON get mechanical fixes here (code sources need their own edits). */
export function canEdit(ctx: RuleContext): boolean {
  return canFix(ctx.template);
}

/** The name to write for a property: AWS CLI input spells some of them differently. */
export function written(ctx: RuleContext, cfnName: 'TagFilter' | 'TagFilters' | 'Id'): string {
  if (ctx.template.dialect !== 'api') return cfnName;
  return cfnName === 'TagFilter' ? 'Tag' : cfnName === 'TagFilters' ? 'Tags' : 'ID';
}

/**
 * Insert several properties at the end of `obj` as ONE edit, so that they land in order.
 * `without` leaves an entry out of the placement (it is being removed by another edit).
 */
export function insertProperties(ctx: RuleContext, obj: ObjectNode, props: readonly [string, PlainValue][], without?: Entry): TextEdit | undefined {
  const target: ObjectNode = without ? { ...obj, entries: obj.entries.filter((e) => e !== without) } : obj;
  let merged: TextEdit | undefined;
  for (const [key, value] of props) {
    const edit = insertProperty(ctx.template, ctx.text, target, key, value);
    if (!edit) return undefined;
    merged = merged ? { span: merged.span, newText: merged.newText + edit.newText } : edit;
  }
  return merged;
}

/** Replace an entry's value with a plain value, rendered in the style of the object holding it. */
export function replaceEntryValue(ctx: RuleContext, parent: ObjectNode, e: Entry, value: PlainValue): TextEdit | undefined {
  const unit = indentUnit(ctx.text);
  if (ctx.template.format === 'json') return { span: e.value.span, newText: renderJson(value, columnOf(ctx.text, e.keySpan.start), unit) };
  if (parent.flow) return { span: e.value.span, newText: JSON.stringify(value) };
  const colon = ctx.text.indexOf(':', e.keySpan.end);
  if (colon < 0 || colon > e.value.span.start) return undefined;
  const rendered = renderYaml(value, columnOf(ctx.text, e.keySpan.start) + unit, unit);
  return { span: { start: colon + 1, end: e.value.span.end }, newText: rendered.startsWith('\n') ? rendered : ` ${rendered}` };
}

/**
 * Turn a V1 rule into a V2 rule: its rule-level `Prefix` moves into `Filter` (keeping the
 * value as written), or `Filter: {Prefix: ''}` is added; `extra` properties are appended.
 */
export function convertToV2Edits(ctx: RuleContext, rule: ObjectNode, extra: readonly [string, PlainValue][]): TextEdit[] | undefined {
  if (!canEdit(ctx)) return undefined;
  const prefix = entry(rule, 'Prefix');
  if (!prefix) {
    const edit = insertProperties(ctx, rule, [['Filter', { Prefix: '' }], ...extra]);
    return edit ? [edit] : undefined;
  }
  const original = ctx.text.slice(prefix.value.span.start, prefix.value.span.end);
  if (original.includes('\n')) return undefined;
  const edits: TextEdit[] = [replaceScalar(ctx.text, prefix.keySpan, 'Filter')];
  if (ctx.template.format === 'json' || rule.flow) {
    const key = ctx.template.format === 'json' ? '"Prefix"' : 'Prefix';
    edits.push({ span: prefix.value.span, newText: `{ ${key}: ${original} }` });
  } else {
    const colon = ctx.text.indexOf(':', prefix.keySpan.end);
    if (colon < 0 || colon > prefix.value.span.start) return undefined;
    const indent = columnOf(ctx.text, prefix.keySpan.start) + indentUnit(ctx.text);
    edits.push({ span: { start: colon + 1, end: prefix.value.span.end }, newText: `\n${' '.repeat(indent)}Prefix: ${original}` });
  }
  if (extra.length > 0) {
    const insert = insertProperties(ctx, rule, extra);
    if (!insert) return undefined;
    const last = edits[edits.length - 1];
    // Appending right after the rewritten Prefix: one edit, so the order cannot be mixed up.
    if (last && insert.span.start === last.span.end) edits[edits.length - 1] = { span: last.span, newText: last.newText + insert.newText };
    else edits.push(insert);
  }
  return edits;
}

/** Remove an entry of `obj` (by identity). */
export function removeProperty(ctx: RuleContext, obj: ObjectNode, e: Entry): TextEdit | undefined {
  if (!canEdit(ctx)) return undefined;
  return removeEntry(ctx.text, obj, obj.entries.indexOf(e));
}
