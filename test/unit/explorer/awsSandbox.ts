/** A temporary HOME with shared AWS config/credentials files, and an environment that points only there. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clearAccountIdCache } from '../../../client/src/explorer/s3Control';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/server';

const ENV_KEYS = [
  'HOME', 'USERPROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION',
  'AWS_EC2_METADATA_DISABLED', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN', 'AWS_REGION', 'AWS_DEFAULT_REGION',
];

/** Distinctive secrets: the tests check that none of them ever shows up in an error message. */
export const SECRETS = {
  defaultKeyId: 'AKIAEXPLORERDEFAULT1',
  defaultSecret: 'DefaultSecretKey/7hQ9zX2mK4pL8vN3bR6tY1wE5uI0oA+sDfGh',
  teamKeyId: 'ASIAEXPLORERTEAM0001',
  teamSecret: 'TeamSecretKey/Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff9Dd8Ss7Aa',
  teamSessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ==',
  ssoAccessToken: 'SsoAccessTokenEXAMPLE0123456789abcdefghijklmnopqrstuvwxyzABCDEF',
};

export const SSO_START_URL = 'https://example.awsapps.com/start';

const CONFIG = `[default]
region = eu-west-1

[profile team]
region = us-east-1

[profile sso-expired]
sso_start_url = ${SSO_START_URL}
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile sso-new]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin

[profile assume]
role_arn = arn:aws:iam::111122223333:role/Reader
source_profile = default

[profile empty]
region = us-west-2
`;

const CREDENTIALS = `[default]
aws_access_key_id = ${SECRETS.defaultKeyId}
aws_secret_access_key = ${SECRETS.defaultSecret}

[team]
aws_access_key_id = ${SECRETS.teamKeyId}
aws_secret_access_key = ${SECRETS.teamSecret}
aws_session_token = ${SECRETS.teamSessionToken}

[creds-only]
aws_access_key_id = AKIAEXPLORERCREDSONLY
aws_secret_access_key = CredsOnlySecret/aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z
`;

export interface AwsSandbox {
  readonly home: string;
  restore(): void;
}

export function awsSandbox(): AwsSandbox {
  const saved = new Map(ENV_KEYS.map((k) => [k, process.env[k]]));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 's3mrap-explorer-'));
  const aws = path.join(home, '.aws');
  fs.mkdirSync(path.join(aws, 'sso', 'cache'), { recursive: true });
  fs.writeFileSync(path.join(aws, 'config'), CONFIG);
  fs.writeFileSync(path.join(aws, 'credentials'), CREDENTIALS);
  // A legacy SSO profile's token is cached under sha1(start URL); this one expired long ago.
  const tokenFile = path.join(aws, 'sso', 'cache', `${createHash('sha1').update(SSO_START_URL).digest('hex')}.json`);
  fs.writeFileSync(tokenFile, JSON.stringify({ accessToken: SECRETS.ssoAccessToken, expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl: SSO_START_URL }));
  for (const k of ENV_KEYS) delete process.env[k];
  process.env.HOME = home;
  process.env.AWS_CONFIG_FILE = path.join(aws, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(aws, 'credentials');
  // Never let the default chain ask an instance metadata service (tests stay on 127.0.0.1).
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  return {
    home,
    restore: () => {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * Mocha hooks shared by the suites that talk to the emulator: a sandboxed AWS environment and one
 * emulator per suite; before each test, no cached account id, no faults and no recorded requests.
 */
export function useEmulator(onStart: (emulator: RunningEmulator) => void): void {
  let sandbox: AwsSandbox | undefined;
  let emulator: RunningEmulator | undefined;
  before(async () => {
    sandbox = awsSandbox();
    emulator = await startEmulator();
    onStart(emulator);
  });
  after(async () => {
    await emulator?.close();
    sandbox?.restore();
  });
  beforeEach(() => {
    clearAccountIdCache();
    emulator?.faults.clear();
    if (emulator) emulator.requests.length = 0;
  });
}
