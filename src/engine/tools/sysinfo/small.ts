/**
 * nproc and tty (coreutils 9.4). nproc prints the CPUs the caller may run
 * on (all of the host's here), less --ignore; tty names the terminal on
 * standard input, the reading program's own, or says `not a tty` (exit 1)
 * when input is a pipe.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import { cpuCount } from '../../world/kernel';

const ok = (s: string): ToolResult => ({ stdout: `${s}\n`, stderr: '', exitCode: 0 });
const bad = (tool: string, s: string, code = 1): ToolResult =>
  ({ stdout: '', stderr: `${tool}: ${s}\nTry '${tool} --help' for more information.\n`, exitCode: code });

function nproc(ctx: ToolContext): ToolResult {
  let ignore = 0;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--all') continue;
    const m = /^--ignore(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[1] ?? args[++i];
      if (v === undefined) return bad('nproc', "option '--ignore' requires an argument");
      if (!/^\d+$/.test(v)) return { stdout: '', stderr: `nproc: invalid number: '${v}'\n`, exitCode: 1 };
      ignore = Number(v);
    } else if (a.startsWith('--')) return bad('nproc', `unrecognized option '${a}'`);
    else if (a.startsWith('-') && a.length > 1) return bad('nproc', `invalid option -- '${a[1]}'`);
    else return bad('nproc', `extra operand '${a}'`);
  }
  return ok(String(Math.max(1, cpuCount(ctx.world) - ignore)));
}

export const nprocTool: Tool = {
  name: 'nproc', summary: 'print the number of processing units available',
  options: [{ flag: '--all / --ignore=N', support: 'full' }] satisfies OptionSupport[], run: nproc,
};

function tty(ctx: ToolContext): ToolResult {
  const args = ctx.argv.slice(1);
  const silent = args.some((a) => a === '-s' || a === '--silent' || a === '--quiet');
  const other = args.find((a) => !['-s', '--silent', '--quiet'].includes(a));
  if (other !== undefined) {
    if (other.startsWith('--')) return bad('tty', `unrecognized option '${other}'`, 2);
    if (other.startsWith('-') && other.length > 1) return bad('tty', `invalid option -- '${other[1]}'`, 2);
    return bad('tty', `extra operand '${other}'`, 2);
  }
  const w = ctx.world;
  const reader = w.processes.find((p) => p.pid === (w.self ?? ctx.shellPid)) ??
    w.processes.find((p) => p.pid === ctx.shellPid);
  const line = ctx.stdin === '' ? reader?.tty : null;
  if (!line) return { stdout: silent ? '' : 'not a tty\n', stderr: '', exitCode: 1 };
  return silent ? { stdout: '', stderr: '', exitCode: 0 } : ok(`/dev/${line}`);
}

export const ttyTool: Tool = {
  name: 'tty', summary: 'print the file name of the terminal connected to standard input',
  options: [{ flag: '-s', support: 'full' },
    { flag: 'standard input', support: 'partial', note: 'input with data in it counts as a pipe' }], run: tty,
};
