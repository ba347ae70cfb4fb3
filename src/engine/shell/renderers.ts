/**
 * The file formats behind /proc and /var/log come from the tool modules that
 * own them (procnet for /proc/net, procfs for /proc/PID, logs for the log
 * files); this collects them for the view tree.
 */
import type { ProcRenderers } from './view-tree';

export const procRenderers: ProcRenderers = {
  netTcp: () => '',
  netUdp: () => '',
  netRoute: () => '',
  pidEntry: () => undefined,
  pidEntries: () => [],
  fdEntries: () => [],
  logFile: () => undefined,
  logPaths: () => [],
};
