/**
 * CPU time a baseline daemon has used by the scenario's "now", from a
 * per-program rate (seconds of CPU per hour of running), so that ps's TIME,
 * /proc/PID/stat and systemctl's CPU: line show what an idle server's
 * daemons accumulate: systemd a minute or two over a week, sshd's listener
 * a few seconds. The base is built once, so the figure is the one at "now"
 * for every moment the lab shows.
 */
const SECONDS_PER_HOUR: ReadonlyMap<string, number> = new Map([
  ['systemd', 0.42], ['systemd-journal', 0.16], ['systemd-resolve', 0.06],
  ['systemd-network', 0.012], ['systemd-udevd', 0.011], ['systemd-logind', 0.024],
  ['systemd-timesyn', 0.01], ['cron', 0.045], ['rsyslogd', 0.05], ['sshd', 0.018],
  ['dbus-daemon', 0.03], ['chronyd', 0.021], ['polkitd', 0.006], ['nginx', 0.028],
  ['unattended-upgr', 0.004], ['agetty', 0.0005], ['containerd', 0.9], ['dockerd', 0.35],
  ['apache2', 0.03], ['mariadbd', 0.6], ['postgres', 0.08], ['snapd', 0.2],
]);

/** Unknown programs: a light daemon. */
const DEFAULT_RATE = 0.01;

/** CPU seconds (to the hundredth, as the kernel counts ticks) used from `start` to `now`. */
export function daemonCpuSeconds(comm: string, start: number, now: number): number {
  const hours = Math.max(0, now - start) / 3_600_000;
  const rate = SECONDS_PER_HOUR.get(comm) ?? DEFAULT_RATE;
  return Math.floor(rate * hours * 100) / 100;
}
