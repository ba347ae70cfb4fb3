/**
 * Routes and neighbours from the `host` block: the listed routes plus the
 * kernel's connected routes of each address (sorted as the kernel's table
 * is), and the neighbour table with the default gateway on standard hosts.
 */
import type { Interface, Neighbour, Route } from '../types';
import { compact, type BuildContext } from './context';
import { addrKey, isV6, networkOf } from './ip';

function connected(links: Interface[]): Route[] {
  const out: Route[] = [];
  for (const link of links) {
    const down = link.flags.includes('NO-CARRIER') || link.operState === 'DOWN';
    for (const a of link.addresses) {
      if (a.family === 'inet') {
        if (a.scope === 'host') continue;
        const dst =
          a.peer ?? (a.prefix === 32 ? a.address : `${networkOf(a.address, a.prefix)}/${a.prefix}`);
        out.push(
          compact<Route>({
            family: 'inet',
            dst,
            dev: link.name,
            proto: 'kernel',
            scope: 'link',
            src: a.address,
            linkdown: down || undefined,
          }),
        );
      } else {
        // Kernel 6.x keeps ::1 in the local table only: `ip -6 route` does not show it.
        if (a.scope === 'host') continue;
        const dst = `${networkOf(a.address, a.prefix)}/${a.prefix}`;
        out.push(
          compact<Route>({
            family: 'inet6',
            dst,
            dev: link.name,
            proto: 'kernel',
            metric: 256,
            linkdown: down || undefined,
            pref: 'medium',
          }),
        );
      }
    }
  }
  return out;
}

function routeKey(r: Route, links: Map<string, number>): string {
  const [addr = '', len = ''] =
    r.dst === 'default' ? [r.family === 'inet' ? '0.0.0.0' : '::', '0'] : r.dst.split('/');
  const plen = len === '' ? (r.family === 'inet' ? 32 : 128) : Number(len);
  const index = links.get(r.dev) ?? 0;
  return `${addrKey(addr)}/${String(plen).padStart(3, '0')}/${String(r.metric ?? 0).padStart(10, '0')}/${String(index).padStart(6, '0')}`;
}

export function buildRoutes(ctx: BuildContext, links: Interface[]): Route[] {
  const byName = new Map(links.map((l) => [l.name, l.index]));
  const explicit: Route[] = ctx.doc.host.routes.map((r, i) => {
    if (!byName.has(r.dev))
      ctx.sink.error(
        ['host', 'routes', i, 'dev'],
        `no interface "${r.dev}"`,
        'declare it under host.interfaces',
      );
    const family =
      r.family ?? (isV6(r.dst) || (r.via !== undefined && isV6(r.via)) ? 'inet6' : 'inet');
    return compact<Route>({
      family,
      dst: r.dst,
      via: r.via,
      dev: r.dev,
      proto: r.proto,
      scope: r.scope,
      src: r.src,
      metric: r.metric,
      linkdown: r.linkdown,
      pref: r.pref,
      table: r.table,
    });
  });
  if (!ctx.doc.host.connected_routes) return explicit;
  const seen = new Set(explicit.map((r) => `${r.family}|${r.dst}|${r.dev}`));
  const auto = connected(links).filter((r) => !seen.has(`${r.family}|${r.dst}|${r.dev}`));
  const all = [...explicit, ...auto];
  const keys = new Map(all.map((r) => [r, routeKey(r, byName)]));
  const v4 = all.filter((r) => r.family === 'inet');
  const v6 = all.filter((r) => r.family === 'inet6');
  const sort = (list: Route[]) =>
    list.sort((a, b) => ((keys.get(a) as string) < (keys.get(b) as string) ? -1 : 1));
  return [...sort(v4), ...sort(v6)];
}

/** With baseline standard, the default gateway is in the neighbour table. */
function gatewayNeighbours(ctx: BuildContext, listed: Neighbour[], routes: Route[]): Neighbour[] {
  if (ctx.doc.host.baseline !== 'standard') return [];
  const out: Neighbour[] = [];
  for (const r of routes) {
    if (r.dst !== 'default' || !r.via || r.family !== 'inet') continue;
    if (listed.some((n) => n.address === r.via) || out.some((n) => n.address === r.via)) continue;
    const state = ctx.ids.stream(`neigh:${r.via}`).pick(['REACHABLE', 'STALE', 'DELAY'] as const);
    out.push({ address: r.via, dev: r.dev, lladdr: ctx.ids.mac(`neigh:${r.via}`), state });
  }
  return out;
}

export function buildNeighbours(
  ctx: BuildContext,
  links: Interface[],
  routes: Route[] = [],
): Neighbour[] {
  const names = new Set(links.map((l) => l.name));
  const listed = ctx.doc.host.neighbours.map((n, i) => {
    if (!names.has(n.dev))
      ctx.sink.error(['host', 'neighbours', i, 'dev'], `no interface "${n.dev}"`);
    const lladdr =
      n.lladdr === 'auto' ? ctx.ids.mac(`neigh:${n.address}`) : n.lladdr?.toLowerCase();
    return compact<Neighbour>({
      address: n.address,
      dev: n.dev,
      lladdr,
      state: n.state,
      router: n.router,
    });
  });
  return [...gatewayNeighbours(ctx, listed, routes), ...listed];
}
