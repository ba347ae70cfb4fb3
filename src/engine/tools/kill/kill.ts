/**
 * kill, as bash's builtin: `kill [-s SIG | -n NUM | -SIG] PID...`, `kill -l
 * [SIG|NUM]`. It returns a `kill` event per process it may signal; a
 * non-root user may only signal its own processes (`bash: kill: (PID) -
 * Operation not permitted`), a missing pid gives `bash: kill: (PID) - No
 * such process`; the exit code is 1 when any target failed. Signal 0 only
 * checks, so it returns no event; nor does a signal to init or a kernel
 * thread, which the kernel does not deliver (see `unsignallable`). Job specs (%1) and process groups
 * (negative pids) are not modelled.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { WorldEvent } from '../../world/types';
import { findProcess } from '../procfs/processes';
import { signalName, signalNumber, signalTable, unsignallable } from './signals';

export const killOptions: OptionSupport[] = [
  { flag: '-SIG / -s SIG / -n NUM', support: 'full' }, { flag: '-l [SIG]', support: 'full' },
  { flag: '%JOB / -PGID', support: 'none', note: 'jobs and process groups are not modelled' },
];

const USAGE = 'bash: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

function listSignals(args: string[]): ToolResult {
  if (args.length === 0) return { stdout: signalTable(), stderr: '', exitCode: 0 };
  let stdout = '';
  let stderr = '';
  for (const a of args) {
    if (/^\d+$/.test(a)) {
      const n = Number(a) > 128 ? Number(a) - 128 : Number(a);
      const name = signalName(n);
      if (name) stdout += `${name}\n`;
      else stderr += `bash: kill: ${a}: invalid signal specification\n`;
    } else {
      const n = signalNumber(a);
      if (n !== undefined && n !== 0) stdout += `${n}\n`;
      else stderr += `bash: kill: ${a}: invalid signal specification\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** Reads the signal option; returns [signal, index of first pid] or an error result. */
function readSignal(args: string[]): [number, number] | ToolResult {
  const first = args[0] ?? '';
  const bad = (s: string): ToolResult => ({ stdout: '', stderr: `bash: kill: ${s}: invalid signal specification\n`, exitCode: 1 });
  if (first === '-s' || first === '-n') {
    const spec = args[1];
    if (spec === undefined) return { stdout: '', stderr: `bash: kill: ${first}: option requires an argument\n${USAGE}`, exitCode: 2 };
    const n = signalNumber(spec);
    return n === undefined ? bad(spec) : [n, 2];
  }
  if (first === '--') return [15, 1];
  if (first.startsWith('-') && first.length > 1) {
    const n = signalNumber(first.slice(1));
    return n === undefined ? bad(first.slice(1)) : [n, 1];
  }
  return [15, 0];
}

function run(ctx: ToolContext): ToolResult {
  const args = ctx.argv.slice(1);
  if (args[0] === '-l' || args[0] === '-L') return listSignals(args.slice(1));
  if (args.length === 0) return { stdout: '', stderr: USAGE, exitCode: 2 };
  const sig = readSignal(args);
  if (!Array.isArray(sig)) return sig;
  const [signal, start] = sig;
  const targets = args.slice(start);
  if (targets.length === 0) return { stdout: '', stderr: USAGE, exitCode: 2 };
  const events: WorldEvent[] = [];
  let stderr = '';
  for (const t of targets) {
    if (!/^-?\d+$/.test(t)) {
      stderr += `bash: kill: ${t}: arguments must be process or job IDs\n`;
      continue;
    }
    const p = findProcess(ctx.world, Number(t));
    if (!p || Number(t) <= 0) {
      stderr += `bash: kill: (${t}) - No such process\n`;
      continue;
    }
    if (ctx.uid !== 0 && p.uid !== ctx.uid) {
      stderr += `bash: kill: (${t}) - Operation not permitted\n`;
      continue;
    }
    if (signal !== 0 && !unsignallable(p)) events.push({ type: 'kill', at: ctx.world.now, pid: p.pid, signal });
  }
  const result: ToolResult = { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  if (events.length > 0) result.events = events;
  return result;
}

export const killTool: Tool = { name: 'kill', summary: 'send a signal to a process', options: killOptions, run };
