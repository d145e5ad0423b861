import type { ParseProblem, ValueNode } from '../model/types';
import { parseYamlFast } from './yamlEvents';
import { parseYamlTolerant } from './yamlTolerant';

interface YamlException {
  name: string;
  reason?: string;
  message: string;
  mark?: { position: number };
}

export function isYamlException(e: unknown): e is YamlException {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'YAMLException';
}

/** Parse YAML into located nodes: fast when the text is valid, forgiving when it is not. */
export function parseYaml(text: string): { root: ValueNode | undefined; problems: ParseProblem[] } {
  try {
    return { root: parseYamlFast(text), problems: [] };
  } catch (e) {
    if (!isYamlException(e)) throw e;
    const tolerant = parseYamlTolerant(text);
    if (tolerant.problems.length === 0) {
      // The forgiving parser accepted what js-yaml refused (e.g. js-yaml's stricter checks): keep js-yaml's word.
      const at = e.mark?.position ?? 0;
      tolerant.problems.push({ message: `YAML: ${e.reason ?? e.message}`, span: { start: at, end: at + 1 } });
    }
    return tolerant;
  }
}
