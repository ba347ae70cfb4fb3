/**
 * /proc/net/dev: one line per interface in ifindex order, the counters the
 * kernel keeps (net/core/net-procfs.c). The drop column adds the missed
 * packets, as the kernel does; the frame, fifo and compressed counters are
 * not modelled and read 0, as they do on most virtual NICs.
 */
import type { HostState } from '../../world/types';

const HEADER =
  'Inter-|   Receive                                                |  Transmit\n' +
  ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';

/** The kernel's field widths after the name (`%6s:`), receive then transmit. */
const WIDTHS = [7, 7, 4, 4, 4, 5, 10, 9, 8, 7, 4, 4, 4, 5, 7, 10];

export function procNetDev(world: HostState): string {
  const lines = [...world.interfaces]
    .sort((a, b) => a.index - b.index)
    .map((i) => {
      const s = i.stats;
      const values = [
        s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped + s.rxMissed, 0, 0, 0, s.rxMcast,
        s.txBytes, s.txPackets, s.txErrors, s.txDropped, 0, s.txCollisions, s.txCarrier, 0,
      ];
      return `${i.name.padStart(6)}:${values.map((v, k) => ` ${String(v).padStart(WIDTHS[k]!)}`).join('')}\n`;
    });
  return HEADER + lines.join('');
}
