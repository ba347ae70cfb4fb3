/**
 * The renderers of file content that no directory listing needs: the log
 * files, /proc/net, /proc's system files and the login record files. The
 * lab loads this module the first time one of those files is read or
 * stat'ed (renderers.ts `loadRenderers`), not before the first prompt.
 */
import { logFile } from '../tools/logs/files';
import { procNetTcp, procNetUdp } from '../tools/procnet/procnet';
import { procNetRoute } from '../tools/procnet/route';
import { procNetDev } from '../tools/procnet/dev';
import { recordFileText, recordFiles, UTMP_SIZE } from '../tools/last/records';
import { cpuinfoText, statText, uptimeText } from '../tools/sysinfo/proc-system';
import { meminfoText } from '../world/memory';
import type { HostState } from '../world/types';
import type { ContentRenderers } from './view-tree';

const records = new WeakMap<HostState, ReturnType<typeof recordFiles>>();

function record(world: HostState, path: string) {
  let files = records.get(world);
  if (!files) records.set(world, (files = recordFiles(world)));
  return files.find((f) => f.path === path);
}

export const contentRenderers: ContentRenderers = {
  netTcp: procNetTcp,
  netUdp: procNetUdp,
  netRoute: procNetRoute,
  netDev: procNetDev,
  logFile,
  recordFile(world, path) {
    const f = record(world, path);
    return f ? { content: recordFileText(f), size: f.records.length * UTMP_SIZE, mtime: f.mtime } : undefined;
  },
  uptime: uptimeText,
  stat: statText,
  meminfo: meminfoText,
  cpuinfo: cpuinfoText,
};
