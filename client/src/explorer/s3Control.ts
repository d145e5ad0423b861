/**
 * The explorer's view of S3 Control: the ONLY module that imports @aws-sdk/client-s3-control (and STS).
 * A small typed API over the Multi-Region Access Point operations, with AWS's routing rules built in:
 * control calls go to us-west-2, route calls to one of the five failover-control Regions.
 */
import {
  GetMultiRegionAccessPointCommand,
  GetMultiRegionAccessPointPolicyCommand,
  GetMultiRegionAccessPointPolicyStatusCommand,
  GetMultiRegionAccessPointRoutesCommand,
  ListMultiRegionAccessPointsCommand,
  S3ControlClient,
  SubmitMultiRegionAccessPointRoutesCommand,
  type MultiRegionAccessPointReport,
} from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { credentialProvider, type CredentialProvider } from './credentials';
import { ExplorerError, classify, toExplorerError } from './errors';

export const CONTROL_REGION = 'us-west-2';
/** The Regions that host the failover-control endpoints for the routes API (in the order we try them). */
export const ROUTE_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'ap-southeast-2', 'ap-northeast-1', 'eu-west-1'];

export interface PublicAccessBlock {
  readonly blockPublicAcls?: boolean;
  readonly ignorePublicAcls?: boolean;
  readonly blockPublicPolicy?: boolean;
  readonly restrictPublicBuckets?: boolean;
}

export interface MrapRegion {
  readonly bucket: string;
  readonly region?: string;
  readonly bucketAccountId?: string;
}

export interface Mrap {
  readonly name: string;
  readonly alias: string;
  /** `arn:aws:s3::<account>:accesspoint/<alias>` */
  readonly arn: string;
  readonly accountId: string;
  readonly status: string;
  readonly createdAt?: Date;
  readonly publicAccessBlock?: PublicAccessBlock;
  readonly regions: readonly MrapRegion[];
}

export interface MrapRoute {
  readonly bucket?: string;
  readonly region?: string;
  /** 0 = passive, 100 = active. */
  readonly trafficDialPercentage: number;
}

export interface MrapPolicy {
  /** JSON text of the policy in force, if any. */
  readonly established?: string;
  /** JSON text of a policy being applied, if any. */
  readonly proposed?: string;
}

export interface S3ControlOptions {
  /** Shared config profile; undefined = the SDK's default credential chain. */
  readonly profile?: string;
  /** Endpoint override for S3-compatible test endpoints such as the bundled emulator. */
  readonly endpoint?: string;
  /** Total attempts per call, including retries (SDK standard retry strategy; default 3). */
  readonly maxAttempts?: number;
  /** Page size for ListMultiRegionAccessPoints (AWS returns up to 100 per page). */
  readonly pageSize?: number;
  /** Overrides the profile's provider (tests). */
  readonly credentials?: CredentialProvider;
}

/** The account id per profile+endpoint, asked of STS once (the promise is shared by concurrent callers). */
const accountIds = new Map<string, Promise<string>>();

export function clearAccountIdCache(): void {
  accountIds.clear();
}

function arnOf(accountId: string, alias: string): string {
  return `arn:aws:s3::${accountId}:accesspoint/${alias}`;
}

/** The global endpoint hostname of a Multi-Region Access Point. */
export function globalEndpoint(alias: string): string {
  return `${alias}.accesspoint.s3-global.amazonaws.com`;
}

export class MrapApi {
  private readonly clients = new Map<string, S3ControlClient>();
  private sts: STSClient | undefined;
  /** Credential values seen in this process, scrubbed from every error message. */
  private readonly secrets = new Set<string>();
  private readonly credentials: CredentialProvider;

  constructor(readonly options: S3ControlOptions = {}) {
    const remember = (c: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): void => {
      for (const v of [c.accessKeyId, c.secretAccessKey, c.sessionToken]) if (v) this.secrets.add(v);
    };
    const base = options.credentials ?? credentialProvider(options.profile, remember);
    this.credentials = async () => {
      const c = await base();
      remember(c);
      return c;
    };
  }

  get cacheKey(): string {
    return `${this.options.profile ?? '<default chain>'}|${this.options.endpoint ?? ''}`;
  }

  /** The caller's account id (STS GetCallerIdentity), once per profile and endpoint. */
  getAccountId(): Promise<string> {
    const key = this.cacheKey;
    let pending = accountIds.get(key);
    if (!pending) {
      pending = this.call('identifying the AWS account', async () => {
        const out = await this.stsClient().send(new GetCallerIdentityCommand({}));
        if (!out.Account) throw new ExplorerError('Other', 'STS did not return an account id.');
        return out.Account;
      });
      accountIds.set(key, pending);
      pending.catch(() => accountIds.delete(key));
    }
    return pending;
  }

  /** Every MRAP of the account, following NextToken across pages. */
  async listMraps(): Promise<Mrap[]> {
    const accountId = await this.getAccountId();
    return this.call('listing Multi-Region Access Points', async () => {
      const out: Mrap[] = [];
      const seen = new Set<string>();
      let token: string | undefined;
      do {
        const page = await this.control().send(
          new ListMultiRegionAccessPointsCommand({ AccountId: accountId, NextToken: token, MaxResults: this.options.pageSize }),
        );
        for (const r of page.AccessPoints ?? []) {
          const m = toMrap(accountId, r);
          if (m) out.push(m);
        }
        token = page.NextToken || undefined;
        // A service that repeats a token would loop forever; stop instead.
        if (token && seen.has(token)) break;
        if (token) seen.add(token);
      } while (token);
      return out;
    });
  }

