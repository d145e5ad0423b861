import type { Severity } from '../core';
import { matchesGlob } from './glob';

export interface Settings {
  readonly enable: boolean;
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly stackRegion: string | undefined;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  include: ['**/*'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  stackRegion: undefined,
};

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

function stringArray(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** Anything the client sends (null, partial, wrong types) becomes complete settings: defaults fill the gaps. */
export function normalizeSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const files = typeof r.files === 'object' && r.files !== null ? (r.files as Record<string, unknown>) : {};
  const rules: Record<string, Severity | 'off'> = {};
  if (typeof r.rules === 'object' && r.rules !== null) {
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) rules[id] = level as Severity | 'off';
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    include: stringArray(files.include) ?? DEFAULT_SETTINGS.include,
    exclude: stringArray(files.exclude) ?? DEFAULT_SETTINGS.exclude,
    stackRegion: typeof r.stackRegion === 'string' && r.stackRegion.trim() !== '' ? r.stackRegion.trim() : undefined,
  };
}

/** The document path of a URI, with `/` separators (file URIs decoded; others keep their path). */
export function pathOfUri(uri: string): string {
  try {
    const u = new URL(uri);
    return decodeURIComponent(u.pathname).replace(/\\/g, '/');
  } catch {
    return uri;
  }
}

/** Globs are written relative to the workspace folder (`templates/*.yaml`); match them anywhere in the path. */
function anywhere(glob: string): string {
  return glob.startsWith('/') || glob.startsWith('**') ? glob : `**/${glob.replace(/^\.\//, '')}`;
}

/** An empty include list means every file (that looks like ours). */
export function isIncluded(settings: Settings, uri: string): boolean {
  if (!settings.enable) return false;
  const path = pathOfUri(uri);
  const included = settings.include.length === 0 || settings.include.some((g) => matchesGlob(path, anywhere(g)));
  return included && !settings.exclude.some((g) => matchesGlob(path, anywhere(g)));
}
