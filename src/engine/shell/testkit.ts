/**
 * Helpers for the shell's tests: a host whose log grows with the simulated
 * clock, and a wall clock that presses Ctrl-C at a chosen moment. The
 * manual wall clock moves only when waited on, so a test runs in no time
 * and the same way every time.
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../scenario/load';
import { createLabSession } from '../session/session';
import type { LabSession } from '../session/types';
import type { WallClock } from '../session/clock';
import type { HostState } from '../world/types';
import type { AbortSignalLike } from '../session/types';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import { NOW } from '../../../test/fixtures/web01';

/** One line a minute, on the minute, from 13:20 on; the first at 13:20:00. */
export const APP_LOG = '/var/log/app.log';

export function appLogLine(minute: number): string {
  return `Dec  4 13:${String(minute).padStart(2, '0')}:00 web01 app[700]: tick ${minute}\n`;
}

/** The log as it stands at `t`: every minute from 13:20 up to t. */
export function appLogAt(t: number): string {
  const first = NOW - 8 * 60_000 - 56_000;
  let out = '';
  for (let m = 20, at = first; at <= t && m < 60; m++, at += 60_000) out += appLogLine(m);
  return out;
}

export type WorldEdit = (world: HostState) => void;

export function growingLog(world: HostState): void {
  world.files.push({ path: APP_LOG, content: appLogAt(world.now), mode: 0o644, uid: 0, gid: 0, mtime: world.now });
}

/** A manual wall clock that aborts `controller` once `pressAt` ms of wall time have passed. */
export function ctrlCAfter(pressAt: number): { wall: WallClock; signal: AbortSignalLike } {
  type Controller = { signal: AbortSignalLike; abort(): void };
  const controller = new (globalThis as unknown as { AbortController: new () => Controller }).AbortController();
  let t = 0;
  const wall: WallClock = {
    now: () => t,
    async wait(ms, signal) {
      if (signal?.aborted || !Number.isFinite(ms)) return false;
      t += ms;
      if (t >= pressAt && !controller.signal.aborted) controller.abort();
      return !signal?.aborted;
    },
  };
  return { wall, signal: controller.signal };
}

export function shellOn(edit: WorldEdit, wall?: WallClock): LabSession {
  return createLabSession({ scenario: web01Scenario(edit), wallClock: wall });
}

/** The flagship at `seed`, in a root shell (`sudo -i`), as an analyst works on it. */
export async function flagshipRootShell(seed = 7): Promise<LabSession> {
  const loaded = loadScenario(readFileSync('scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'utf8'), { seed });
  if (!loaded.ok) throw new Error('the flagship does not load');
  const s = createLabSession({ scenario: loaded.scenario });
  await s.exec('sudo -i');
  return s;
}

export { NOW };