  async getMrap(name: string): Promise<Mrap> {
    const accountId = await this.getAccountId();
    return this.call(`reading ${name}`, async () => {
      const out = await this.control().send(new GetMultiRegionAccessPointCommand({ AccountId: accountId, Name: name }));
      const m = out.AccessPoint ? toMrap(accountId, out.AccessPoint) : undefined;
      if (!m) throw new ExplorerError('NotFound', `Multi-Region Access Point ${name} was not found.`);
      return m;
    });
  }

  async getRoutes(mrap: Pick<Mrap, 'arn' | 'name'>): Promise<MrapRoute[]> {
    const accountId = await this.getAccountId();
    return this.call(`reading the routes of ${mrap.name}`, () =>
      this.onRouteRegion(async (client) => {
        const out = await client.send(new GetMultiRegionAccessPointRoutesCommand({ AccountId: accountId, Mrap: mrap.arn }));
        return (out.Routes ?? []).map((r) => ({ bucket: r.Bucket, region: r.Region, trafficDialPercentage: r.TrafficDialPercentage ?? 0 }));
      }),
    );
  }

  /** Changes active/passive states; Regions not listed keep theirs. AWS applies it within about 2 minutes. */
  async submitRoutes(mrap: Pick<Mrap, 'arn' | 'name'>, updates: readonly MrapRoute[]): Promise<void> {
    const accountId = await this.getAccountId();
    await this.call(`updating the routes of ${mrap.name}`, () =>
      this.onRouteRegion(async (client) => {
        await client.send(
          new SubmitMultiRegionAccessPointRoutesCommand({
            AccountId: accountId,
            Mrap: mrap.arn,
            RouteUpdates: updates.map((u) => ({ Bucket: u.bucket, Region: u.region, TrafficDialPercentage: u.trafficDialPercentage })),
          }),
        );
      }),
    );
  }

  async getPolicy(name: string): Promise<MrapPolicy> {
    const accountId = await this.getAccountId();
    return this.call(`reading the policy of ${name}`, async () => {
      const out = await this.control().send(new GetMultiRegionAccessPointPolicyCommand({ AccountId: accountId, Name: name }));
      return { established: out.Policy?.Established?.Policy, proposed: out.Policy?.Proposed?.Policy };
    });
  }

  /** Whether the policy in force makes the MRAP public (undefined when AWS does not say). */
  async getPolicyStatus(name: string): Promise<{ isPublic?: boolean }> {
    const accountId = await this.getAccountId();
    return this.call(`reading the policy status of ${name}`, async () => {
      const out = await this.control().send(new GetMultiRegionAccessPointPolicyStatusCommand({ AccountId: accountId, Name: name }));
      return { isPublic: out.Established?.IsPublic };
    });
  }

  dispose(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
    this.sts?.destroy();
    this.sts = undefined;
  }

  /** Runs one logical call and maps whatever it throws to an ExplorerError with a scrubbed message. */
  private async call<T>(context: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw toExplorerError(e, context, this.secrets);
    }
  }

  /** Tries each route Region in order while the failure is a network one. */
  private async onRouteRegion<T>(run: (client: S3ControlClient) => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (const region of ROUTE_REGIONS) {
      try {
        return await run(this.client(region));
      } catch (e) {
        if (classify(e).kind !== 'Network') throw e;
        lastError = e;
      }
    }
    throw lastError;
  }

  private control(): S3ControlClient {
    return this.client(CONTROL_REGION);
  }

  private client(region: string): S3ControlClient {
    let c = this.clients.get(region);
    if (!c) {
      c = new S3ControlClient({ region, ...this.common() });
      this.clients.set(region, c);
    }
    return c;
  }

  private stsClient(): STSClient {
    this.sts ??= new STSClient({ region: 'us-east-1', ...this.common() });
    return this.sts;
  }

  private common() {
    const endpoint = this.options.endpoint;
    const override = endpoint
      ? {
          // Without disableHostPrefix the SDK puts `<account id>.` in front of the host, which breaks
          // IP and localhost endpoints.
          endpointProvider: () => ({ url: new URL(endpoint) }),
          disableHostPrefix: true,
        }
      : {};
    return {
      credentials: this.credentials,
      maxAttempts: this.options.maxAttempts ?? 3,
      retryMode: 'standard',
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
      ...override,
    } as const;
  }
}

function toMrap(accountId: string, r: MultiRegionAccessPointReport): Mrap | undefined {
  if (!r.Name || !r.Alias) return undefined;
  const b = r.PublicAccessBlock;
  return {
    name: r.Name,
    alias: r.Alias,
    arn: arnOf(accountId, r.Alias),
    accountId,
    status: r.Status ?? 'UNKNOWN',
    createdAt: r.CreatedAt,
    publicAccessBlock: b
      ? { blockPublicAcls: b.BlockPublicAcls, ignorePublicAcls: b.IgnorePublicAcls, blockPublicPolicy: b.BlockPublicPolicy, restrictPublicBuckets: b.RestrictPublicBuckets }
      : undefined,
    regions: (r.Regions ?? []).filter((x) => x.Bucket).map((x) => ({ bucket: x.Bucket!, region: x.Region, bucketAccountId: x.BucketAccountId })),
  };
}
