/**
 * AWS profiles and credential providers for the explorer. Reads only section names and key NAMES of the
 * shared config/credentials files (never values), so nothing secret can leak from here.
 */
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type CredentialProvider = () => Promise<Credentials>;
export type Credentials = Awaited<ReturnType<ReturnType<typeof fromIni>>>;

export type ProfileKind = 'sso' | 'static' | 'assumeRole' | 'process' | 'webIdentity' | 'other';

export interface ProfileInfo {
  readonly name: string;
  readonly kind: ProfileKind;
  /** Which files define it. */
  readonly files: readonly ('config' | 'credentials')[];
}

function homeDir(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}

export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_CONFIG_FILE || path.join(homeDir(env), '.aws', 'config');
}

export function credentialsFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_SHARED_CREDENTIALS_FILE || path.join(homeDir(env), '.aws', 'credentials');
}

/** Section name -> key names, from an INI file; a missing or unreadable file is empty. */
function sectionKeys(file: string): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return sections;
  }
  let current: Set<string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]/.exec(line);
    if (header) {
      const name = header[1]!;
      current = sections.get(name) ?? new Set<string>();
      sections.set(name, current);
      continue;
    }
    // Nested sub-properties (indented lines) belong to the key above them; only top-level key names matter.
    if (/^\s/.test(raw)) continue;
    const key = /^([^=\s]+)\s*=/.exec(line);
    if (key && current) current.add(key[1]!.toLowerCase());
  }
  return sections;
}

function kindOf(keys: ReadonlySet<string>): ProfileKind {
  if (keys.has('sso_session') || keys.has('sso_start_url')) return 'sso';
  if (keys.has('role_arn') && keys.has('web_identity_token_file')) return 'webIdentity';
  if (keys.has('role_arn')) return 'assumeRole';
  if (keys.has('credential_process')) return 'process';
  if (keys.has('aws_access_key_id')) return 'static';
  return 'other';
}

/** Every profile in the shared config and credentials files, `default` first, then by name. */
export function listProfiles(env: NodeJS.ProcessEnv = process.env): ProfileInfo[] {
  const merged = new Map<string, { keys: Set<string>; files: Set<'config' | 'credentials'> }>();
  const add = (name: string, keys: Set<string>, file: 'config' | 'credentials'): void => {
    const entry = merged.get(name) ?? { keys: new Set<string>(), files: new Set<'config' | 'credentials'>() };
    for (const k of keys) entry.keys.add(k);
    entry.files.add(file);
    merged.set(name, entry);
  };
  for (const [section, keys] of sectionKeys(configFilePath(env))) {
    // In the config file profiles are `[profile name]`, except `[default]`; `[sso-session x]` and
    // `[services x]` are not profiles.
    const profile = /^profile\s+(.+)$/.exec(section);
    if (profile) add(profile[1]!.trim(), keys, 'config');
    else if (section === 'default') add('default', keys, 'config');
  }
  for (const [section, keys] of sectionKeys(credentialsFilePath(env))) add(section, keys, 'credentials');
  return [...merged.entries()]
    .map(([name, e]) => ({ name, kind: kindOf(e.keys), files: [...e.files].sort() }))
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

/**
 * The credential provider for a profile, or the SDK's default chain when no profile is chosen. Values
 * it resolves are reported to `onResolved` so error messages can be scrubbed of them.
 */
export function credentialProvider(profile: string | undefined, onResolved: (c: Credentials) => void): CredentialProvider {
  // ignoreCache: pick up `aws sso login` and edited files without restarting VS Code.
  const base = profile ? fromIni({ profile, ignoreCache: true }) : fromNodeProviderChain({ ignoreCache: true });
  return async () => {
    const c = await base();
    onResolved(c);
    return c;
  };
}
