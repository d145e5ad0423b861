/** Injected faults: what the emulator does instead of (or before) answering a request. */

export type FaultKind = 'accessDenied' | 'throttle' | 'latency' | 'drop' | 'expiredToken';
export const FAULT_KINDS: readonly FaultKind[] = ['accessDenied', 'throttle', 'latency', 'drop', 'expiredToken'];

export interface Fault {
  readonly kind: FaultKind;
  /** Operation name (e.g. ListMultiRegionAccessPoints, GetCallerIdentity); all operations when absent. */
  readonly operation?: string;
  /** How many requests it affects; unlimited when absent. */
  count?: number;
  /** Delay for `latency` (default 1000 ms). */
  readonly ms?: number;
  /** Overrides the error message (tests use it to check that clients do not echo secrets). */
  readonly message?: string;
}

export function parseFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw new Error('a fault is a JSON object');
  const v = value as Record<string, unknown>;
  if (typeof v.kind !== 'string' || !FAULT_KINDS.includes(v.kind as FaultKind)) {
    throw new Error(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  const optionalNumber = (key: string): number | undefined => {
    if (v[key] === undefined) return undefined;
    if (typeof v[key] !== 'number' || !Number.isFinite(v[key]) || (v[key] as number) < 0) throw new Error(`fault.${key} must be a non-negative number`);
    return v[key] as number;
  };
  const optionalString = (key: string): string | undefined => {
    if (v[key] === undefined) return undefined;
    if (typeof v[key] !== 'string') throw new Error(`fault.${key} must be a string`);
    return v[key] as string;
  };
  return { kind: v.kind as FaultKind, operation: optionalString('operation'), count: optionalNumber('count'), ms: optionalNumber('ms'), message: optionalString('message') };
}

/** CLI form: `kind[:count][@Operation]`, e.g. `throttle:2@ListMultiRegionAccessPoints`, `latency=300`. */
export function parseFaultFlag(flag: string): Fault {
  const m = /^([a-zA-Z]+)(?:=(\d+))?(?::(\d+))?(?:@([A-Za-z]+))?$/.exec(flag);
  if (!m) throw new Error(`cannot read fault ${JSON.stringify(flag)}; expected kind[=ms][:count][@Operation]`);
  return parseFault({ kind: m[1], ms: m[2] ? Number(m[2]) : undefined, count: m[3] ? Number(m[3]) : undefined, operation: m[4] });
}

export class FaultList {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  /** Takes the faults that apply to one request (consuming their counts): total latency, then at most one failure. */
  take(operation: string): { latencyMs: number; failure?: Fault } {
    let latencyMs = 0;
    let failure: Fault | undefined;
    for (const f of this.faults) {
      if (f.operation && f.operation !== operation) continue;
      if (f.count !== undefined && f.count <= 0) continue;
      if (f.kind === 'latency') latencyMs += f.ms ?? 1000;
      else if (failure) continue;
      else failure = f;
      if (f.count !== undefined) f.count -= 1;
    }
    this.faults = this.faults.filter((f) => f.count === undefined || f.count > 0);
    return { latencyMs, failure };
  }
}
