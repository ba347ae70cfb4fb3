/**
 * lastlog (shadow 4.13): every account's most recent login, from the
 * world's login records: `Username Port From Latest` with %-16s %-8s %-16s
 * and the time as `Fri Dec  4 13:28:35 +0000 2026`; accounts that never
 * logged in show `**Never logged in**`. -u USER limits to one account.
 */
import type { Tool, ToolContext, ToolResult } from '../types';
import type { HostState } from '../../world/types';
import { strftime } from '../../world/time-format';

function latest(w: HostState, user: string): string {
  const l = w.logins.filter((x) => x.user === user && x.loginAt <= w.now).sort((a, b) => b.loginAt - a.loginAt)[0];
  if (!l) return `${user.padEnd(16)} ${''.padEnd(8)} ${''.padEnd(16)} **Never logged in**`;
  const when = strftime('%a %b %e %H:%M:%S %z %Y', l.loginAt, w.host.timezone);
  return `${user.padEnd(16)} ${l.tty.padEnd(8)} ${l.host.padEnd(16)} ${when}`;
}

function run(ctx: ToolContext): ToolResult {
  const args = ctx.argv.slice(1);
  let only: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-u' || a === '--user') only = args[++i];
    else return { stdout: '', stderr: `lastlog: unrecognized option '${a}'\n`, exitCode: 2 };
  }
  const accounts = ctx.world.accounts.filter((a) => only === undefined || a.name === only);
  if (only !== undefined && accounts.length === 0) {
    return { stdout: '', stderr: `lastlog: Unknown user or range: ${only}\n`, exitCode: 1 };
  }
  const head = 'Username         Port     From             Latest';
  const rows = accounts.map((a) => latest(ctx.world, a.name));
  return { stdout: [head, ...rows].map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

export const lastlogTool: Tool = {
  name: 'lastlog', summary: 'report the most recent login of all users',
  options: [
    { flag: '-u USER', support: 'full' },
    { flag: '-b / -t / -C / -S', support: 'none', note: 'time windows and clearing are not simulated' },
  ],
  run,
};
