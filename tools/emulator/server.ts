/**
 * A local S3 Control + STS emulator on node:http. It speaks the REST-XML wire protocol of the Multi-Region
 * Access Point operations (shapes taken from @aws-sdk/client-s3-control's schema) and the query protocol of
 * STS GetCallerIdentity, so the real AWS SDK can talk to it through an endpoint override.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultList, parseFault, type Fault } from './faults';
import { SAMPLE_SEED, type Seed } from './seed';
import { ApiError, EmulatorState, type AsyncOperation, type Mrap, type RouteUpdate } from './state';
import { buildXml, child, childText, parseXml, type XmlElement, type XmlNode } from './xml';
import { isPublicPolicy } from './policyStatus';

const S3_NS = 'http://awss3control.amazonaws.com/doc/2018-08-20/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const CONTROL_REGION = 'us-west-2';
export const ROUTE_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'ap-southeast-2', 'ap-northeast-1', 'eu-west-1'];
const MAX_BODY = 1024 * 1024;

export interface EmulatorOptions {
  readonly seed?: Seed;
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** How long async operations stay IN_PROGRESS (default 0: done by the next call). */
  readonly asyncDelayMs?: number;
  readonly faults?: readonly Fault[];
  /** One line per request (method, path, operation, status). Never receives headers or bodies. */
  readonly log?: (line: string) => void;
}

/** What the emulator saw of one request (no secrets: the access key id is not one). */
export interface RequestRecord {
  readonly operation: string;
  readonly method: string;
  readonly signingRegion?: string;
  readonly accessKeyId?: string;
  /** HTTP status, or 0 for a dropped connection. */
  readonly status: number;
}

export interface RunningEmulator {
  readonly url: string;
  /** Every request served since start (oldest first); tests read and may clear it. */
  readonly requests: RequestRecord[];
  readonly port: number;
  readonly state: EmulatorState;
  readonly faults: FaultList;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: string;
}

type Handler = (req: RequestInfo) => Reply;

