/**
 * The host's memory at a moment, in kB, for /proc/meminfo and free: the
 * processes' resident sets plus the kernel's own use are "used"; the page
 * cache grows with the uptime (logs, packages, the web root read since
 * boot) up to a share of what is left; "available" is free plus the part of
 * cache and reclaimable slab the kernel can give back.
 */
import type { HostState } from './types';

export interface Memory {
  total: number; free: number; available: number; buffers: number; cached: number;
  shmem: number; sReclaimable: number; sUnreclaim: number; used: number;
  swapTotal: number; swapFree: number;
}

export function memoryOf(w: HostState): Memory {
  const total = w.host.memTotalKb;
  // The reading program itself is left out, so cat /proc/meminfo and free agree.
  const procs = w.processes.filter((p) => p.pid !== w.self);
  const rss = procs.reduce((n, p) => n + p.rss, 0);
  const hours = Math.max(0, (w.now - w.host.bootTime) / 3_600_000);
  const shmem = Math.min(Math.floor(total * 0.004), 2048 + procs.length * 8);
  const sUnreclaim = Math.floor(total * 0.012);
  const kernel = Math.floor(total * 0.03) + sUnreclaim;
  const room = Math.max(0, total - rss - kernel);
  const grow = Math.min(1, 0.25 + hours / 96);
  const cached = Math.floor(room * 0.45 * grow) + shmem;
  const buffers = Math.floor(room * 0.03 * grow);
  const sReclaimable = Math.floor(room * 0.04 * grow);
  const free = Math.max(0, total - rss - kernel - cached - buffers - sReclaimable);
  const available = Math.min(total, free + buffers + cached - shmem + sReclaimable);
  const used = total - free - buffers - cached - sReclaimable;
  return { total, free, available, buffers, cached, shmem, sReclaimable, sUnreclaim, used, swapTotal: 0, swapFree: 0 };
}

/** /proc/meminfo's first lines, as the kernel lays them out ("%-15s %8lu kB"). */
export function meminfoText(w: HostState): string {
  const m = memoryOf(w);
  const rows: [string, number][] = [
    ['MemTotal', m.total], ['MemFree', m.free], ['MemAvailable', m.available], ['Buffers', m.buffers],
    ['Cached', m.cached], ['SwapCached', 0], ['SwapTotal', m.swapTotal], ['SwapFree', m.swapFree],
    ['Shmem', m.shmem], ['Slab', m.sReclaimable + m.sUnreclaim], ['SReclaimable', m.sReclaimable],
    ['SUnreclaim', m.sUnreclaim],
  ];
  return rows.map(([k, v]) => `${`${k}:`.padEnd(15)} ${String(v).padStart(8)} kB\n`).join('');
}
