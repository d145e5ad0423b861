import { parseSource, type Span } from '../../../server/src/core';
import { mrapsFromTemplate, type MrapRegion, type ReplicationInput } from '../../../server/src/core/routing';

/** The scenario the panel shows (the webview validates it again: client/webview/scenario.ts). */
export interface PanelScenario {
  readonly name: string;
  readonly regions: MrapRegion[];
  readonly from: string;
  readonly failOpen: boolean;
  readonly replication?: ReplicationInput | undefined;
}

export interface MrapInFile {
  readonly logicalId: string;
  /** The MRAP's `Name`, when the file states it. */
  readonly name?: string | undefined;
  readonly label: string;
  readonly idSpan: Span;
}

/** The MRAPs of a document, for CodeLenses and pickers. Pure: text in, data out. */
export function mrapsInText(text: string, fileName: string): MrapInFile[] {
  const template = parseSource(text, { fileName });
  if (!template) return [];
  return template.resources
    .filter((r) => r.type === 'AWS::S3::MultiRegionAccessPoint')
    .map((r) => {
      const m = mrapsFromTemplate(template).find((x) => x.logicalId === r.logicalId);
      return { logicalId: r.logicalId, name: m?.name, label: m?.name ? `${r.logicalId} (${m.name})` : r.logicalId, idSpan: r.idSpan };
    });
}

export type ScenarioResult = { ok: true; scenario: PanelScenario } | { ok: false; unknownBuckets: string[]; message: string };

/** Builds the panel scenario for one MRAP; buckets whose Region is not knowable are reported. */
export function scenarioFor(text: string, fileName: string, logicalId: string, regionOf: Readonly<Record<string, string>>, from: string): ScenarioResult {
  const template = parseSource(text, { fileName });
  const mrap = template ? mrapsFromTemplate(template, regionOf).find((m) => m.logicalId === logicalId) : undefined;
  if (!mrap) return { ok: false, unknownBuckets: [], message: `no Multi-Region Access Point '${logicalId}' in this file` };
  if (mrap.regions.length === 0) return { ok: false, unknownBuckets: [], message: `${logicalId} has no statically known Regions` };
  const unknown = mrap.regions.filter((r) => !r.region).map((r) => r.bucket);
  if (unknown.length > 0) return { ok: false, unknownBuckets: unknown, message: `cannot tell the Region of ${unknown.join(', ')}` };
  return {
    ok: true,
    scenario: {
      name: mrap.name ?? mrap.logicalId,
      regions: mrap.regions.map((r) => ({ region: r.region ?? '', bucket: r.bucket, state: 'active' })),
      from,
      failOpen: false,
      replication: mrap.replication,
    },
  };
}
