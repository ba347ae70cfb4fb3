/**
 * systemd-logind's session numbers. logind counts sessions upward from 1
 * after boot, one per PAM session that pam_systemd registers (SSH and
 * console logins; cron and sudo register none). The host's history is not
 * all in the scenario, so the unseen logins are taken as one every half
 * hour since boot, and each login the scenario has (timeline or trainee)
 * adds one: numbers only grow with time, and no two logins share one.
 */
const UNSEEN_EVERY_MS = 1_800_000;

/** The number of a login at `at`, after `before` scenario logins since boot. */
export function logindSession(boot: number, at: number, before: number): number {
  return 1 + Math.floor(Math.max(0, at - boot) / UNSEEN_EVERY_MS) + before;
}
