/** Seed data for the emulator: the account, its buckets and its Multi-Region Access Points. */

export interface SeedBucket {
  readonly name: string;
  readonly region: string;
  /** Owner account; defaults to the seeded account. */
  readonly accountId?: string;
}

export interface SeedRegion {
  readonly bucket: string;
  readonly bucketAccountId?: string;
  /** 100 = active (default), 0 = passive. */
  readonly trafficDialPercentage?: number;
}

export interface SeedPublicAccessBlock {
  readonly BlockPublicAcls?: boolean;
  readonly IgnorePublicAcls?: boolean;
  readonly BlockPublicPolicy?: boolean;
  readonly RestrictPublicBuckets?: boolean;
}

export interface SeedMrap {
  readonly name: string;
  readonly regions: readonly SeedRegion[];
  readonly policy?: unknown;
  readonly publicAccessBlock?: SeedPublicAccessBlock;
  /** Defaults to READY. */
  readonly status?: string;
  readonly alias?: string;
  readonly createdAt?: string;
}

export interface Seed {
  readonly accountId: string;
  readonly buckets: readonly SeedBucket[];
  readonly mraps: readonly SeedMrap[];
}

const ACCOUNT = '111122223333';

/** What `npm run emulator` serves without --seed: three MRAPs, one active-passive, one cross-account. */
export const SAMPLE_SEED: Seed = {
  accountId: ACCOUNT,
  buckets: [
    { name: 'orders-use1', region: 'us-east-1' },
    { name: 'orders-euw1', region: 'eu-west-1' },
    { name: 'orders-apse2', region: 'ap-southeast-2' },
    { name: 'media-usw2', region: 'us-west-2' },
    { name: 'media-euc1', region: 'eu-central-1' },
    { name: 'shared-apne1', region: 'ap-northeast-1', accountId: '444455556666' },
    { name: 'logs-use2', region: 'us-east-2' },
  ],
  mraps: [
    {
      name: 'orders-global',
      regions: [{ bucket: 'orders-use1' }, { bucket: 'orders-euw1' }, { bucket: 'orders-apse2', trafficDialPercentage: 0 }],
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap/object/*`,
          },
        ],
      },
      alias: 'mfzwi23gnjvgw.mrap',
      createdAt: '2025-03-14T09:26:53Z',
    },
    {
      name: 'media-active-active',
      regions: [{ bucket: 'media-usw2' }, { bucket: 'media-euc1' }],
      createdAt: '2025-06-01T12:00:00Z',
    },
    {
      name: 'shared-cross-account',
      regions: [{ bucket: 'logs-use2' }, { bucket: 'shared-apne1', bucketAccountId: '444455556666' }],
      createdAt: '2026-01-20T08:30:00Z',
    },
  ],
};

/** `count` MRAPs named mrap-000.. over three shared buckets (a bucket may serve several MRAPs). */
export function manyMrapsSeed(count: number, accountId = ACCOUNT): Seed {
  const buckets = [
    { name: 'many-use1', region: 'us-east-1' },
    { name: 'many-euw1', region: 'eu-west-1' },
    { name: 'many-apne1', region: 'ap-northeast-1' },
  ];
  return {
    accountId,
    buckets,
    mraps: Array.from({ length: count }, (_, i) => ({
      name: `mrap-${String(i).padStart(3, '0')}`,
      regions: buckets.map((b, j) => ({ bucket: b.name, trafficDialPercentage: j === 2 && i % 2 === 0 ? 0 : 100 })),
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    })),
  };
}
