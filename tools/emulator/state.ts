/**
 * The emulated account: buckets, Multi-Region Access Points, async operations and routes, with the
 * validations S3 Control applies. Pure logic; server.ts maps it onto the REST-XML wire protocol.
 */
import type { Seed, SeedPublicAccessBlock } from './seed';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_REGIONS = 17;
const NAME_PATTERN = /^[a-z0-9][-a-z0-9]{1,48}[a-z0-9]$/;
const ARN_PATTERN = /^arn:aws:s3::(\d{12}):accesspoint\/([a-z][a-z0-9]*\.mrap)$/;

export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface MrapRegion {
  readonly bucket: string;
  readonly region: string;
  readonly bucketAccountId: string;
  trafficDialPercentage: number;
}

export interface Mrap {
  readonly name: string;
  readonly alias: string;
  readonly createdAt: Date;
  status: string;
  readonly publicAccessBlock: PublicAccessBlock;
  readonly regions: MrapRegion[];
  established?: string;
  proposed?: string;
}

export type OperationName = 'CreateMultiRegionAccessPoint' | 'DeleteMultiRegionAccessPoint' | 'PutMultiRegionAccessPointPolicy';

export interface AsyncOperation {
  readonly requestTokenArn: string;
  readonly operation: OperationName;
  readonly creationTime: Date;
  readonly parameters: { name: string; policy?: string; regions?: { bucket: string; bucketAccountId?: string }[]; publicAccessBlock?: PublicAccessBlock };
  status: 'IN_PROGRESS' | 'SUCCESS' | 'FAILED';
  error?: { code: string; message: string };
  regionResults?: { name: string; status: string }[];
  readonly completeAt: number;
  readonly complete: () => void;
}

export interface RouteUpdate {
  bucket?: string;
  region?: string;
  trafficDialPercentage: number;
}

export interface CreateInput {
  name: string;
  regions: { bucket: string; bucketAccountId?: string }[];
  publicAccessBlock?: SeedPublicAccessBlock;
}

function fullBlock(p: SeedPublicAccessBlock | undefined): PublicAccessBlock {
  return {
    BlockPublicAcls: p?.BlockPublicAcls ?? true,
    IgnorePublicAcls: p?.IgnorePublicAcls ?? true,
    BlockPublicPolicy: p?.BlockPublicPolicy ?? true,
    RestrictPublicBuckets: p?.RestrictPublicBuckets ?? true,
  };
}

export class EmulatorState {
  readonly accountId: string;
  /** How long Create/Delete/PutPolicy stay IN_PROGRESS. */
  asyncDelayMs = 0;
  private readonly buckets = new Map<string, { region: string; accountId: string }>();
  private readonly mraps = new Map<string, Mrap>();
  private readonly operations = new Map<string, AsyncOperation>();
  private readonly clientTokens = new Map<string, string>();
  private aliasCounter = 0;
  private requestCounter = 0;

  constructor(seed: Seed) {
    if (!/^\d{12}$/.test(seed.accountId)) throw new Error(`seed accountId must be 12 digits, got ${JSON.stringify(seed.accountId)}`);
    this.accountId = seed.accountId;
    for (const b of seed.buckets) this.buckets.set(b.name, { region: b.region, accountId: b.accountId ?? seed.accountId });
    for (const m of seed.mraps) {
      const regions = this.validateRegions(
        m.name,
        m.regions.map((r) => ({ bucket: r.bucket, bucketAccountId: r.bucketAccountId })),
      );
      const dials = new Map(m.regions.map((r) => [r.bucket, r.trafficDialPercentage ?? 100]));
      const policy = m.policy === undefined ? undefined : JSON.stringify(m.policy);
      this.mraps.set(m.name, {
        name: m.name,
        alias: m.alias ?? this.newAlias(m.name),
        createdAt: new Date(m.createdAt ?? Date.now()),
        status: m.status ?? 'READY',
        publicAccessBlock: fullBlock(m.publicAccessBlock),
        regions: regions.map((r) => ({ ...r, trafficDialPercentage: dials.get(r.bucket) ?? 100 })),
        established: policy,
      });
    }
  }

  arnOf(m: Mrap): string {
    return `arn:aws:s3::${this.accountId}:accesspoint/${m.alias}`;
  }

