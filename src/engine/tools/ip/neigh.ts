/** `ip neigh show`: the world's neighbour (ARP/NDP) table. */
import type { Neighbour } from '../../world/types';

export function neighText(list: Neighbour[], showDev: boolean): string {
  return list.map((n) => {
    let s = n.address;
    if (showDev) s += ` dev ${n.dev}`;
    if (n.lladdr) s += ` lladdr ${n.lladdr}`;
    if (n.router) s += ' router';
    return `${s} ${n.state} \n`;
  }).join('');
}
