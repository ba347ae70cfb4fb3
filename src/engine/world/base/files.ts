/**
 * Files of the host: the ones every host has, generated from the model
 * (/etc/hostname, /etc/os-release, /etc/passwd, /etc/group, /etc/crontab,
 * crontabs), then the document's files, which replace generated ones with
 * the same path. Also the cron job list that `crontab -l` and the CRON log
 * lines read.
 */
import type { Account, CronJob, Group, VirtualFile } from '../types';
import { timeAt, type BuildContext } from './context';
import { accountsChangedAt, installTime } from '../disk';

function parseMode(mode: string | number | undefined, fallback: number): number {
  if (mode === undefined) return fallback;
  return typeof mode === 'number' ? mode : parseInt(mode, 8);
}

function osRelease(ctx: BuildContext): string {
  const p = ctx.profile;
  const ubuntu = p.id.startsWith('ubuntu');
  const lines = ubuntu
    ? [
        `PRETTY_NAME="${p.prettyName}"`,
        'NAME="Ubuntu"',
        `VERSION_ID="${p.versionId}"`,
        `VERSION="${p.prettyName.replace('Ubuntu ', '').replace(' LTS', '')} LTS (${p.codename === 'noble' ? 'Noble Numbat' : 'Jammy Jellyfish'})"`,
        `VERSION_CODENAME=${p.codename}`,
        'ID=ubuntu',
        'ID_LIKE=debian',
        'HOME_URL="https://www.ubuntu.com/"',
        'SUPPORT_URL="https://help.ubuntu.com/"',
        'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
        'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"',
        `UBUNTU_CODENAME=${p.codename}`,
      ]
    : [
        `PRETTY_NAME="${p.prettyName}"`,
        'NAME="Debian GNU/Linux"',
        `VERSION_ID="${p.versionId}"`,
        `VERSION="${p.versionId} (${p.codename})"`,
        `VERSION_CODENAME=${p.codename}`,
        'ID=debian',
        'HOME_URL="https://www.debian.org/"',
        'SUPPORT_URL="https://www.debian.org/support"',
        'BUG_REPORT_URL="https://bugs.debian.org/"',
      ];
  return `${lines.join('\n')}\n`;
}

const passwd = (a: Account[]) =>
  a.map((u) => `${u.name}:x:${u.uid}:${u.gid}:${u.gecos}:${u.home}:${u.shell}\n`).join('');
const group = (g: Group[]) =>
  g.map((x) => `${x.name}:x:${x.gid}:${x.members.join(',')}\n`).join('');

export function buildCron(ctx: BuildContext): CronJob[] {
  return ctx.doc.host.cron.map((j, i) => {
    const user = j.user ?? 'root';
    if (!ctx.accounts.has(user))
      ctx.sink.error(['host', 'cron', i, 'user'], `no user "${user}" on the host`);
    return j.file
      ? { source: { kind: 'file', path: j.file }, schedule: j.schedule, user, command: j.command }
      : { source: { kind: 'user', user }, schedule: j.schedule, user, command: j.command };
  });
}

function crontabFiles(ctx: BuildContext, jobs: CronJob[], mtime: number): VirtualFile[] {
  const byPath = new Map<string, { lines: string[]; uid: number; gid: number; mode: number }>();
  for (const j of jobs) {
    const acct = ctx.accounts.get(j.user);
    const path = j.source.kind === 'user' ? `/var/spool/cron/crontabs/${j.user}` : j.source.path;
    const entry = byPath.get(path) ?? {
      lines: [],
      uid: j.source.kind === 'user' ? (acct?.uid ?? 0) : 0,
      // crontab(1) is set-group-id crontab: a user's crontab is group crontab.
      gid: j.source.kind === 'user' ? (ctx.groups.get('crontab')?.gid ?? 0) : 0,
      mode: j.source.kind === 'user' ? 0o600 : 0o644,
    };
    entry.lines.push(
      j.source.kind === 'user'
        ? `${j.schedule} ${j.command}`
        : `${j.schedule} ${j.user} ${j.command}`,
    );
    byPath.set(path, entry);
  }
  return [...byPath].map(([path, e]) => ({
    path,
    content: `${e.lines.join('\n')}\n`,
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    mtime,
  }));
}

export function buildFiles(
  ctx: BuildContext,
  accounts: Account[],
  groups: Group[],
  jobs: CronJob[],
): VirtualFile[] {
  const files = new Map<string, VirtualFile>();
  // Written at install; passwd and group last changed with the newest account.
  const installed = installTime(ctx.boot);
  const accountsChanged = accountsChangedAt(ctx.boot, accounts.map((a) => a.uid));
  const root = (path: string, content: string, mode = 0o644, mtime = installed): void => {
    files.set(path, { path, content, mode, uid: 0, gid: 0, mtime });
  };
  root('/etc/hostname', `${ctx.doc.host.hostname}\n`);
  root('/etc/os-release', osRelease(ctx));
  root('/etc/passwd', passwd(accounts), 0o644, accountsChanged);
  root('/etc/group', group(groups), 0o644, accountsChanged);
  if (ctx.doc.host.baseline === 'standard') root('/etc/crontab', ctx.profile.crontab);
  for (const f of crontabFiles(ctx, jobs, ctx.boot)) files.set(f.path, f);
  const seen = new Set<string>();
  ctx.doc.host.files.forEach((f, i) => {
    if (seen.has(f.path))
      ctx.sink.error(['host', 'files', i, 'path'], `${f.path} is declared twice`);
    seen.add(f.path);
    const [user = 'root', grp] = (f.owner ?? 'root').split(':');
    const acct = ctx.accounts.get(user);
    if (!acct) ctx.sink.error(['host', 'files', i, 'owner'], `no user "${user}" on the host`);
    const gid = grp === undefined ? (acct?.gid ?? 0) : ctx.groups.get(grp)?.gid;
    if (gid === undefined)
      ctx.sink.error(['host', 'files', i, 'owner'], `no group "${grp}" on the host`);
    const mtime = f.mtime ? timeAt(ctx, f.mtime, ['host', 'files', i, 'mtime']) : ctx.boot;
    files.set(f.path, {
      path: f.path,
      content: f.content,
      mode: parseMode(f.mode, 0o644),
      uid: acct?.uid ?? 0,
      gid: gid ?? 0,
      mtime,
    });
  });
  return [...files.values()];
}