  list(): Mrap[] {
    this.tick();
    return [...this.mraps.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): Mrap {
    this.tick();
    const m = this.mraps.get(name);
    if (!m) throw new ApiError(404, 'NoSuchMultiRegionAccessPoint', 'The specified Multi-Region Access Point does not exist.');
    return m;
  }

  byArn(arn: string): Mrap {
    this.tick();
    const match = ARN_PATTERN.exec(arn);
    if (!match) throw new ApiError(400, 'InvalidRequest', 'The Multi-Region Access Point ARN is not valid.');
    const found = [...this.mraps.values()].find((m) => m.alias === match[2]);
    if (!found || match[1] !== this.accountId) {
      throw new ApiError(404, 'NoSuchMultiRegionAccessPoint', 'The specified Multi-Region Access Point does not exist.');
    }
    return found;
  }

  describe(requestTokenArn: string): AsyncOperation {
    this.tick();
    const op = this.operations.get(requestTokenArn);
    if (!op) throw new ApiError(404, 'NoSuchAsyncRequest', 'The specified async request does not exist.');
    return op;
  }

  create(input: CreateInput, clientToken: string): string {
    this.tick();
    const previous = this.clientTokens.get(`create:${clientToken}`);
    if (previous) return previous;
    if (!NAME_PATTERN.test(input.name)) {
      throw new ApiError(400, 'InvalidRequest', 'Multi-Region Access Point names must be 3-50 lowercase letters, digits and hyphens, and must not begin or end with a hyphen.');
    }
    if (input.regions.length < 1 || input.regions.length > MAX_REGIONS) {
      throw new ApiError(400, 'InvalidRequest', `A Multi-Region Access Point must have between 1 and ${MAX_REGIONS} Regions.`);
    }
    const publicAccessBlock = fullBlock(input.publicAccessBlock);
    const arn = this.startOperation('CreateMultiRegionAccessPoint', { name: input.name, regions: input.regions, publicAccessBlock }, (op) => {
      // Checked when the operation runs: the buckets live in other Regions (assumption: AWS reports these
      // as a FAILED async operation rather than a synchronous error; unverified).
      if (this.mraps.has(input.name)) throw new ApiError(409, 'MultiRegionAccessPointAlreadyExists', `A Multi-Region Access Point named ${input.name} already exists.`);
      const regions = this.validateRegions(input.name, input.regions);
      op.regionResults = regions.map((r) => ({ name: r.region, status: 'COMPLETED' }));
      this.mraps.set(input.name, {
        name: input.name,
        alias: this.newAlias(input.name),
        createdAt: op.creationTime,
        status: 'READY',
        publicAccessBlock,
        regions: regions.map((r) => ({ ...r, trafficDialPercentage: 100 })),
      });
    });
    this.clientTokens.set(`create:${clientToken}`, arn);
    return arn;
  }

  delete(name: string, clientToken: string): string {
    this.tick();
    const previous = this.clientTokens.get(`delete:${clientToken}`);
    if (previous) return previous;
    const m = this.get(name);
    m.status = 'DELETING';
    const arn = this.startOperation('DeleteMultiRegionAccessPoint', { name }, () => {
      this.mraps.delete(name);
    });
    this.clientTokens.set(`delete:${clientToken}`, arn);
    return arn;
  }

  putPolicy(name: string, policy: string, clientToken: string): string {
    this.tick();
    const previous = this.clientTokens.get(`put-policy:${clientToken}`);
    if (previous) return previous;
    const m = this.get(name);
    try {
      const parsed: unknown = JSON.parse(policy);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    } catch {
      throw new ApiError(400, 'MalformedPolicy', 'Policies must be valid JSON and the first byte must be \'{\'');
    }
    m.proposed = policy;
    const arn = this.startOperation('PutMultiRegionAccessPointPolicy', { name, policy }, () => {
      m.established = policy;
      m.proposed = undefined;
    });
    this.clientTokens.set(`put-policy:${clientToken}`, arn);
    return arn;
  }

  submitRoutes(arn: string, updates: readonly RouteUpdate[]): void {
    const m = this.byArn(arn);
    if (updates.length === 0) throw new ApiError(400, 'InvalidRequest', 'RouteUpdates must contain at least one route.');
    if (m.regions.length < 2) throw new ApiError(405, 'MethodNotAllowed', 'Failover controls need a Multi-Region Access Point with at least two Regions.');
    const next = new Map(m.regions.map((r) => [r.bucket, r.trafficDialPercentage]));
    for (const u of updates) {
      if (!Number.isInteger(u.trafficDialPercentage) || u.trafficDialPercentage < 0 || u.trafficDialPercentage > 100) {
        throw new ApiError(400, 'InvalidRequest', 'TrafficDialPercentage must be an integer from 0 to 100.');
      }
      if (!u.bucket && !u.region) throw new ApiError(400, 'InvalidRequest', 'Each route must specify a Bucket or a Region.');
      const target = m.regions.find((r) => (u.bucket ? r.bucket === u.bucket : r.region === u.region));
      if (!target) throw new ApiError(400, 'InvalidRequest', `The route ${u.bucket ?? u.region} is not part of this Multi-Region Access Point.`);
      if (u.bucket && u.region && target.region !== u.region) {
        throw new ApiError(400, 'InvalidRequest', `The bucket ${u.bucket} is not in the Region ${u.region}.`);
      }
      next.set(target.bucket, u.trafficDialPercentage);
    }
    if (![...next.values()].some((dial) => dial > 0)) {
      throw new ApiError(400, 'InvalidRequest', 'At least one Region must remain active (TrafficDialPercentage greater than 0).');
    }
    for (const r of m.regions) r.trafficDialPercentage = next.get(r.bucket) ?? r.trafficDialPercentage;
  }

  nextRequestId(): string {
    this.requestCounter += 1;
    return `EMU${this.requestCounter.toString(16).toUpperCase().padStart(13, '0')}`;
  }

  /** Completes every async operation whose time has come. */
  private tick(): void {
    const now = Date.now();
    for (const op of this.operations.values()) {
      if (op.status === 'IN_PROGRESS' && op.completeAt <= now) {
        try {
          op.complete();
          op.status = 'SUCCESS';
        } catch (e) {
          op.status = 'FAILED';
          op.error = e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'InternalError', message: 'We encountered an internal error.' };
        }
      }
    }
  }

