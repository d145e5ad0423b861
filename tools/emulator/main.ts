/**
 * `npm run emulator -- [--port 4510] [--seed file.json] [--async-delay ms] [--fault kind[=ms][:count][@Operation]]...`
 * Starts the S3 Control emulator on 127.0.0.1 until interrupted.
 */
import * as fs from 'node:fs';
import { parseFaultFlag, type Fault } from './faults';
import type { Seed } from './seed';
import { startEmulator } from './server';

const USAGE = 'usage: npm run emulator -- [--port 4510] [--seed file.json] [--async-delay ms] [--fault kind[=ms][:count][@Operation]]... [--quiet]';

interface Args {
  port: number;
  seed?: Seed;
  asyncDelayMs: number;
  faults: Fault[];
  quiet: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { port: 4510, asyncDelayMs: 0, faults: [], quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') args.port = Number(value());
    else if (flag === '--seed') args.seed = JSON.parse(fs.readFileSync(value(), 'utf8')) as Seed;
    else if (flag === '--async-delay') args.asyncDelayMs = Number(value());
    else if (flag === '--fault') args.faults.push(parseFaultFlag(value()));
    else if (flag === '--quiet') args.quiet = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${flag}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port must be 0..65535');
  return args;
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    process.exit(2);
  }
  const emulator = await startEmulator({
    port: args.port,
    seed: args.seed,
    asyncDelayMs: args.asyncDelayMs,
    faults: args.faults,
    log: args.quiet ? undefined : (line) => console.log(line),
  });
  const names = emulator.state.list().map((m) => m.name);
  console.log(`S3 Control emulator for account ${emulator.state.accountId} on ${emulator.url} (${names.length} MRAPs: ${names.join(', ')})`);
  console.log(`Faults: POST ${emulator.url}/__emulator/faults {"kind":"throttle","count":2}; DELETE to clear.`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
