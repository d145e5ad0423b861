/** The emulator validates like S3 Control and runs Create/Delete/PutPolicy asynchronously. */
import * as assert from 'node:assert/strict';
import {
  CreateMultiRegionAccessPointCommand,
  DeleteMultiRegionAccessPointCommand,
  DescribeMultiRegionAccessPointOperationCommand,
  GetMultiRegionAccessPointCommand,
  PutMultiRegionAccessPointPolicyCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import * as http from 'node:http';
import { parseXml } from '../../../tools/emulator/xml';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/server';
import type { Seed } from '../../../tools/emulator/seed';
import { ApiError, EmulatorState } from '../../../tools/emulator/state';

const AccountId = '111122223333';
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ap-south-1', 'ap-northeast-3', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ca-central-1', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-north-1', 'sa-east-1', 'af-south-1'];
const SEED: Seed = {
  accountId: AccountId,
  buckets: [...REGIONS.map((r) => ({ name: `b-${r}`, region: r })), { name: 'second-use1', region: 'us-east-1' }],
  mraps: [],
};

function rawRequest(url: string, method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('emulator: S3 Control validation and async operations', () => {
  let emulator: RunningEmulator;
  let client: S3ControlClient;
  const create = (Name: string, buckets: string[]) =>
    client.send(new CreateMultiRegionAccessPointCommand({ AccountId, Details: { Name, Regions: buckets.map((Bucket) => ({ Bucket })) } }));
  const describeOp = async (RequestTokenARN: string) => (await client.send(new DescribeMultiRegionAccessPointOperationCommand({ AccountId, RequestTokenARN }))).AsyncOperation!;
  const failure = async (p: Promise<unknown>): Promise<{ name: string; status?: number }> => {
    try {
      await p;
    } catch (e) {
      const err = e as { name: string; $metadata?: { httpStatusCode?: number } };
      return { name: err.name, status: err.$metadata?.httpStatusCode };
    }
    assert.fail('expected an error');
  };

  before(async () => {
    emulator = await startEmulator({ seed: SEED, asyncDelayMs: 60_000 });
    client = new S3ControlClient({
      region: 'us-west-2',
      endpointProvider: () => ({ url: new URL(emulator.url) }),
      disableHostPrefix: true,
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'test' },
    });
  });
  after(async () => {
    client.destroy();
    await emulator.close();
  });

  it('creates asynchronously: the MRAP does not exist while the operation is IN_PROGRESS', async () => {
    const { RequestTokenARN } = await create('two-regions', ['b-us-east-1', 'b-eu-west-1']);
    assert.match(RequestTokenARN!, /^arn:aws:s3:us-west-2:111122223333:async-request\/mrap\/create\//);
    assert.equal((await describeOp(RequestTokenARN!)).RequestStatus, 'IN_PROGRESS');
    assert.equal((await failure(client.send(new GetMultiRegionAccessPointCommand({ AccountId, Name: 'two-regions' })))).name, 'NoSuchMultiRegionAccessPoint');
  });

  it('completes operations after the async delay', async () => {
    emulator.state.asyncDelayMs = 0;
    try {
      const { RequestTokenARN } = await create('quick-one', ['b-us-east-1']);
      const op = await describeOp(RequestTokenARN!);
      assert.equal(op.RequestStatus, 'SUCCESS');
      assert.equal(op.RequestParameters?.CreateMultiRegionAccessPointRequest?.Name, 'quick-one');
      const got = await client.send(new GetMultiRegionAccessPointCommand({ AccountId, Name: 'quick-one' }));
      assert.equal(got.AccessPoint?.Status, 'READY');
      assert.match(got.AccessPoint!.Alias!, /^[a-z][a-z0-9]*\.mrap$/);
      const put = await client.send(new PutMultiRegionAccessPointPolicyCommand({ AccountId, Details: { Name: 'quick-one', Policy: '{"Version":"2012-10-17","Statement":[]}' } }));
      assert.equal((await describeOp(put.RequestTokenARN!)).RequestStatus, 'SUCCESS');
      const del = await client.send(new DeleteMultiRegionAccessPointCommand({ AccountId, Details: { Name: 'quick-one' } }));
      assert.equal((await describeOp(del.RequestTokenARN!)).RequestStatus, 'SUCCESS');
      assert.equal((await failure(client.send(new GetMultiRegionAccessPointCommand({ AccountId, Name: 'quick-one' })))).status, 404);
    } finally {
      emulator.state.asyncDelayMs = 60_000;
    }
  });

  it('rejects bad names and more than 17 Regions synchronously', async () => {
    for (const name of ['Bad_Name', '-lead', 'ab', 'x'.repeat(51)]) {
      assert.deepEqual(await failure(create(name, ['b-us-east-1'])), { name: 'InvalidRequest', status: 400 });
    }
    assert.deepEqual(await failure(create('too-many', REGIONS.map((r) => `b-${r}`))), { name: 'InvalidRequest', status: 400 });
    assert.deepEqual(await failure(create('none', [])), { name: 'InvalidRequest', status: 400 });
  });

  it('fails the async operation for a missing bucket or two buckets in one Region', async () => {
    emulator.state.asyncDelayMs = 0;
    try {
      const missing = await describeOp((await create('missing-bucket', ['b-us-east-1', 'nope']))!.RequestTokenARN!);
      assert.equal(missing.RequestStatus, 'FAILED');
      assert.equal(missing.ResponseDetails?.ErrorDetails?.Code, 'NoSuchBucket');
      const same = await describeOp((await create('same-region', ['b-us-east-1', 'second-use1']))!.RequestTokenARN!);
      assert.equal(same.RequestStatus, 'FAILED');
      assert.match(same.ResponseDetails?.ErrorDetails?.Message ?? '', /one bucket per Region/);
      const ok = await describeOp((await create('seventeen', REGIONS.slice(0, 17).map((r) => `b-${r}`)))!.RequestTokenARN!);
      assert.equal(ok.RequestStatus, 'SUCCESS');
    } finally {
      emulator.state.asyncDelayMs = 60_000;
    }
  });

  it('answers errors with the S3 Control XML error body and refuses unsigned requests', async () => {
    const res = await rawRequest(emulator.url, 'GET', '/v20180820/mrap/instances/x', { 'x-amz-account-id': AccountId });
    assert.equal(res.status, 403);
    const doc = parseXml(res.body);
    assert.equal(doc.name, 'Error');
    assert.deepEqual(doc.children.map((c) => c.name), ['Code', 'Message', 'RequestId', 'HostId']);
    assert.equal(doc.children[0]!.text, 'AccessDenied');
  });

  it('takes faults through the control endpoint', async () => {
    const add = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ kind: 'throttle', count: 1, operation: 'GetMultiRegionAccessPoint' }));
    });
    assert.equal(add, 200);
    assert.deepEqual(await failure(client.send(new GetMultiRegionAccessPointCommand({ AccountId, Name: 'x' }))), { name: 'SlowDown', status: 503 });
    assert.equal((await failure(client.send(new GetMultiRegionAccessPointCommand({ AccountId, Name: 'x' })))).name, 'NoSuchMultiRegionAccessPoint');
  });

  it('applies route rules: known bucket or Region, 0-100, one Region stays active, failover needs two Regions', () => {
    const state = new EmulatorState({
      ...SEED,
      mraps: [
        { name: 'two', regions: [{ bucket: 'b-us-east-1' }, { bucket: 'b-eu-west-1' }] },
        { name: 'one', regions: [{ bucket: 'b-us-east-1' }] },
      ],
    });
    const arn = (name: string) => state.arnOf(state.get(name));
    const code = (f: () => void): string => {
      try {
        f();
      } catch (e) {
        assert.ok(e instanceof ApiError);
        return `${e.status} ${e.code}`;
      }
      return 'ok';
    };
    assert.equal(code(() => state.submitRoutes(arn('two'), [{ region: 'eu-west-1', trafficDialPercentage: 0 }])), 'ok');
    assert.equal(code(() => state.submitRoutes(arn('two'), [{ bucket: 'b-us-east-1', trafficDialPercentage: 0 }])), '400 InvalidRequest');
    assert.equal(code(() => state.submitRoutes(arn('two'), [{ bucket: 'b-us-east-1', region: 'eu-west-1', trafficDialPercentage: 100 }])), '400 InvalidRequest');
    assert.equal(code(() => state.submitRoutes(arn('two'), [{ bucket: 'b-sa-east-1', trafficDialPercentage: 100 }])), '400 InvalidRequest');
    assert.equal(code(() => state.submitRoutes(arn('two'), [{ bucket: 'b-eu-west-1', trafficDialPercentage: 101 }])), '400 InvalidRequest');
    assert.equal(code(() => state.submitRoutes(arn('one'), [{ bucket: 'b-us-east-1', trafficDialPercentage: 100 }])), '405 MethodNotAllowed');
    assert.equal(code(() => state.submitRoutes('arn:aws:s3::111122223333:accesspoint/nope.mrap', [{ bucket: 'b-us-east-1', trafficDialPercentage: 100 }])), '404 NoSuchMultiRegionAccessPoint');
    assert.equal(code(() => state.submitRoutes('not-an-arn', [{ bucket: 'b-us-east-1', trafficDialPercentage: 100 }])), '400 InvalidRequest');
    assert.deepEqual(state.get('two').regions.map((r) => r.trafficDialPercentage), [100, 0]);
  });
});
