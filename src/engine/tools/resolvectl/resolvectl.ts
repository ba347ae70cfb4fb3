/**
 * resolvectl (systemd 255, Ubuntu 24.04): what systemd-resolved uses to
 * resolve names. `status` prints a Global section and one per link (the
 * loopback is left out), each a two-column table whose labels are aligned
 * right to the section's widest; the primary link (the default route's)
 * carries the host's DNS servers and search domains (world.host.dns).
 */
import type { Interface } from '../../world/types';
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';

export const resolvectlOptions: OptionSupport[] = [
  { flag: 'status [LINK]', support: 'full' },
  { flag: 'dns [LINK]', support: 'full', note: 'shows; setting servers is not simulated' },
  { flag: 'domain [LINK]', support: 'full', note: 'shows; setting domains is not simulated' },
  { flag: 'query / statistics / flush-caches / monitor', support: 'none', note: 'the resolver does not answer queries in the lab' },
];

const PROTOCOLS = '-LLMNR -mDNS -DNSOverTLS DNSSEC=no/unsupported';

type Row = [string, string];

function section(title: string, rows: Row[]): string {
  const width = Math.max(...rows.map(([label]) => label.length + 1));
  return `${title}\n${rows.map(([l, v]) => `${`${l}:`.padStart(width)} ${v}`).join('\n')}\n`;
}

function primary(ctx: ToolContext): string | undefined {
  const route = ctx.world.routes.find((r) => r.family === 'inet' && r.dst === 'default');
  return route?.dev ?? ctx.world.interfaces.find((i) => i.kind !== 'loopback')?.name;
}

function linkRows(ctx: ToolContext, link: Interface): Row[] {
  const dns = ctx.world.host.dns;
  if (link.name !== primary(ctx) || !dns?.servers.length) {
    return [['Current Scopes', 'none'], ['Protocols', `-DefaultRoute ${PROTOCOLS}`]];
  }
  const rows: Row[] = [
    ['Current Scopes', 'DNS'], ['Protocols', `+DefaultRoute ${PROTOCOLS}`],
    ['Current DNS Server', dns.servers[0]!], ['DNS Servers', dns.servers.join(' ')],
  ];
  if (dns.search.length) rows.push(['DNS Domain', dns.search.join(' ')]);
  return rows;
}

const links = (ctx: ToolContext) => ctx.world.interfaces.filter((i) => i.kind !== 'loopback');

function status(ctx: ToolContext, only?: Interface): string {
  const linkPart = (l: Interface) => section(`Link ${l.index} (${l.name})`, linkRows(ctx, l));
  if (only) return linkPart(only);
  const global = section('Global', [['Protocols', PROTOCOLS], ['resolv.conf mode', 'stub']]);
  return [global, ...links(ctx).map(linkPart)].join('\n');
}

/** `resolvectl dns` and `domain`: one line per scope, `Link N (name): values`. */
function listing(ctx: ToolContext, what: 'dns' | 'domain', only?: Interface): string {
  const values = (l: Interface) => {
    const dns = ctx.world.host.dns;
    if (l.name !== primary(ctx) || !dns) return '';
    return (what === 'dns' ? dns.servers : dns.search).join(' ');
  };
  const line = (label: string, v: string) => `${label}:${v ? ` ${v}` : ''}\n`;
  const one = (l: Interface) => line(`Link ${l.index} (${l.name})`, values(l));
  if (only) return one(only);
  return line('Global', '') + links(ctx).map(one).join('');
}

function run(ctx: ToolContext): ToolResult {
  const [verb = 'status', name, ...rest] = ctx.argv.slice(1);
  if (!['status', 'dns', 'domain'].includes(verb)) {
    return { stdout: '', stderr: `resolvectl: ${verb}: not simulated in the lab\n`, exitCode: 1 };
  }
  if (rest.length > 0) {
    return { stdout: '', stderr: 'resolvectl: changing the resolver is not simulated in the lab\n', exitCode: 1 };
  }
  const only = name === undefined ? undefined : ctx.world.interfaces.find((i) => i.name === name);
  if (name !== undefined && !only) {
    return { stdout: '', stderr: `Failed to resolve interface "${name}": No such device\n`, exitCode: 1 };
  }
  const stdout = verb === 'status' ? status(ctx, only) : listing(ctx, verb as 'dns' | 'domain', only);
  return { stdout, stderr: '', exitCode: 0 };
}

export const resolvectlTool: Tool = {
  name: 'resolvectl',
  summary: "systemd-resolved's DNS servers and search domains per link",
  options: resolvectlOptions,
  run,
};