interface RequestInfo {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly signingRegion: string | undefined;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = new EmulatorState(options.seed ?? SAMPLE_SEED);
  state.asyncDelayMs = options.asyncDelayMs ?? 0;
  const faults = new FaultList();
  for (const f of options.faults ?? []) faults.add(f);
  const requests: RequestRecord[] = [];
  const log = (record: RequestRecord, path: string): void => {
    requests.push(record);
    options.log?.(`${record.method} ${path} ${record.operation} -> ${record.status || 'dropped'}`);
  };
  const server = http.createServer((req, res) => {
    readBody(req)
      .then((body) => handle(state, faults, req, res, body, log, options.log))
      .catch(() => {
        if (!res.headersSent) send(res, 400, errorXml('IncompleteBody', 'The request body could not be read.', state.nextRequestId()), state);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    requests,
    port,
    state,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handle(
  state: EmulatorState,
  faults: FaultList,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
  record: (r: RequestRecord, path: string) => void,
  log?: (line: string) => void,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const method = req.method ?? 'GET';
  if (url.pathname.startsWith('/__emulator/')) {
    const reply = control(state, faults, method, url.pathname, body);
    log?.(`${method} ${url.pathname} -> ${reply.status}`);
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    return;
  }
  const isSts = method === 'POST' && url.pathname === '/' && new URLSearchParams(body).get('Action') !== null;
  const route = isSts ? { operation: new URLSearchParams(body).get('Action') ?? '', handler: undefined } : resolveRoute(state, method, url.pathname);
  const operation = route?.operation ?? 'Unknown';
  const requestId = state.nextRequestId();
  const authorization = req.headers.authorization;
  const credential = /Credential=([^/]+)\/\d{8}\/([a-z0-9-]+)\//.exec(authorization ?? '');
  const accessKeyId = credential?.[1];
  const signingRegion = credential?.[2];

  const { latencyMs, failure } = faults.take(operation);
  if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
  if (failure?.kind === 'drop') {
    record({ operation, method, signingRegion, accessKeyId, status: 0 }, url.pathname);
    req.socket.destroy();
    return;
  }
  let reply: Reply;
  try {
    if (failure) throw faultError(failure);
    if (!authorization || !authorization.startsWith('AWS4-HMAC-SHA256 ')) {
      throw new ApiError(403, 'AccessDenied', 'Anonymous requests are not supported; sign the request with Signature Version 4.');
    }
    if (isSts) {
      reply = sts(state, new URLSearchParams(body), requestId);
    } else {
      if (!route) throw new ApiError(405, 'MethodNotAllowed', `The specified method is not allowed against this resource: ${method} ${url.pathname}`);
      const accountId = req.headers['x-amz-account-id'];
      if (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId)) {
        throw new ApiError(400, 'InvalidRequest', 'The x-amz-account-id header is missing or is not a 12-digit account id.');
      }
      if (accountId !== state.accountId) throw new ApiError(403, 'AccessDenied', 'Access Denied');
      const isRoutes = operation.endsWith('MultiRegionAccessPointRoutes');
      if (isRoutes && !ROUTE_REGIONS.includes(signingRegion ?? '')) {
        throw new ApiError(400, 'InvalidRequest', `Route operations must be sent to one of ${ROUTE_REGIONS.join(', ')}; this request was signed for ${signingRegion}.`);
      }
      if (!isRoutes && signingRegion !== CONTROL_REGION) {
        throw new ApiError(400, 'InvalidRequest', `Multi-Region Access Point control requests must be sent to ${CONTROL_REGION}; this request was signed for ${signingRegion}.`);
      }
      reply = route.handler!({ method, path: url.pathname, query: url.searchParams, body, signingRegion });
    }
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(500, 'InternalError', 'We encountered an internal error. Please try again.');
    reply = { status: error.status, body: isSts ? stsErrorXml(error, requestId) : errorXml(error.code, error.message, requestId) };
  }
  record({ operation, method, signingRegion, accessKeyId, status: reply.status }, url.pathname);
  send(res, reply.status, reply.body, state, requestId);
}

function send(res: http.ServerResponse, status: number, body: string, state: EmulatorState, requestId = state.nextRequestId()): void {
  res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function faultError(f: Fault): ApiError {
  switch (f.kind) {
    case 'accessDenied':
      return new ApiError(403, 'AccessDenied', f.message ?? 'Access Denied');
    case 'throttle':
      return new ApiError(503, 'SlowDown', f.message ?? 'Please reduce your request rate.');
    case 'expiredToken':
      return new ApiError(400, 'ExpiredToken', f.message ?? 'The provided token has expired.');
    default:
      return new ApiError(500, 'InternalError', f.message ?? 'We encountered an internal error. Please try again.');
  }
}

export function errorXml(code: string, message: string, requestId: string): string {
  return buildXml('Error', { Code: code, Message: message, RequestId: requestId, HostId: hostId(requestId) });
}

function stsErrorXml(error: ApiError, requestId: string): string {
  return buildXml('ErrorResponse', { Error: { Type: error.status >= 500 ? 'Receiver' : 'Sender', Code: error.code, Message: error.message }, RequestId: requestId }, STS_NS);
}

function hostId(requestId: string): string {
  return Buffer.from(`emulator/${requestId}`).toString('base64');
}

// ---- control endpoint -------------------------------------------------------------------------------

function control(state: EmulatorState, faults: FaultList, method: string, path: string, body: string): Reply {
  const json = (status: number, value: unknown): Reply => ({ status, body: JSON.stringify(value) });
  try {
    if (path === '/__emulator/faults' && method === 'GET') return json(200, faults.list());
    if (path === '/__emulator/faults' && method === 'DELETE') {
      faults.clear();
      return json(200, []);
    }
    if (path === '/__emulator/faults' && method === 'POST') {
      const parsed: unknown = JSON.parse(body);
      for (const f of Array.isArray(parsed) ? parsed : [parsed]) faults.add(parseFault(f));
      return json(200, faults.list());
    }
    if (path === '/__emulator/state' && method === 'GET') {
      return json(200, { accountId: state.accountId, mraps: state.list().map((m) => ({ name: m.name, alias: m.alias, status: m.status, regions: m.regions })) });
    }
    return json(404, { error: 'unknown control endpoint; use /__emulator/faults (GET, POST, DELETE) or /__emulator/state' });
  } catch (e) {
    return json(400, { error: e instanceof Error ? e.message : 'bad request' });
  }
}

// ---- STS ---------------------------------------------------------------------------------------------

function sts(state: EmulatorState, params: URLSearchParams, requestId: string): Reply {
  if (params.get('Action') !== 'GetCallerIdentity') {
    throw new ApiError(400, 'InvalidAction', `Could not find operation ${params.get('Action')} for version ${params.get('Version')}`);
  }
  const result = { Arn: `arn:aws:iam::${state.accountId}:user/emulator`, UserId: 'AIDAEMULATOREXAMPLE01', Account: state.accountId };
  return { status: 200, body: buildXml('GetCallerIdentityResponse', { GetCallerIdentityResult: result, ResponseMetadata: { RequestId: requestId } }, STS_NS) };
}

// ---- S3 Control routes -------------------------------------------------------------------------------

interface Route {
  readonly operation: string;
  readonly handler: Handler;
}

function resolveRoute(state: EmulatorState, method: string, path: string): Route | undefined {
  const prefix = '/v20180820/';
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  const async = 'async-requests/mrap/';
  if (rest.startsWith(async)) {
    const what = rest.slice(async.length);
    if (method === 'POST' && what === 'create') return { operation: 'CreateMultiRegionAccessPoint', handler: (r) => createMrap(state, r) };
    if (method === 'POST' && what === 'delete') return { operation: 'DeleteMultiRegionAccessPoint', handler: (r) => deleteMrap(state, r) };
    if (method === 'POST' && what === 'put-policy') return { operation: 'PutMultiRegionAccessPointPolicy', handler: (r) => putPolicy(state, r) };
    if (method === 'GET' && what.length > 0) return { operation: 'DescribeMultiRegionAccessPointOperation', handler: () => describe(state, decodeLabel(what)) };
    return undefined;
  }
  if (rest === 'mrap/instances' && method === 'GET') return { operation: 'ListMultiRegionAccessPoints', handler: (r) => listMraps(state, r) };
  if (!rest.startsWith('mrap/instances/')) return undefined;
  const label = rest.slice('mrap/instances/'.length);
  const suffix = (s: string): string | undefined => (label.endsWith(s) ? decodeLabel(label.slice(0, -s.length)) : undefined);
  const routes = suffix('/routes');
  if (routes !== undefined && method === 'GET') return { operation: 'GetMultiRegionAccessPointRoutes', handler: () => getRoutes(state, routes) };
  if (routes !== undefined && method === 'PATCH') return { operation: 'SubmitMultiRegionAccessPointRoutes', handler: (r) => submitRoutes(state, routes, r.body) };
  if (method !== 'GET') return undefined;
  const policy = suffix('/policy');
  if (policy !== undefined) return { operation: 'GetMultiRegionAccessPointPolicy', handler: () => getPolicy(state, policy) };
  const status = suffix('/policystatus');
  if (status !== undefined) return { operation: 'GetMultiRegionAccessPointPolicyStatus', handler: () => getPolicyStatus(state, status) };
  return { operation: 'GetMultiRegionAccessPoint', handler: () => getMrap(state, decodeLabel(label)) };
}

/** Greedy labels keep their slashes; each segment is percent-encoded on its own. */
function decodeLabel(label: string): string {
  try {
    return label.split('/').map(decodeURIComponent).join('/');
  } catch {
    throw new ApiError(400, 'InvalidURI', 'Could not parse the specified URI.');
  }
}

function ok(root: string, body: XmlNode): Reply {
  return { status: 200, body: buildXml(root, body, S3_NS) };
}

function requestXml(body: string, root: string): XmlElement {
  let doc: XmlElement;
  try {
    doc = parseXml(body);
  } catch {
    throw new ApiError(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
  }
  if (doc.name !== root) throw new ApiError(400, 'MalformedXML', `Expected the root element ${root}, found ${doc.name}.`);
  return doc;
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new ApiError(400, 'InvalidRequest', `Missing required field ${name}.`);
  return value;
}

function clientToken(doc: XmlElement): string {
  const token = required(childText(doc, 'ClientToken'), 'ClientToken');
  if (token.length > 64) throw new ApiError(400, 'InvalidRequest', 'ClientToken must be at most 64 characters.');
  return token;
}

function readBlock(element: XmlElement | undefined): Record<string, boolean> | undefined {
  if (!element) return undefined;
  const out: Record<string, boolean> = {};
  for (const key of ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets']) {
    const text = childText(element, key);
    if (text !== undefined) out[key] = text === 'true';
  }
  return out;
}

function createMrap(state: EmulatorState, r: RequestInfo): Reply {
  const doc = requestXml(r.body, 'CreateMultiRegionAccessPointRequest');
  const details = child(doc, 'Details');
  const name = required(childText(details, 'Name'), 'Details.Name');
  const regions = (child(details, 'Regions')?.children ?? [])
    .filter((c) => c.name === 'Region')
    .map((c) => ({ bucket: required(childText(c, 'Bucket'), 'Region.Bucket'), bucketAccountId: childText(c, 'BucketAccountId') }));
  const arn = state.create({ name, regions, publicAccessBlock: readBlock(child(details, 'PublicAccessBlock')) }, clientToken(doc));
  return ok('CreateMultiRegionAccessPointResult', { RequestTokenARN: arn });
}

function deleteMrap(state: EmulatorState, r: RequestInfo): Reply {
  const doc = requestXml(r.body, 'DeleteMultiRegionAccessPointRequest');
  const name = required(childText(child(doc, 'Details'), 'Name'), 'Details.Name');
  return ok('DeleteMultiRegionAccessPointResult', { RequestTokenARN: state.delete(name, clientToken(doc)) });
}

function putPolicy(state: EmulatorState, r: RequestInfo): Reply {
  const doc = requestXml(r.body, 'PutMultiRegionAccessPointPolicyRequest');
  const details = child(doc, 'Details');
  const name = required(childText(details, 'Name'), 'Details.Name');
  const policy = required(child(details, 'Policy')?.text, 'Details.Policy');
  return ok('PutMultiRegionAccessPointPolicyResult', { RequestTokenARN: state.putPolicy(name, policy, clientToken(doc)) });
}

function regionsXml(regions: readonly { bucket: string; bucketAccountId?: string; region?: string }[]): XmlNode[] {
  return regions.map((r) => ({ Bucket: r.bucket, Region: r.region, BucketAccountId: r.bucketAccountId }));
}

function describe(state: EmulatorState, arn: string): Reply {
  const op: AsyncOperation = state.describe(arn);
  const p = op.parameters;
  const parameters: XmlNode =
    op.operation === 'CreateMultiRegionAccessPoint'
      ? { CreateMultiRegionAccessPointRequest: { Name: p.name, PublicAccessBlock: { ...p.publicAccessBlock }, Regions: { member: 'Region', items: regionsXml(p.regions ?? []) } } }
      : op.operation === 'DeleteMultiRegionAccessPoint'
        ? { DeleteMultiRegionAccessPointRequest: { Name: p.name } }
        : { PutMultiRegionAccessPointPolicyRequest: { Name: p.name, Policy: p.policy } };
  const response: XmlNode | undefined =
    op.error
      ? { ErrorDetails: { Code: op.error.code, Message: op.error.message, Resource: p.name } }
      : op.regionResults
        ? { MultiRegionAccessPointDetails: { Regions: { member: 'Region', items: op.regionResults.map((x) => ({ Name: x.name, RequestStatus: x.status })) } } }
        : undefined;
  return ok('DescribeMultiRegionAccessPointOperationResult', {
    AsyncOperation: {
      CreationTime: op.creationTime,
      Operation: op.operation,
      RequestTokenARN: op.requestTokenArn,
      RequestParameters: parameters,
      RequestStatus: op.status,
      ResponseDetails: response,
    },
  });
}

function reportXml(m: Mrap): XmlNode {
  return {
    Name: m.name,
    Alias: m.alias,
    CreatedAt: m.createdAt,
    PublicAccessBlock: { ...m.publicAccessBlock },
    Status: m.status,
    Regions: { member: 'Region', items: regionsXml(m.regions) },
  };
}

function listMraps(state: EmulatorState, r: RequestInfo): Reply {
  const maxText = r.query.get('maxResults');
  const max = maxText === null ? 100 : Number(maxText);
  if (!Number.isInteger(max) || max < 0 || max > 1000) throw new ApiError(400, 'InvalidRequest', 'maxResults must be an integer from 0 to 1000.');
  const pageSize = max === 0 ? 100 : Math.min(max, 100);
  const token = r.query.get('nextToken');
  let start = 0;
  if (token !== null) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded) throw new ApiError(400, 'InvalidRequest', 'The continuation token provided is incorrect.');
    start = Number(decoded[1]);
  }
  const all = state.list();
  const page = all.slice(start, start + pageSize);
  const next = start + pageSize < all.length ? Buffer.from(`offset:${start + pageSize}`).toString('base64') : undefined;
  return ok('ListMultiRegionAccessPointsResult', { AccessPoints: { member: 'AccessPoint', items: page.map(reportXml) }, NextToken: next });
}

function getMrap(state: EmulatorState, name: string): Reply {
  return ok('GetMultiRegionAccessPointResult', { AccessPoint: reportXml(state.get(name)) });
}

function getPolicy(state: EmulatorState, name: string): Reply {
  const m = state.get(name);
  return ok('GetMultiRegionAccessPointPolicyResult', {
    Policy: { Established: m.established === undefined ? undefined : { Policy: m.established }, Proposed: m.proposed === undefined ? undefined : { Policy: m.proposed } },
  });
}

function getPolicyStatus(state: EmulatorState, name: string): Reply {
  const m = state.get(name);
  return ok('GetMultiRegionAccessPointPolicyStatusResult', { Established: { IsPublic: isPublicPolicy(m.established) } });
}

function getRoutes(state: EmulatorState, arn: string): Reply {
  const m = state.byArn(arn);
  return ok('GetMultiRegionAccessPointRoutesResult', {
    Mrap: state.arnOf(m),
    Routes: { member: 'Route', items: m.regions.map((x) => ({ Bucket: x.bucket, Region: x.region, TrafficDialPercentage: x.trafficDialPercentage })) },
  });
}

function submitRoutes(state: EmulatorState, arn: string, body: string): Reply {
  const doc = requestXml(body, 'SubmitMultiRegionAccessPointRoutesRequest');
  const updates: RouteUpdate[] = (child(doc, 'RouteUpdates')?.children ?? [])
    .filter((c) => c.name === 'Route')
    .map((c) => ({
      bucket: childText(c, 'Bucket'),
      region: childText(c, 'Region'),
      trafficDialPercentage: Number(required(childText(c, 'TrafficDialPercentage'), 'Route.TrafficDialPercentage')),
    }));
  state.submitRoutes(arn, updates);
  return { status: 200, body: '' };
}

