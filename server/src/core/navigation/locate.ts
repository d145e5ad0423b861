import type { Entry, ObjectNode, Span, ValueNode } from '../model/types';

export interface Step {
  /** Canonical key of the entry, `[]` for an array item, `!<fn>` for an intrinsic's argument. */
  readonly key: string;
  readonly node: ValueNode;
  readonly entry?: Entry | undefined;
}

export interface Located {
  /** From the root's children down to the innermost value containing the offset. */
  readonly steps: readonly Step[];
  /** Set when the offset is on a key: the entry, whose parent value is the last step (or the root). */
  readonly onKey?: Entry | undefined;
}

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The chain of nodes around `offset` in a located model. */
export function locate(root: ObjectNode | undefined, offset: number): Located {
  const steps: Step[] = [];
  let node: ValueNode | undefined = root;
  while (node) {
    const current: ValueNode = node;
    node = undefined;
    if (current.kind === 'object') {
      for (const e of current.entries) {
        if (within(e.keySpan, offset)) return { steps, onKey: e };
        if (within(e.value.span, offset)) {
          steps.push({ key: e.key, node: e.value, entry: e });
          node = e.value;
          break;
        }
      }
    } else if (current.kind === 'array') {
      const item = current.items.find((i) => within(i.span, offset));
      if (item) {
        steps.push({ key: '[]', node: item });
        node = item;
      }
    } else if (current.kind === 'intrinsic' && within(current.arg.span, offset)) {
      steps.push({ key: `!${current.fn}`, node: current.arg });
      node = current.arg;
    }
  }
  return { steps };
}

/** The property path below `Properties` of a located chain (array items and intrinsics dropped). */
export function propertyPathOf(keys: readonly string[]): { logicalId: string | undefined; path: string[] | undefined } {
  if (keys[0] !== 'Resources') return { logicalId: undefined, path: undefined };
  const logicalId = keys[1];
  if (keys[2] !== 'Properties') return { logicalId, path: undefined };
  return { logicalId, path: keys.slice(3).filter((k) => k !== '[]' && !k.startsWith('!')) };
}
