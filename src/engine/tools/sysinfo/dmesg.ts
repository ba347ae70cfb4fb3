/**
 * dmesg (util-linux 2.39): the kernel's ring buffer, the world's kernel log
 * entries since boot, stamped `[%5d.%06d]` from the boot; -T prints the
 * ctime instead. kernel.dmesg_restrict=1 on Ubuntu: only root may read it.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import { ctimeForm } from '../../world/time-format';

export const dmesgOptions: OptionSupport[] = [
  { flag: '-T / --ctime', support: 'full' }, { flag: '-t / --notime', support: 'full' },
  { flag: '--level / -H / -w / -x', support: 'none', note: 'not simulated' },
];

function stamp(ms: number): string {
  const secs = Math.floor(ms / 1000);
  return `[${String(secs).padStart(5)}.${String((ms % 1000) * 1000).padStart(6, '0')}]`;
}

function run(ctx: ToolContext): ToolResult {
  const w = ctx.world;
  let mode: 'mono' | 'ctime' | 'none' = 'mono';
  for (const a of ctx.argv.slice(1)) {
    if (a === '-T' || a === '--ctime') mode = 'ctime';
    else if (a === '-t' || a === '--notime') mode = 'none';
    else {
      const bad = a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a.slice(1, 2) || a}'`;
      return { stdout: '', stderr: `dmesg: ${bad}\nTry 'dmesg --help' for more information.\n`, exitCode: 1 };
    }
  }
  if (ctx.uid !== 0) return { stdout: '', stderr: 'dmesg: read kernel buffer failed: Operation not permitted\n', exitCode: 1 };
  const boot = w.host.bootTime;
  const lines = w.logs(boot, w.now + 1).filter((e) => e.facility === 'kern' && e.time <= w.now).map((e) => {
    const at = Math.max(0, e.time - boot);
    if (mode === 'none') return e.message;
    if (mode === 'ctime') return `[${ctimeForm(e.time, w.host.timezone)}] ${e.message}`;
    return `${stamp(at)} ${e.message}`;
  });
  return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

export const dmesgTool: Tool = { name: 'dmesg', summary: 'print the kernel ring buffer', options: dmesgOptions, run };
