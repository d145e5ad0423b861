/**
 * The explorer tree as plain data: node models and how each looks (label, description, tooltip, icon,
 * contextValue). Pure: no vscode, no SDK; treeProvider.ts turns a Presentation into a TreeItem.
 */
import type { Mrap, MrapRegion, MrapRoute, PublicAccessBlock } from './s3Control';

export type RegionState = 'active' | 'passive' | 'unknown';

export type ExplorerNode =
  | { readonly kind: 'mrap'; readonly mrap: Mrap }
  | { readonly kind: 'region'; readonly mrap: Mrap; readonly region: MrapRegion; readonly route?: MrapRoute }
  | { readonly kind: 'publicAccessBlock'; readonly mrap: Mrap }
  | { readonly kind: 'blockFlag'; readonly mrap: Mrap; readonly flag: keyof PublicAccessBlock; readonly value?: boolean }
  | { readonly kind: 'policy'; readonly mrap: Mrap; readonly isPublic?: boolean }
  | { readonly kind: 'message'; readonly mrap?: Mrap; readonly text: string; readonly detail?: string; readonly error: boolean };

export interface Presentation {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Markdown. */
  readonly tooltip: string;
  /** Codicon id and an optional theme color id. */
  readonly icon: { readonly id: string; readonly color?: string };
  readonly contextValue: string;
  readonly collapsible: 'none' | 'collapsed';
  readonly command?: { readonly command: string; readonly title: string };
}

export const FLAG_LABELS: Readonly<Record<keyof PublicAccessBlock, string>> = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};

const STATUS_TEXT: Readonly<Record<string, string>> = {
  READY: 'Ready',
  CREATING: 'Creating',
  DELETING: 'Deleting',
  PARTIALLY_CREATED: 'Partially created',
  PARTIALLY_DELETED: 'Partially deleted',
  INCONSISTENT_ACROSS_REGIONS: 'Inconsistent across Regions',
};

export function globalEndpointOf(alias: string): string {
  return `${alias}.accesspoint.s3-global.amazonaws.com`;
}

export function consoleUrl(mrap: Pick<Mrap, 'name'>): string {
  return `https://console.aws.amazon.com/s3/mraccesspoint/${encodeURIComponent(mrap.name)}?region=us-west-2`;
}

export function statusText(status: string): string {
  return STATUS_TEXT[status] ?? status;
}

function statusIcon(status: string): Presentation['icon'] {
  if (status === 'READY') return { id: 'pass', color: 'testing.iconPassed' };
  if (status === 'CREATING' || status === 'DELETING') return { id: 'sync~spin' };
  if (status.startsWith('PARTIALLY') || status === 'INCONSISTENT_ACROSS_REGIONS') return { id: 'warning', color: 'list.warningForeground' };
  return { id: 'question' };
}

export function regionState(route: MrapRoute | undefined): RegionState {
  if (!route) return 'unknown';
  return route.trafficDialPercentage > 0 ? 'active' : 'passive';
}

/** Children of an MRAP: one node per Region (with its route, if known), then Public access block and Policy. */
export function mrapChildren(mrap: Mrap, routes: readonly MrapRoute[] | undefined, isPublic?: boolean): ExplorerNode[] {
  const routeOf = (r: MrapRegion): MrapRoute | undefined =>
    routes?.find((x) => (x.bucket !== undefined ? x.bucket === r.bucket : x.region !== undefined && x.region === r.region));
  return [
    ...mrap.regions.map((region): ExplorerNode => ({ kind: 'region', mrap, region, route: routeOf(region) })),
    { kind: 'publicAccessBlock', mrap },
    { kind: 'policy', mrap, isPublic },
  ];
}

export function blockFlags(mrap: Mrap): ExplorerNode[] {
  return (Object.keys(FLAG_LABELS) as (keyof PublicAccessBlock)[]).map((flag) => ({ kind: 'blockFlag', mrap, flag, value: mrap.publicAccessBlock?.[flag] }));
}

function md(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>-])/g, '\\$1');
}

function blockSummary(pab: PublicAccessBlock | undefined): string {
  if (!pab) return 'unknown';
  const on = (Object.keys(FLAG_LABELS) as (keyof PublicAccessBlock)[]).filter((k) => pab[k] === true).length;
  return on === 4 ? 'all blocked' : `${on} of 4 on`;
}

