/**
 * The file formats behind /proc and /var/log come from the tool modules that
 * own them (procnet for /proc/net, procfs for /proc/PID, logs for the log
 * files); this collects them for the view tree.
 */
import { LOG_FILE_PATHS, logFile } from '../tools/logs/files';
import { nginxLogOwner, nginxLogPaths } from '../tools/logs/nginx';
import { procPidEntry, procPidList } from '../tools/procfs/pid';
import { procNetTcp, procNetUdp } from '../tools/procnet/procnet';
import { procNetRoute } from '../tools/procnet/route';
import { procNetDev } from '../tools/procnet/dev';
import { loginRecordViews } from '../tools/last/records';
import type { ProcRenderers } from './view-tree';

export const procRenderers: ProcRenderers = {
  netTcp: procNetTcp,
  netUdp: procNetUdp,
  netRoute: procNetRoute,
  netDev: procNetDev,
  pidEntry(world, pid, name) {
    const entry = procPidEntry(world, pid, name);
    if (!entry || entry.kind === 'dir') return undefined;
    return entry.kind === 'file' ? { kind: 'file', content: entry.content } : { kind: 'link', target: entry.target };
  },
  pidEntries: (world, pid) => (procPidList(world, pid) ?? []).map((e) => e.name),
  fdEntries(world, pid) {
    const fd = procPidEntry(world, pid, 'fd');
    if (!fd || fd.kind !== 'dir') return [];
    return fd.entries.map((e) => ({ fd: Number(e.name), target: e.target ?? '', mode: e.mode }));
  },
  logFile,
  logPaths: (world) => [...LOG_FILE_PATHS, ...nginxLogPaths(world)],
  logOwner: nginxLogOwner,
  recordFiles: loginRecordViews,
};
