/**
 * `ip route show` and `ip route get`, text and JSON, over the world's
 * routing tables: main from the world, and the kernel's local table
 * (`table local` / `table all`), derived from the IPv4 addresses as the
 * kernel adds them: `local ADDR` and `broadcast BRD` per address, and
 * `local 127.0.0.0/8` for the loopback's net (IPv6 local routes are not
 * derived). `get` picks the longest matching prefix, then the lowest
 * metric, and answers local addresses from the local table as the kernel does.
 */
import type { HostState, Route } from '../../world/types';
import { parseIp, prefixMatch } from '../../net';
import type { JsonValue } from './jsonw';

export interface RouteFilter {
  family: 'inet' | 'inet6';
  dev?: string;
  table?: string;
  /** `ip route show PREFIX`: routes to exactly this prefix ("default" included). */
  dst?: string;
}

function sameDst(route: string, want: string): boolean {
  if (route === want) return true;
  if (want === '0/0' || want === '0.0.0.0/0' || want === '::/0') return route === 'default';
  return !route.includes('/') && want.endsWith(route.includes(':') ? '/128' : '/32')
    && want.split('/')[0] === route;
}

/** A route as `ip route` prints it: `local` and `broadcast` routes name their type. */
export type ShownRoute = Route & { type?: 'local' | 'broadcast' };

function v4Key(addr: string): number {
  return (addr.split('.').reduce((n, b) => n * 256 + Number(b), 0));
}

/** The IPv4 routes of the local table (255), in the kernel's (address) order. */
function localTable(world: HostState): ShownRoute[] {
  const out: { key: number; bits: number; r: ShownRoute }[] = [];
  const add = (type: 'local' | 'broadcast', dst: string, bits: number, dev: string, src: string) => {
    const host = type === 'local' && !dst.includes('/');
    out.push({ key: v4Key(dst.split('/')[0] ?? ''), bits, r: {
      family: 'inet', type, dst, dev, table: 'local', proto: 'kernel',
      scope: host || type === 'local' ? 'host' : 'link', src,
    } });
  };
  for (const i of world.interfaces) {
    if (!i.flags.includes('UP')) continue;
    for (const a of i.addresses) {
      if (a.family !== 'inet') continue;
      if (i.kind === 'loopback' && a.prefix < 32) add('local', `${netOf(a.address, a.prefix)}/${a.prefix}`, a.prefix, i.name, a.address);
      add('local', a.address, 32, i.name, a.address);
      const brd = a.broadcast ?? (i.kind === 'loopback' ? lastOf(a.address, a.prefix) : undefined);
      if (brd && a.prefix < 31) add('broadcast', brd, 32, i.name, a.address);
    }
  }
  return out.sort((x, y) => x.key - y.key || x.bits - y.bits).map((x) => x.r);
}

