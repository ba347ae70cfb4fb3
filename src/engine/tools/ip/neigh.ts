/** `ip neigh show`: the world's neighbour (ARP/NDP) table. */
import type { Neighbour } from '../../world/types';
import type { JsonValue } from './jsonw';

export function neighText(list: Neighbour[], showDev: boolean): string {
  return list.map((n) => {
    let s = n.address;
    if (showDev) s += ` dev ${n.dev}`;
    if (n.lladdr) s += ` lladdr ${n.lladdr}`;
    if (n.router) s += ' router';
    return `${s} ${n.state} \n`;
  }).join('');
}

/** `ip -j neigh`: dst, dev, lladdr, `router: null`, state as an array. */
export function neighJson(list: Neighbour[], showDev: boolean): JsonValue {
  return list.map((n) => {
    const o: Record<string, JsonValue> = { dst: n.address };
    if (showDev) o.dev = n.dev;
    if (n.lladdr) o.lladdr = n.lladdr;
    if (n.router) o.router = null;
    o.state = [n.state];
    return o;
  });
}
