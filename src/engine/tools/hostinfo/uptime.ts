/**
 * uptime (procps-ng 4): ` 13:28:56 up 17 min,  1 user,  load average: ...`.
 * The same line heads `w`. `-p` pretty form, `-s` boot time.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState } from '../../world/types';
import {
  hhmmss, localTime, pad2, uptimePretty, uptimeShort,
} from '../../world/time-format';
import { utmpEntries } from '../who/utmp';

export const uptimeOptions: OptionSupport[] = [
  { flag: '-p / --pretty', support: 'full' },
  { flag: '-s / --since', support: 'full' },
];

export function uptimeLine(world: HostState): string {
  const up = uptimeShort((world.now - world.host.bootTime) / 1000);
  const n = utmpEntries(world).length;
  const load = world.host.load.map((x) => x.toFixed(2)).join(', ');
  return ` ${hhmmss(world.now, world.host.timezone)} ${up},  ${n} ` +
    `${n > 1 ? 'users' : 'user'},  load average: ${load}`;
}

function run(ctx: ToolContext): ToolResult {
  const w = ctx.world;
  const arg = ctx.argv[1];
  if (arg === undefined) return ok(uptimeLine(w));
  if (arg === '-p' || arg === '--pretty') return ok(uptimePretty((w.now - w.host.bootTime) / 1000));
  if (arg === '-s' || arg === '--since') {
    const t = localTime(w.host.bootTime, w.host.timezone);
    return ok(`${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ${hhmmss(w.host.bootTime, w.host.timezone)}`);
  }
  const bad = arg.startsWith('--') ? `unrecognized option '${arg}'` : `invalid option -- '${arg.slice(1, 2)}'`;
  return {
    stdout: '', exitCode: 1,
    stderr: `uptime: ${bad}\n\nUsage:\n uptime [options]\n\nOptions:\n` +
      ' -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n' +
      ' -s, --since    system up since\n -V, --version  output version information and exit\n\n' +
      'For more details see uptime(1).\n',
  };
}

const ok = (line: string): ToolResult => ({ stdout: `${line}\n`, stderr: '', exitCode: 0 });

export const uptimeTool: Tool = { name: 'uptime', summary: 'tell how long the system has been running', options: uptimeOptions, run };