function netOf(addr: string, bits: number): string {
  const n = v4Key(addr);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const net = (n & mask) >>> 0;
  return [24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.');
}

function lastOf(addr: string, bits: number): string {
  const n = v4Key(addr);
  const host = bits === 32 ? 0 : (0xffffffff >>> bits);
  const last = (n | host) >>> 0;
  return [24, 16, 8, 0].map((s) => (last >>> s) & 255).join('.');
}

export function routesOf(world: HostState, f: RouteFilter): ShownRoute[] {
  const table = f.table ?? 'main';
  const all: ShownRoute[] = table === 'local' || table === 'all' || table === '255'
    ? [...world.routes, ...(f.family === 'inet' ? localTable(world) : [])]
    : world.routes;
  const want = table === '255' ? 'local' : table === '254' ? 'main' : table;
  return all.filter((r) => r.family === f.family
    && (want === 'all' || (r.table ?? 'main') === want)
    && (f.dev === undefined || r.dev === f.dev)
    && (f.dst === undefined || sameDst(r.dst, f.dst)));
}

function fields(r: ShownRoute, showDev: boolean, showTable: boolean): string[] {
  const out = [r.type ? `${r.type} ${r.dst}` : r.dst];
  if (r.via) out.push(`via ${r.via}`);
  if (showDev) out.push(`dev ${r.dev}`);
  if (showTable && r.table && r.table !== 'main') out.push(`table ${r.table}`);
  if (r.proto && r.proto !== 'boot') out.push(`proto ${r.proto}`);
  if (r.scope && r.scope !== 'global') out.push(`scope ${r.scope}`);
  if (r.src) out.push(`src ${r.src}`);
  if (r.metric !== undefined) out.push(`metric ${r.metric}`);
  if (r.linkdown) out.push('linkdown');
  return out;
}

/** `showTable`: `table NAME` for routes outside main, which only `table all` prints. */
export function routeText(routes: ShownRoute[], showDev: boolean, showTable = false): string {
  return routes.map((r) => {
    const base = `${fields(r, showDev, showTable).join(' ')} `;
    return r.pref ? `${base}pref ${r.pref}\n` : `${base}\n`;
  }).join('');
}

export function routeJson(routes: ShownRoute[], showDev: boolean, showTable = false): JsonValue {
  return routes.map((r) => {
    const o: Record<string, JsonValue> = r.type ? { type: r.type, dst: r.dst } : { dst: r.dst };
    if (r.via) o.gateway = r.via;
    if (showDev) o.dev = r.dev;
    if (showTable && r.table && r.table !== 'main') o.table = r.table;
    if (r.proto && r.proto !== 'boot') o.protocol = r.proto;
    if (r.scope && r.scope !== 'global') o.scope = r.scope;
    if (r.src) o.prefsrc = r.src;
    if (r.metric !== undefined) o.metric = r.metric;
    o.flags = r.linkdown ? ['linkdown'] : [];
    if (r.pref) o.pref = r.pref;
    return o;
  });
}

function prefixOf(r: Route): { bytes: Uint8Array; bits: number } | null {
  if (r.dst === 'default') return { bytes: new Uint8Array(r.family === 'inet' ? 4 : 16), bits: 0 };
  const [addr, len] = r.dst.split('/');
  const ip = parseIp(addr ?? '');
  if (!ip) return null;
  return { bytes: ip.bytes, bits: len === undefined ? ip.bytes.length * 8 : Number(len) };
}

function localAddress(world: HostState, addr: string): boolean {
  return world.interfaces.some((i) => i.addresses.some((a) => a.address === addr))
    || /^127\./.test(addr);
}

function sourceFor(world: HostState, r: Route, family: string): string | undefined {
  if (r.src) return r.src;
  const dev = world.interfaces.find((i) => i.name === r.dev);
  return dev?.addresses.find((a) => a.family === family && a.scope === 'global')?.address;
}

/** The answer of `ip route get ADDR`, or null when no route matches. */
export function routeGet(world: HostState, target: string, uid: number): string | null {
  const ip = parseIp(target);
  if (!ip) return null;
  const addr = target.includes(':') ? target.toLowerCase() : target;
  if (ip.family === 'inet' && localAddress(world, addr)) {
    return `local ${addr} dev lo table local src ${addr} uid ${uid} \n    cache <local> \n`;
  }
  let best: Route | undefined;
  let bestBits = -1;
  for (const r of routesOf(world, { family: ip.family })) {
    const p = prefixOf(r);
    if (!p || p.bytes.length !== ip.bytes.length) continue;
    if (!prefixMatch(ip.bytes, p.bytes, p.bits)) continue;
    const lower = (r.metric ?? 0) < (best?.metric ?? 0);
    const better = p.bits > bestBits || (p.bits === bestBits && lower);
    if (better) { best = r; bestBits = p.bits; }
  }
  if (!best) return null;
  const src = sourceFor(world, best, ip.family);
  if (ip.family === 'inet6') {
    const via = best.via ? ` via ${best.via}` : '';
    return `${addr} from ::${via} dev ${best.dev} proto ${best.proto ?? 'kernel'}`
      + `${src ? ` src ${src}` : ''} metric ${best.metric ?? 1024} pref ${best.pref ?? 'medium'}\n`;
  }
  const via = best.via ? ` via ${best.via}` : '';
  return `${addr}${via} dev ${best.dev}${src ? ` src ${src}` : ''} uid ${uid} \n    cache \n`;
}
