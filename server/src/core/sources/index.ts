import type { ObjectNode, SourceFormat, Template } from '../model/types';
import { parseYaml } from './cfnYaml';
import { parseCdk } from './cdk';
import { parseJson } from './cfnJson';
import { detectCliInput } from './cliJson';
import { parseYamlChunked, YamlChunkCache } from './yamlChunks';
import { looksLikeTemplate, makeTemplate, resourcesOf } from './template';

export interface SourceOptions {
  /** File name or URI; its extension picks the reader for TypeScript/JavaScript. */
  readonly fileName?: string;
  /** Editor language id (`yaml`, `json`, `typescript`, ...), when known. */
  readonly languageId?: string;
  /** Region the template deploys to, when the user told us (CLI `--region`, setting). */
  readonly stackRegion?: string;
  /** Editors: reuse the parse of unchanged resources between versions of one document (YAML only). */
  readonly yamlCache?: YamlChunkCache;
}

/** Cheap markers: a text without any of them is not ours and is never parsed. */
const MARKERS = /AWSTemplateFormatVersion|Resources|TrafficDialPercentage|ReplicationConfiguration|"Rules"|"Regions"|Rules:|Regions:|"RouteUpdates"|"Policy"\s*:/;

export function formatOf(text: string, options: SourceOptions): SourceFormat {
  const lang = options.languageId;
  const name = (options.fileName ?? '').toLowerCase();
  if (lang === 'typescript' || lang === 'typescriptreact' || /\.(m|c)?tsx?$/.test(name)) return 'typescript';
  if (lang === 'javascript' || lang === 'javascriptreact' || /\.(m|c)?jsx?$/.test(name)) return 'javascript';
  if (lang === 'json' || lang === 'jsonc' || name.endsWith('.json')) return 'json';
  if (lang === 'yaml' || /\.ya?ml$/.test(name)) return 'yaml';
  // `.template` and unknown extensions: decide by the first meaningful character.
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

/** Parse any supported input into the located model; undefined when it is not ours. */
export function parseSource(text: string, options: SourceOptions = {}): Template | undefined {
  const format = formatOf(text, options);
  if (format === 'typescript' || format === 'javascript') return parseCdk(text, format, options);
  if (!MARKERS.test(text)) return undefined;
  const { root, problems } = format === 'json' ? parseJson(text) : parseYamlCached(text, options.yamlCache);
  if (looksLikeTemplate(root)) {
    return makeTemplate(format, 'cfn', root, resourcesOf(root), problems, { stackRegion: options.stackRegion });
  }
  const cli = format === 'json' ? detectCliInput(root) : undefined;
  if (cli) {
    const obj: ObjectNode | undefined = cli.input.kind === 'object' ? cli.input : undefined;
    return makeTemplate(format, 'api', obj, cli.resources, problems, { cliShape: cli.shape, cliInput: cli.input, parameters: new Set(), conditions: new Set() });
  }
  return undefined;
}


function parseYamlCached(text: string, cache: YamlChunkCache | undefined): ReturnType<typeof parseYaml> {
  if (cache) {
    try {
      const result = parseYamlChunked(text, cache);
      if (result) return result;
    } catch {
      // Not parseable resource by resource (a syntax error, usually): the full parse explains it.
    }
  }
  return parseYaml(text);
}

export { YamlChunkCache };
