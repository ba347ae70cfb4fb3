/**
 * `ip route show` and `ip route get`, text and JSON, over the world's main
 * routing table. `get` picks the longest matching prefix, then the lowest
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

export function routesOf(world: HostState, f: RouteFilter): Route[] {
  const table = f.table ?? 'main';
  return world.routes.filter((r) => r.family === f.family
    && (table === 'all' || (r.table ?? 'main') === table)
    && (f.dev === undefined || r.dev === f.dev)
    && (f.dst === undefined || sameDst(r.dst, f.dst)));
}

function fields(r: Route, showDev: boolean): string[] {
  const out = [r.dst];
  if (r.via) out.push(`via ${r.via}`);
  if (showDev) out.push(`dev ${r.dev}`);
  if (r.proto && r.proto !== 'boot') out.push(`proto ${r.proto}`);
  if (r.scope && r.scope !== 'global') out.push(`scope ${r.scope}`);
  if (r.src) out.push(`src ${r.src}`);
  if (r.metric !== undefined) out.push(`metric ${r.metric}`);
  if (r.linkdown) out.push('linkdown');
  return out;
}

export function routeText(routes: Route[], showDev: boolean): string {
  return routes.map((r) => {
    const base = `${fields(r, showDev).join(' ')} `;
    return r.pref ? `${base}pref ${r.pref}\n` : `${base}\n`;
  }).join('');
}

export function routeJson(routes: Route[], showDev: boolean): JsonValue {
  return routes.map((r) => {
    const o: Record<string, JsonValue> = { dst: r.dst };
    if (r.via) o.gateway = r.via;
    if (showDev) o.dev = r.dev;
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