  private startOperation(operation: OperationName, parameters: AsyncOperation['parameters'], run: (op: AsyncOperation) => void): string {
    const kind = operation === 'CreateMultiRegionAccessPoint' ? 'create' : operation === 'DeleteMultiRegionAccessPoint' ? 'delete' : 'put-policy';
    const id = `${Date.now()}-${(this.operations.size + 1).toString(36)}`;
    const requestTokenArn = `arn:aws:s3:us-west-2:${this.accountId}:async-request/mrap/${kind}/${id}`;
    const op: AsyncOperation = {
      requestTokenArn,
      operation,
      creationTime: new Date(),
      parameters,
      status: 'IN_PROGRESS',
      completeAt: Date.now() + this.asyncDelayMs,
      complete: () => run(op),
    };
    this.operations.set(requestTokenArn, op);
    return requestTokenArn;
  }

  private validateRegions(name: string, regions: readonly { bucket: string; bucketAccountId?: string }[]): Omit<MrapRegion, 'trafficDialPercentage'>[] {
    if (regions.length < 1 || regions.length > MAX_REGIONS) {
      throw new ApiError(400, 'InvalidRequest', `A Multi-Region Access Point must have between 1 and ${MAX_REGIONS} Regions (${name} has ${regions.length}).`);
    }
    const seenRegions = new Map<string, string>();
    return regions.map((r) => {
      const bucket = this.buckets.get(r.bucket);
      const owner = r.bucketAccountId ?? this.accountId;
      if (!bucket || bucket.accountId !== owner) throw new ApiError(404, 'NoSuchBucket', `The specified bucket does not exist: ${r.bucket}`);
      const other = seenRegions.get(bucket.region);
      if (other) throw new ApiError(400, 'InvalidRequest', `Only one bucket per Region is allowed: ${other} and ${r.bucket} are both in ${bucket.region}.`);
      seenRegions.set(bucket.region, r.bucket);
      return { bucket: r.bucket, region: bucket.region, bucketAccountId: owner };
    });
  }

  private newAlias(name: string): string {
    this.aliasCounter += 1;
    let hash = 2166136261;
    for (const ch of `${name}#${this.aliasCounter}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
    const body = (hash.toString(36) + this.aliasCounter.toString(36)).padEnd(12, '0').slice(0, 12);
    return `m${body}.mrap`;
  }
}
