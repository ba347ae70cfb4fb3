/**
 * crontab (Debian cron 3.0pl1): -l lists a user's crontab from world.cron
 * (one `schedule command` line per job, as the file holds them), -r removes
 * it with a `crontab-remove` event (-i asks first, reading the answer from
 * stdin), -u USER needs root. No crontab: `no crontab for USER`, exit 1.
 * Installing from a file and -e are not simulated (no editor in the lab).
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';

export const crontabOptions: OptionSupport[] = [
  { flag: '-l', support: 'full' }, { flag: '-r / -i', support: 'full' }, { flag: '-u USER', support: 'full' },
  { flag: '-e / FILE / -', support: 'none', note: 'no editor and no file installs in the lab' },
];

const USAGE = `usage:\tcrontab [-u user] file
\tcrontab [ -u user ] [ -i ] { -e | -l | -r }
\t\t(default operation is replace, per 1003.2)
\t-e\t(edit user's crontab)
\t-l\t(list user's crontab)
\t-r\t(delete user's crontab)
\t-i\t(prompt before deleting user's crontab)
`;

const usage = (why: string): ToolResult => ({ stdout: '', stderr: `crontab: usage error: ${why}\n${USAGE}`, exitCode: 1 });

function run(ctx: ToolContext): ToolResult {
  let op: 'l' | 'r' | 'e' | undefined;
  let confirm = false;
  let user = ctx.user;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-u') {
      const v = args[++i];
      if (v === undefined) return usage('option requires an argument');
      if (ctx.uid !== 0) return { stdout: '', stderr: 'must be privileged to use -u\n', exitCode: 1 };
      if (!ctx.world.accounts.some((x) => x.name === v)) {
        return { stdout: '', stderr: `crontab: user \`${v}' unknown\n`, exitCode: 1 };
      }
      user = v;
    } else if (a === '-l' || a === '-r' || a === '-e') {
      if (op) return usage('only one operation permitted');
      op = a.slice(1) as 'l' | 'r' | 'e';
    } else if (a === '-i') confirm = true;
    else if (a.startsWith('-') && a !== '-') return { stdout: '', stderr: `crontab: invalid option -- '${a.slice(1, 2)}'\ncrontab: usage error: unrecognized option\n${USAGE}`, exitCode: 1 };
    else return { stdout: '', stderr: 'crontab: installing a crontab from a file is not simulated in this lab\n', exitCode: 1 };
  }
  if (!op) return usage('file name or - (for stdin) must be specified');
  const at = ctx.world.now;
  const by = ctx.user;
  const jobs = ctx.world.cron.filter((j) => j.source.kind === 'user' && j.source.user === user);
  if (op === 'e') return { stdout: '', stderr: 'crontab: editing is not simulated in this lab; use crontab -l\n', exitCode: 1 };
  // cron logs the listing before it opens the file: `(root) LIST (build)`.
  const listed = [{ type: 'crontab-list' as const, at, user, by }];
  if (jobs.length === 0) {
    return { stdout: '', stderr: `no crontab for ${user}\n`, exitCode: 1, ...(op === 'l' ? { events: listed } : {}) };
  }
  if (op === 'l') {
    return { stdout: jobs.map((j) => `${j.schedule} ${j.command}\n`).join(''), stderr: '', exitCode: 0, events: listed };
  }
  const prompt = confirm ? `crontab: really delete ${user}'s crontab? (y/n) ` : '';
  if (confirm && !/^y/i.test(ctx.stdin.trim())) return { stdout: prompt, stderr: '', exitCode: 0 };
  return { stdout: prompt, stderr: '', exitCode: 0, events: [{ type: 'crontab-remove', at, user, by }] };
}

export const crontabTool: Tool = { name: 'crontab', summary: 'maintain crontab files for individual users', options: crontabOptions, run };
