/**
 * The explorer's S3 Control API against the bundled emulator, through the real AWS SDK, with credentials
 * from temporary shared config/credentials files.
 */
import * as assert from 'node:assert/strict';
import { listProfiles } from '../../../client/src/explorer/credentials';
import { ExplorerError } from '../../../client/src/explorer/errors';
import { MrapApi, type S3ControlOptions } from '../../../client/src/explorer/s3Control';
import { manyMrapsSeed } from '../../../tools/emulator/seed';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/server';
import { SECRETS, useEmulator } from './awsSandbox';

const ACCOUNT = '111122223333';
const ORDERS_ARN = `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap`;

async function rejection(promise: Promise<unknown>): Promise<ExplorerError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof ExplorerError, `expected an ExplorerError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}

describe('explorer: s3Control against the emulator', function () {
  let emulator: RunningEmulator;
  const apis: MrapApi[] = [];
  const api = (options: S3ControlOptions = {}): MrapApi => {
    const a = new MrapApi({ endpoint: emulator.url, ...options });
    apis.push(a);
    return a;
  };
  const ops = (operation: string) => emulator.requests.filter((r) => r.operation === operation);

  useEmulator((e) => {
    emulator = e;
  });
    afterEach(() => {
    for (const a of apis.splice(0)) a.dispose();
  });

  describe('operations', () => {
    it('gets the account id from STS once per profile', async () => {
      const a = api();
      const [first, second] = await Promise.all([a.getAccountId(), a.getAccountId()]);
      assert.equal(first, ACCOUNT);
      assert.equal(second, ACCOUNT);
      await api().getAccountId();
      assert.equal(ops('GetCallerIdentity').length, 1);
      await api({ profile: 'team' }).getAccountId();
      assert.equal(ops('GetCallerIdentity').length, 2);
    });

    it('lists every MRAP with alias, ARN, status, creation time and Regions, from us-west-2', async () => {
      const mraps = await api().listMraps();
      assert.deepEqual(mraps.map((m) => m.name), ['media-active-active', 'orders-global', 'shared-cross-account']);
      const orders = mraps.find((m) => m.name === 'orders-global')!;
      assert.equal(orders.alias, 'mfzwi23gnjvgw.mrap');
      assert.equal(orders.arn, ORDERS_ARN);
      assert.equal(orders.status, 'READY');
      assert.equal(orders.createdAt?.toISOString(), '2025-03-14T09:26:53.000Z');
      assert.deepEqual(orders.regions.map((r) => `${r.bucket}@${r.region}/${r.bucketAccountId}`), [
        `orders-use1@us-east-1/${ACCOUNT}`,
        `orders-euw1@eu-west-1/${ACCOUNT}`,
        `orders-apse2@ap-southeast-2/${ACCOUNT}`,
      ]);
      assert.deepEqual(orders.publicAccessBlock, { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
      const cross = mraps.find((m) => m.name === 'shared-cross-account')!;
      assert.equal(cross.regions.find((r) => r.bucket === 'shared-apne1')?.bucketAccountId, '444455556666');
      assert.deepEqual([...new Set(ops('ListMultiRegionAccessPoints').map((r) => r.signingRegion))], ['us-west-2']);
    });

    it('gets one MRAP, and reports an unknown one as NotFound', async () => {
      const a = api();
      const m = await a.getMrap('media-active-active');
      assert.equal(m.regions.length, 2);
      const e = await rejection(a.getMrap('no-such-mrap'));
      assert.equal(e.kind, 'NotFound');
      assert.equal(e.code, 'NoSuchMultiRegionAccessPoint');
    });

    it('reads routes from the first failover-control Region', async () => {
      const routes = await api().getRoutes({ name: 'orders-global', arn: ORDERS_ARN });
      assert.deepEqual(routes, [
        { bucket: 'orders-use1', region: 'us-east-1', trafficDialPercentage: 100 },
        { bucket: 'orders-euw1', region: 'eu-west-1', trafficDialPercentage: 100 },
        { bucket: 'orders-apse2', region: 'ap-southeast-2', trafficDialPercentage: 0 },
      ]);
      assert.deepEqual(ops('GetMultiRegionAccessPointRoutes').map((r) => r.signingRegion), ['us-east-1']);
    });

    it('submits route updates, and AWS refuses to make every Region passive', async () => {
      const a = api();
      const mrap = { name: 'orders-global', arn: ORDERS_ARN };
      await a.submitRoutes(mrap, [{ bucket: 'orders-apse2', trafficDialPercentage: 100 }, { bucket: 'orders-use1', trafficDialPercentage: 0 }]);
      const after = await a.getRoutes(mrap);
      assert.deepEqual(after.map((r) => `${r.bucket}=${r.trafficDialPercentage}`), ['orders-use1=0', 'orders-euw1=100', 'orders-apse2=100']);
      const e = await rejection(a.submitRoutes(mrap, [{ bucket: 'orders-euw1', trafficDialPercentage: 0 }, { bucket: 'orders-apse2', trafficDialPercentage: 0 }]));
      assert.equal(e.code, 'InvalidRequest');
      assert.match(e.message, /remain active/);
      await a.submitRoutes(mrap, [{ bucket: 'orders-use1', trafficDialPercentage: 100 }, { bucket: 'orders-apse2', trafficDialPercentage: 0 }]);
    });

    it('reads the policy and its public status', async () => {
      const a = api();
      const policy = await a.getPolicy('orders-global');
      assert.equal((JSON.parse(policy.established!) as { Version: string }).Version, '2012-10-17');
      assert.equal(policy.proposed, undefined);
      assert.deepEqual(await a.getPolicyStatus('orders-global'), { isPublic: false });
      assert.deepEqual(await a.getPolicy('media-active-active'), { established: undefined, proposed: undefined });
    });

    it('lists 100 MRAPs across pages', async () => {
      const many = await startEmulator({ seed: manyMrapsSeed(100) });
      try {
        const a = new MrapApi({ endpoint: many.url, pageSize: 30 });
        apis.push(a);
        const mraps = await a.listMraps();
        assert.equal(mraps.length, 100);
        assert.equal(new Set(mraps.map((m) => m.name)).size, 100);
        assert.equal(many.requests.filter((r) => r.operation === 'ListMultiRegionAccessPoints').length, 4);
      } finally {
        await many.close();
      }
    });
  });

  describe('faults', () => {
    it('retries throttling (503 SlowDown) with backoff and then succeeds', async () => {
      emulator.faults.add({ kind: 'throttle', count: 2, operation: 'ListMultiRegionAccessPoints' });
      const mraps = await api({ maxAttempts: 3 }).listMraps();
      assert.equal(mraps.length, 3);
      assert.deepEqual(ops('ListMultiRegionAccessPoints').map((r) => r.status), [503, 503, 200]);
    });

    it('reports persistent throttling as Throttled', async () => {
      emulator.faults.add({ kind: 'throttle', operation: 'ListMultiRegionAccessPoints' });
      const e = await rejection(api({ maxAttempts: 2 }).listMraps());
      assert.equal(e.kind, 'Throttled');
      assert.equal(e.code, 'SlowDown');
    });

    it('reports AccessDenied', async () => {
      emulator.faults.add({ kind: 'accessDenied', operation: 'GetMultiRegionAccessPointPolicy' });
      const e = await rejection(api().getPolicy('orders-global'));
      assert.equal(e.kind, 'AccessDenied');
      assert.match(e.message, /reading the policy of orders-global/);
    });

    it('reports an expired session token as ExpiredSso', async () => {
      emulator.faults.add({ kind: 'expiredToken', operation: 'GetCallerIdentity' });
      const e = await rejection(api().listMraps());
      assert.equal(e.kind, 'ExpiredSso');
    });

    it('waits out latency', async () => {
      emulator.faults.add({ kind: 'latency', ms: 300, count: 1, operation: 'GetMultiRegionAccessPoint' });
      const a = api();
      await a.getAccountId();
      const started = Date.now();
      await a.getMrap('orders-global');
      assert.ok(Date.now() - started >= 290, `took ${Date.now() - started} ms`);
    });

    it('reports dropped connections as Network', async () => {
      emulator.faults.add({ kind: 'drop', operation: 'ListMultiRegionAccessPoints' });
      const e = await rejection(api({ maxAttempts: 2 }).listMraps());
      assert.equal(e.kind, 'Network');
      assert.deepEqual(ops('ListMultiRegionAccessPoints').map((r) => r.status), [0, 0]);
    });

    it('moves route calls to the next failover-control Region on a network failure', async () => {
      emulator.faults.add({ kind: 'drop', count: 1, operation: 'GetMultiRegionAccessPointRoutes' });
      const routes = await api({ maxAttempts: 1 }).getRoutes({ name: 'orders-global', arn: ORDERS_ARN });
      assert.equal(routes.length, 3);
      assert.deepEqual(ops('GetMultiRegionAccessPointRoutes').map((r) => `${r.signingRegion}:${r.status}`), ['us-east-1:0', 'us-west-2:200']);
    });

    it('reports an unreachable endpoint as Network', async () => {
      const closed = await startEmulator();
      const url = closed.url;
      await closed.close();
      const e = await rejection(new MrapApi({ endpoint: url, maxAttempts: 1 }).getAccountId());
      assert.equal(e.kind, 'Network');
    });
  });

  describe('profiles and credentials', () => {
    it('lists profiles from both files, SSO profiles included, default first', () => {
      const profiles = listProfiles();
      assert.deepEqual(profiles.map((p) => `${p.name}:${p.kind}`), [
        'default:static',
        'assume:assumeRole',
        'creds-only:static',
        'empty:other',
        'sso-expired:sso',
        'sso-new:sso',
        'team:static',
      ]);
      assert.deepEqual(profiles.find((p) => p.name === 'team')?.files, ['config', 'credentials']);
    });

    it('signs with the chosen profile, or the default chain', async () => {
      await api({ profile: 'team' }).listMraps();
      await api().listMraps();
      const keys = emulator.requests.map((r) => r.accessKeyId);
      assert.ok(keys.includes(SECRETS.teamKeyId));
      assert.ok(keys.includes(SECRETS.defaultKeyId));
    });

    it('reports a profile without credentials, or an unknown one, as NoCredentials', async () => {
      assert.equal((await rejection(api({ profile: 'empty' }).listMraps())).kind, 'NoCredentials');
      assert.equal((await rejection(api({ profile: 'does-not-exist' }).listMraps())).kind, 'NoCredentials');
      assert.equal(emulator.requests.length, 0);
    });

    it('reports an expired SSO session as ExpiredSso without calling AWS', async () => {
      const e = await rejection(api({ profile: 'sso-expired' }).listMraps());
      assert.equal(e.kind, 'ExpiredSso');
      assert.equal(emulator.requests.length, 0);
    });

    it('never puts credentials or tokens in error messages', async () => {
      const leak = `key ${SECRETS.teamKeyId} secret ${SECRETS.teamSecret} token ${SECRETS.teamSessionToken} sso ${SECRETS.ssoAccessToken}`;
      emulator.faults.add({ kind: 'accessDenied', operation: 'GetCallerIdentity', count: 1, message: `Denied: ${leak}` });
      const errors = [
        await rejection(api({ profile: 'team' }).listMraps()),
        await rejection(api({ profile: 'sso-expired' }).listMraps()),
        await rejection(api({ profile: 'empty' }).listMraps()),
      ];
      emulator.faults.add({ kind: 'throttle', message: `Slow down ${SECRETS.defaultSecret}` });
      errors.push(await rejection(api({ maxAttempts: 1 }).listMraps()));
      assert.equal(errors[0]!.kind, 'AccessDenied');
      for (const e of errors) {
        for (const text of [e.message, String(e), e.stack ?? '', JSON.stringify(e)]) {
          for (const secret of Object.values(SECRETS)) assert.ok(!text.includes(secret), `leaked ${secret.slice(0, 8)}… in: ${text}`);
          assert.doesNotMatch(text, /\n\s+at /, 'no stack frames');
        }
      }
    });
  });
});
