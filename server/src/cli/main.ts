import { ALL_RULES } from '../core';
import { runCheck } from './check';
import { processIo, type Io } from './io';
import { simulateCommand } from './simulate';

declare const S3MRAP_VERSION: string | undefined;
const VERSION = typeof S3MRAP_VERSION === 'string' ? S3MRAP_VERSION : '0.0.0-dev';

const USAGE = `usage: s3mrap check [--format text|json|sarif] [--region <stack region>] <files or folders>...
       s3mrap simulate <file> --from <city | lat,lon | region> [options]   estimate MRAP routing (simulate --help)
       s3mrap rules            list the rules
       s3mrap --version

Checks S3 Multi-Region Access Points and replication in CloudFormation/SAM templates (YAML, JSON),
AWS CDK apps (TypeScript, JavaScript) and AWS CLI input files.
Exit status: 0 no error found, 1 errors found, 2 usage or I/O problem.`;

type Command = (args: string[], io: Io) => number;

const commands: Record<string, Command> = {
  check(args, io) {
    let format: 'text' | 'json' | 'sarif' = 'text';
    let stackRegion: string | undefined;
    const paths: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? '';
      const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (flag === '--format' || flag === '-f') {
        const v = inline ?? args[++i];
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return usage(io, `--format must be text, json or sarif (got '${v ?? ''}')`);
        format = v;
      } else if (flag === '--region') {
        stackRegion = inline ?? args[++i];
        if (!stackRegion) return usage(io, '--region needs a Region code');
      } else if (a.startsWith('-')) return usage(io, `unknown option '${a}'`);
      else paths.push(a);
    }
    if (paths.length === 0) return usage(io, 'check needs at least one file or folder');
    return runCheck({ format, paths, stackRegion }, io, VERSION);
  },
  rules(_args, io) {
    for (const r of ALL_RULES) io.out(`${r.id.padEnd(48)} ${r.severity.padEnd(8)} ${r.catalogue.padEnd(6)} ${r.title}`);
    return 0;
  },
};

function usage(io: Io, problem?: string): number {
  if (problem) io.err(`s3mrap: ${problem}`);
  io.err(USAGE);
  return 2;
}

/** Registers a subcommand (the routing simulation adds `simulate`). */
export function addCommand(name: string, command: Command): void {
  commands[name] = command;
}

export function main(argv: string[], io: Io = processIo): number {
  const [cmd, ...rest] = argv;
  if (cmd === '--version' || cmd === '-v') {
    io.out(VERSION);
    return 0;
  }
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    if (!cmd) return usage(io, 'missing command');
    io.out(USAGE);
    return 0;
  }
  const command = commands[cmd];
  if (!command) return usage(io, `unknown command '${cmd}'`);
  try {
    return command(rest, io);
  } catch (e) {
    io.err(`s3mrap: internal error: ${(e as Error).message}`);
    return 2;
  }
}

addCommand('simulate', simulateCommand);
