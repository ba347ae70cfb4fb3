/**
 * getent (glibc) for passwd, group, shadow and hosts, from the host's /etc
 * files: a key is a name or a number (uid, gid, address); a key not found
 * makes exit 2 with nothing printed; hosts rows are `%-15s %s` and aliases.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState } from '../../world/types';

export const getentOptions: OptionSupport[] = [
  { flag: 'passwd / group / shadow / hosts [KEY...]', support: 'full' },
  { flag: 'other databases, -s, -i', support: 'none', note: 'not simulated' },
];

const fileOf = (w: HostState, path: string): string | undefined => w.files.find((f) => f.path === path)?.content;

function table(w: HostState, db: string): string[] {
  const own = fileOf(w, `/etc/${db}`);
  if (own !== undefined) return own.split('\n').filter((l) => l && !l.startsWith('#'));
  if (db === 'passwd') return w.accounts.map((a) => `${a.name}:x:${a.uid}:${a.gid}:${a.gecos}:${a.home}:${a.shell}`);
  if (db === 'group') return w.groups.map((g) => `${g.name}:x:${g.gid}:${g.members.join(',')}`);
  return w.accounts.map((a) => `${a.name}:${/(nologin|false)$/.test(a.shell) ? '*' : '$y$j9T$lab$notarealhash'}:20000:0:99999:7:::`);
}

function hosts(w: HostState): string[][] {
  const text = fileOf(w, '/etc/hosts') ?? `127.0.0.1 localhost\n127.0.1.1 ${w.host.hostname}\n\n::1     ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
  return text.split('\n').map((l) => l.replace(/#.*/, '').trim().split(/\s+/)).filter((f) => f.length >= 2);
}

const hostRow = (f: string[]) => `${f[0]!.padEnd(15)} ${f.slice(1).join(' ')}`;

function run(ctx: ToolContext): ToolResult {
  const [db, ...keys] = ctx.argv.slice(1);
  const w = ctx.world;
  if (db === undefined || !['passwd', 'group', 'shadow', 'hosts'].includes(db)) {
    const msg = db === undefined ? 'getent: wrong number of arguments\n' : `Unknown database: ${db}\n`;
    return { stdout: '', stderr: `${msg}Try \`getent --help' or \`getent --usage' for more information.\n`, exitCode: 1 };
  }
  if (db === 'shadow' && ctx.uid !== 0) return { stdout: '', stderr: '', exitCode: keys.length ? 2 : 0 };
  let out: string[] = [];
  let missing = false;
  if (db === 'hosts') {
    const rows = hosts(w);
    if (keys.length === 0) out = rows.map(hostRow);
    for (const k of keys) {
      const byAddr = rows.find((f) => f[0] === k);
      const v6 = rows.find((f) => f[0]!.includes(':') && f.slice(1).includes(k));
      const hit = byAddr ?? v6 ?? rows.find((f) => !f[0]!.includes(':') && f.slice(1).includes(k));
      if (hit) out.push(hostRow(hit)); else missing = true;
    }
  } else {
    const rows = table(w, db);
    if (keys.length === 0) out = rows;
    for (const k of keys) {
      const hit = rows.find((r) => { const f = r.split(':'); return f[0] === k || (db !== 'shadow' && f[2] === k); });
      if (hit) out.push(hit); else missing = true;
    }
  }
  return { stdout: out.map((l) => `${l}\n`).join(''), stderr: '', exitCode: missing ? 2 : 0 };
}

export const getentTool: Tool = { name: 'getent', summary: 'get entries from Name Service Switch libraries', options: getentOptions, run };
