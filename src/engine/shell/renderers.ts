/**
 * The file formats behind /proc and /var/log come from the tool modules that
 * own them (procfs for /proc/PID, procnet for /proc/net, logs for the log
 * files, last for the login records); this collects them for the view tree.
 * What a listing needs is here; the content of the logs, /proc/net, /proc's
 * system files and the record files (renderers-heavy.ts) loads the first
 * time one of them is read, so the shell starts without that code.
 */
import { LOG_FILE_PATHS, nginxLogOwner, nginxLogPaths, RECORD_FILES } from '../tools/logs/log-paths';
import { procPidEntry, procPidList } from '../tools/procfs/pid';
import type { ContentRenderers, ProcRenderers } from './view-tree';

const notLoaded = (): never => {
  throw new Error('file renderers used before loadRenderers()');
};

/** Filled by loadRenderers(); until then a heavy file must not be read. */
const content: ContentRenderers = {
  netTcp: notLoaded, netUdp: notLoaded, netRoute: notLoaded, netDev: notLoaded, logFile: notLoaded,
  recordFile: notLoaded, uptime: notLoaded, stat: notLoaded, meminfo: notLoaded, cpuinfo: notLoaded,
};

let loading: Promise<void> | undefined;

/** Loads the content renderers once (a failed fetch is tried again next time). */
export function loadRenderers(): Promise<void> {
  loading ??= import('./renderers-heavy').then((m) => {
    Object.assign(content, m.contentRenderers);
  });
  loading.catch(() => (loading = undefined));
  return loading;
}

export const procRenderers: ProcRenderers = {
  content,
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
  logPaths: (world) => [...LOG_FILE_PATHS, ...nginxLogPaths(world)],
  logOwner: nginxLogOwner,
  recordPaths: () => RECORD_FILES,
};
