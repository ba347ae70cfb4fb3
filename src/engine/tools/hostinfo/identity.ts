/**
 * hostname, uname, id and whoami, from world.host and world.accounts.
 * uname's version string (-v) follows the distribution's kernel build
 * banner; -p and -i print `unknown` and are left out of -a, as coreutils does.
 */
import type { Tool, ToolContext, ToolResult } from '../types';
import type { Account, HostState } from '../../world/types';
import { kernelBuild } from '../../world/kernel';

const ok = (s: string): ToolResult => ({ stdout: `${s}\n`, stderr: '', exitCode: 0 });
const fail = (s: string, code = 1): ToolResult => ({ stdout: '', stderr: `${s}\n`, exitCode: code });
const tryHelp = (tool: string): string => `Try '${tool} --help' for more information.`;

/* ---- hostname ---- */

function addresses(w: HostState): string[] {
  return w.interfaces
    .filter((i) => i.kind !== 'loopback' && i.flags.includes('UP'))
    .flatMap((i) => i.addresses.filter((a) => a.scope === 'global').map((a) => a.address));
}

function hostnameRun(ctx: ToolContext): ToolResult {
  const w = ctx.world;
  const arg = ctx.argv[1];
  if (arg === undefined || arg === '-s' || arg === '--short') return ok(w.host.hostname.split('.')[0] ?? '');
  if (arg === '-f' || arg === '--fqdn' || arg === '--long' || arg === '-A') return ok(w.host.hostname);
  if (arg === '-I' || arg === '--all-ip-addresses') return ok(addresses(w).map((a) => `${a} `).join(''));
  if (arg === '-i' || arg === '--ip-address') return ok('127.0.1.1');
  if (arg === '-d' || arg === '--domain') return ok('');
  if (arg.startsWith('-')) return fail(`hostname: invalid option -- '${arg.slice(1, 2)}'\n${hostnameUsage}`, 1);
  if (ctx.uid !== 0) return fail('hostname: you must be root to change the host name');
  return fail('hostname: changing the host name is not simulated in this lab');
}

const hostnameUsage = 'Usage: hostname [-b] {hostname|-F file}         set host name (from file)';

export const hostnameTool: Tool = {
  name: 'hostname', summary: 'show the system host name',
  options: [
    { flag: '-s / -f / -I / -i / -d', support: 'full' },
    { flag: 'NAME / -F / -b', support: 'none', note: 'the host name does not change in the lab' },
  ],
  run: hostnameRun,
};

/* ---- uname ---- */

const kernelVersion = (w: HostState): string => kernelBuild(w.host.distro, w.host.kernel);

const UNAME_FLAGS: Record<string, string> = {
  s: 's', n: 'n', r: 'r', v: 'v', m: 'm', p: 'p', i: 'i', o: 'o', a: 'a',
  '--kernel-name': 's', '--nodename': 'n', '--kernel-release': 'r', '--kernel-version': 'v',
  '--machine': 'm', '--processor': 'p', '--hardware-platform': 'i', '--operating-system': 'o', '--all': 'a',
};

function unameRun(ctx: ToolContext): ToolResult {
  const w = ctx.world;
  const want = new Set<string>();
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('--')) {
      const f = Object.hasOwn(UNAME_FLAGS, a) ? UNAME_FLAGS[a] : undefined;
      if (!f) return fail(`uname: unrecognized option '${a}'\n${tryHelp('uname')}`);
      want.add(f);
    } else if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (!Object.hasOwn(UNAME_FLAGS, ch)) return fail(`uname: invalid option -- '${ch}'\n${tryHelp('uname')}`);
        want.add(ch);
      }
    } else return fail(`uname: extra operand '${a}'\n${tryHelp('uname')}`);
  }
  if (want.size === 0) want.add('s');
  const all = want.has('a');
  const fields: [string, string][] = [
    ['s', 'Linux'], ['n', w.host.hostname], ['r', w.host.kernel], ['v', kernelVersion(w)],
    ['m', w.host.arch], ['p', 'unknown'], ['i', 'unknown'], ['o', 'GNU/Linux'],
  ];
  const out = fields
    .filter(([k]) => want.has(k) || (all && k !== 'p' && k !== 'i'))
    .map(([, v]) => v);
  return ok(out.join(' '));
}

export const unameTool: Tool = {
  name: 'uname', summary: 'print system information',
  options: [{ flag: '-a -s -n -r -v -m -p -i -o', support: 'full' }],
  run: unameRun,
};

/* ---- id, whoami ---- */

function groupIds(w: HostState, acc: Account): number[] {
  const extra = w.groups
    .filter((g) => g.members.includes(acc.name) || acc.groups.includes(g.name))
    .map((g) => g.gid);
  return [...new Set([acc.gid, ...extra])];
}

const gname = (w: HostState, gid: number): string => w.groups.find((g) => g.gid === gid)?.name ?? String(gid);

function idRun(ctx: ToolContext): ToolResult {
  const w = ctx.world;
  const flags = new Set<string>();
  let name: string | undefined;
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (const ch of a.slice(1)) {
        if (!'ugGnr'.includes(ch)) return fail(`id: invalid option -- '${ch}'\n${tryHelp('id')}`);
        flags.add(ch);
      }
    } else if (a.startsWith('--')) {
      const map: Record<string, string> = { '--user': 'u', '--group': 'g', '--groups': 'G', '--name': 'n', '--real': 'r' };
      const f = Object.hasOwn(map, a) ? map[a] : undefined;
      if (!f) return fail(`id: unrecognized option '${a}'\n${tryHelp('id')}`);
      flags.add(f);
    } else name = a;
  }
  const acc = name === undefined
    ? w.accounts.find((x) => x.uid === ctx.uid)
    : w.accounts.find((x) => x.name === name) ?? (/^\d+$/.test(name) ? w.accounts.find((x) => x.uid === Number(name)) : undefined);
  if (!acc) return fail(`id: '${name ?? ctx.uid}': no such user`);
  const gids = groupIds(w, acc);
  const n = flags.has('n');
  if (flags.has('u')) return ok(n ? acc.name : String(acc.uid));
  if (flags.has('g')) return ok(n ? gname(w, acc.gid) : String(acc.gid));
  if (flags.has('G')) return ok(gids.map((g) => (n ? gname(w, g) : String(g))).join(' '));
  if (n) return fail('id: cannot print only names or real IDs in default format');
  const groups = gids.map((g) => `${g}(${gname(w, g)})`).join(',');
  return ok(`uid=${acc.uid}(${acc.name}) gid=${acc.gid}(${gname(w, acc.gid)}) groups=${groups}`);
}

export const idTool: Tool = {
  name: 'id', summary: 'print real and effective user and group IDs',
  options: [{ flag: '-u -g -G -n -r USER', support: 'full' }, { flag: '-Z / -z / -a', support: 'none', note: 'no SELinux contexts' }],
  run: idRun,
};

export const whoamiTool: Tool = {
  name: 'whoami', summary: 'print effective user name',
  options: [],
  run: (ctx) => {
    const extra = ctx.argv[1];
    if (extra !== undefined) {
      if (extra.startsWith('-')) return fail(`whoami: invalid option -- '${extra.slice(1, 2)}'\n${tryHelp('whoami')}`);
      return fail(`whoami: extra operand '${extra}'\n${tryHelp('whoami')}`);
    }
    return ok(ctx.user);
  },
};