export function present(node: ExplorerNode): Presentation {
  switch (node.kind) {
    case 'mrap': {
      const m = node.mrap;
      const regions = `${m.regions.length} Region${m.regions.length === 1 ? '' : 's'}`;
      return {
        id: `mrap/${m.arn}`,
        label: m.name,
        description: `${statusText(m.status)} · ${regions}`,
        tooltip: [
          `**${md(m.name)}** — ${md(statusText(m.status))}`,
          '',
          `Alias: \`${m.alias}\``,
          '',
          `ARN: \`${m.arn}\``,
          '',
          `Global endpoint: \`${globalEndpointOf(m.alias)}\``,
          '',
          `Created: ${m.createdAt ? m.createdAt.toISOString() : 'unknown'}`,
          '',
          `${regions}: ${m.regions.map((r) => md(r.region ?? r.bucket)).join(', ')}`,
        ].join('\n'),
        icon: statusIcon(m.status),
        contextValue: 'mrap',
        collapsible: 'collapsed',
      };
    }
    case 'region': {
      const { mrap, region, route } = node;
      const state = regionState(route);
      const dial = route ? ` (${route.trafficDialPercentage}%)` : '';
      const crossAccount = region.bucketAccountId && region.bucketAccountId !== mrap.accountId ? ` · account ${region.bucketAccountId}` : '';
      return {
        id: `region/${mrap.arn}/${region.bucket}`,
        label: region.bucket,
        description: `${region.region ?? 'unknown Region'} · ${state}${dial}${crossAccount}`,
        tooltip: [
          `Bucket: \`${region.bucket}\``,
          '',
          `Region: ${region.region ?? 'unknown'}`,
          '',
          `Bucket account: ${region.bucketAccountId ?? mrap.accountId}`,
          '',
          state === 'unknown'
            ? 'Routing: unknown (routes could not be read)'
            : `Routing: **${state}** (traffic dial ${route!.trafficDialPercentage}%)${state === 'passive' ? ' — receives no traffic until set active' : ''}`,
        ].join('\n'),
        icon: state === 'active' ? { id: 'circle-filled', color: 'testing.iconPassed' } : state === 'passive' ? { id: 'circle-outline' } : { id: 'circle-slash' },
        contextValue: `mrapRegion.${state}`,
        collapsible: 'none',
      };
    }
    case 'publicAccessBlock': {
      const pab = node.mrap.publicAccessBlock;
      const summary = blockSummary(pab);
      return {
        id: `pab/${node.mrap.arn}`,
        label: 'Public access block',
        description: summary,
        tooltip: 'Block Public Access settings of this Multi-Region Access Point. They are fixed at creation and cannot be changed.',
        icon: summary === 'all blocked' ? { id: 'shield' } : { id: 'unlock', color: 'list.warningForeground' },
        contextValue: 'mrapPublicAccessBlock',
        collapsible: 'collapsed',
      };
    }
    case 'blockFlag': {
      const value = node.value === undefined ? 'unknown' : node.value ? 'on' : 'off';
      return {
        id: `pab/${node.mrap.arn}/${node.flag}`,
        label: FLAG_LABELS[node.flag],
        description: value,
        tooltip: `${FLAG_LABELS[node.flag]}: ${value}`,
        icon: node.value === true ? { id: 'check' } : node.value === false ? { id: 'close', color: 'list.warningForeground' } : { id: 'question' },
        contextValue: 'mrapBlockFlag',
        collapsible: 'none',
      };
    }
    case 'policy': {
      const description = node.isPublic === undefined ? undefined : node.isPublic ? 'public' : 'not public';
      return {
        id: `policy/${node.mrap.arn}`,
        label: 'Policy',
        description,
        tooltip: 'Open the Multi-Region Access Point policy (read-only JSON).',
        icon: node.isPublic ? { id: 'json', color: 'list.warningForeground' } : { id: 'json' },
        contextValue: 'mrapPolicy',
        collapsible: 'none',
        command: { command: 's3mrap.explorer.openPolicy', title: 'Open Policy' },
      };
    }
    case 'message':
      return {
        id: `message/${node.mrap?.arn ?? ''}/${node.text}`,
        label: node.text,
        description: node.detail,
        tooltip: md(node.detail ?? node.text),
        icon: node.error ? { id: 'error', color: 'list.errorForeground' } : { id: 'info' },
        contextValue: 'mrapMessage',
        collapsible: 'none',
      };
  }
}

/** The Regions a Set Region Passive would leave active; refusing is kinder than AWS's InvalidRequest. */
export function activeAfter(routes: readonly MrapRoute[], bucket: string, makeActive: boolean): number {
  return routes.filter((r) => (r.bucket === bucket ? makeActive : r.trafficDialPercentage > 0)).length;
}

/** Input for the `s3mrap.simulateRouting` command. */
export interface SimulationInput {
  readonly name: string;
  readonly regions: readonly { readonly bucket: string; readonly region?: string; readonly state: RegionState }[];
}

export function simulationInput(mrap: Mrap, routes: readonly MrapRoute[] | undefined): SimulationInput {
  return {
    name: mrap.name,
    regions: mrapChildren(mrap, routes)
      .filter((n): n is Extract<ExplorerNode, { kind: 'region' }> => n.kind === 'region')
      .map((n) => ({ bucket: n.region.bucket, region: n.region.region, state: regionState(n.route) })),
  };
}

/** A read-only JSON summary for Show Details. */
export function details(mrap: Mrap, routes: readonly MrapRoute[] | undefined, isPublic: boolean | undefined): string {
  return `${JSON.stringify(
    {
      Name: mrap.name,
      Alias: mrap.alias,
      Arn: mrap.arn,
      GlobalEndpoint: globalEndpointOf(mrap.alias),
      Status: mrap.status,
      CreatedAt: mrap.createdAt?.toISOString(),
      PublicAccessBlock: mrap.publicAccessBlock,
      PolicyIsPublic: isPublic,
      Regions: mrap.regions.map((r) => {
        const route = routes?.find((x) => x.bucket === r.bucket);
        return { Bucket: r.bucket, Region: r.region, BucketAccountId: r.bucketAccountId, Routing: regionState(route), TrafficDialPercentage: route?.trafficDialPercentage };
      }),
    },
    null,
    2,
  )}\n`;
}
