/**
 * free (procps-ng 4.0.4): Mem and Swap from /proc/meminfo's numbers; used
 * is total - available, buff/cache is Buffers + Cached + SReclaimable.
 * Rows are a label %-7s then each column " %11s"; -h picks the largest unit
 * whose value fits in four characters (one decimal first), as scale_size does.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import { memoryOf } from '../../world/memory';

export const freeOptions: OptionSupport[] = [
  { flag: '-b -k -m -g / --kibi --mebi --gibi', support: 'full' }, { flag: '-h', support: 'full' },
  { flag: '-w / -t', support: 'full' },
  { flag: '-s / -c / --si / -l / -v', support: 'none', note: 'not simulated' },
];

interface Opts { shift: number; human: boolean; wide: boolean; total: boolean }

function human(kb: number): string {
  const bytes = kb * 1024;
  if (bytes < 1024) return `${bytes}B`;
  for (const [i, u] of ['K', 'M', 'G', 'T', 'P'].entries()) {
    const v = bytes / 1024 ** (i + 1);
    const one = `${v.toFixed(1)}${u}`;
    if (one.length <= 4) return `${one}i`;
    const whole = `${Math.floor(v)}${u}`;
    if (whole.length <= 4) return `${whole}i`;
  }
  return `${bytes}B`;
}

function parse(args: string[]): Opts | string {
  const o: Opts = { shift: 0, human: false, wide: false, total: false };
  const long: Record<string, string> = { '--bytes': 'b', '--kibi': 'k', '--mebi': 'm', '--gibi': 'g', '--human': 'h', '--wide': 'w', '--total': 't' };
  for (const a of args) {
    const flags = Object.hasOwn(long, a) ? long[a]! : a.startsWith('-') && !a.startsWith('--') ? a.slice(1) : undefined;
    if (flags === undefined) return a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[0] === '-' ? a[1] : a}'`;
    for (const c of flags) {
      if (c === 'b') o.shift = -10; else if (c === 'k') o.shift = 0; else if (c === 'm') o.shift = 10;
      else if (c === 'g') o.shift = 20; else if (c === 'h') o.human = true; else if (c === 'w') o.wide = true;
      else if (c === 't') o.total = true; else return `invalid option -- '${c}'`;
    }
  }
  return o;
}

function run(ctx: ToolContext): ToolResult {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') {
    return { stdout: '', stderr: `free: ${o}\n\nUsage:\n free [options]\n\nFor more details see free(1).\n`, exitCode: 1 };
  }
  const m = memoryOf(ctx.world);
  const cell = (kb: number) => (o.human ? human(kb) : String(o.shift < 0 ? kb * 1024 : Math.floor(kb / 2 ** o.shift)));
  const row = (label: string, vals: number[]) => label.padEnd(7) + vals.map((v) => ` ${cell(v).padStart(11)}`).join('');
  const used = m.total - m.available;
  const cache = m.cached + m.sReclaimable;
  const head = o.wide
    ? '               total        used        free      shared     buffers       cache   available'
    : '               total        used        free      shared  buff/cache   available';
  const mem = o.wide ? [m.total, used, m.free, m.shmem, m.buffers, cache, m.available]
    : [m.total, used, m.free, m.shmem, m.buffers + cache, m.available];
  const lines = [head, row('Mem:', mem), row('Swap:', [m.swapTotal, m.swapTotal - m.swapFree, m.swapFree])];
  if (o.total) lines.push(row('Total:', [m.total + m.swapTotal, used + m.swapTotal - m.swapFree, m.free + m.swapFree]));
  return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

export const freeTool: Tool = { name: 'free', summary: 'display amount of free and used memory in the system', options: freeOptions, run };
