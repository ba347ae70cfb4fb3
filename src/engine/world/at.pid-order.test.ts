import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import type { HostState, LogEntry, Process } from './types';

const FLAGSHIP = readFileSync(
  new URL('../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

const H = 3_600_000;
const M = 60_000;

/** Kernel threads (kthreadd's children) and pid 1 come before any counter. */
const allocated = (p: { pid: number; ppid?: number }) => p.pid > 2 && p.ppid !== 2;

interface Start { pid: number; at: number; what: string }

/** Pids in start order must grow: returns the pairs that do not. */
function disorder(starts: Start[]): string[] {
  const sorted = [...starts].sort((a, b) => a.at - b.at || a.pid - b.pid);
  const bad: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (b.pid <= a.pid) bad.push(`${a.what} ${a.pid} @${a.at} then ${b.what} ${b.pid} @${b.at}`);
  }
  return bad;
}

describe('pids follow start times across the flagship', () => {
  const r = loadScenario(FLAGSHIP, { fileName: 'flagship.yaml' });
  if (!r.ok) throw new Error('flagship does not load');
  const s = r.scenario;
  const logins = [...s.entities.values()].filter((e) => e.kind === 'ssh-login').map((e) => e.at + 100);
  const times = [-22 * H, -5 * H, -2 * H, -115 * M, -7 * M, -3 * M, 0, 10 * M].map((d) => s.now + d)
    .concat(logins).sort((a, b) => a - b);
  const worlds = times.map((t) => s.worldAt(t));
  const seen = new Map<number, Process>();
  for (const w of worlds) for (const p of w.processes) if (allocated(p)) seen.set(p.pid, p);
  const logs = s.worldAt(s.now + 10 * M).logs(s.now - 24 * H, s.now + 10 * M).filter((l) => l.pid !== undefined);

  it('sorts each world, and all of them together, by start time into increasing pids', () => {
    for (const w of worlds) {
      const starts = w.processes.filter(allocated).map((p) => ({ pid: p.pid, at: p.startTime, what: p.comm }));
      expect(starts.length).toBeGreaterThan(12);
      expect(disorder(starts)).toEqual([]);
    }
    expect(disorder([...seen.values()].map((p) => ({ pid: p.pid, at: p.startTime, what: p.comm })))).toEqual([]);
  });

  it('gives the processes only the logs name (cron runs, failed logins) pids in the same order', () => {
    const first = new Map<number, LogEntry>();
    for (const l of logs) if (allocated({ pid: l.pid! }) && !first.has(l.pid!)) first.set(l.pid!, l);
    const starts: Start[] = [...seen.values()].map((p) => ({ pid: p.pid, at: p.startTime, what: p.comm }));
    for (const [pid, l] of first) {
      if (!seen.has(pid)) starts.push({ pid, at: l.time, what: `${l.ident}: ${l.message.slice(0, 30)}` });
    }
    expect(starts.filter((x) => x.what.startsWith('CRON')).length).toBeGreaterThan(100);
    expect(starts.filter((x) => x.what.startsWith('sshd: Invalid')).length).toBeGreaterThan(3);
    expect(disorder(starts)).toEqual([]);
  });

  it('names in each CRON line of a check-in the process that ran it', () => {
    const run = Math.floor((s.now - 2 * M) / M) * M;
    const w = s.worldAt(run + 10);
    const mine = w.processes.filter((p) => p.startTime === run && p.ppid !== 1);
    const cron = mine.find((p) => p.argv[0] === '/usr/sbin/CRON')!;
    const sh = mine.find((p) => p.comm === 'sh')!;
    const lines = logs.filter((l) => l.ident === 'CRON' && l.time >= run && l.time < run + 30_000);
    expect(lines.map((l) => [l.pid, l.message.split(' ')[0]])).toEqual([
      [cron.pid, 'pam_unix(cron:session):'], [sh.pid, `(${s.vars.get('victim_user')})`],
      [cron.pid, 'pam_unix(cron:session):'],
    ]);
  });

  it('has /proc/loadavg\'s last pid at or above every pid handed out so far, below later ones', () => {
    const all = [...seen.values()];
    worlds.forEach((w: HostState, i) => {
      const t = times[i]!;
      const before = all.filter((p) => p.startTime <= t).map((p) => p.pid);
      const after = all.filter((p) => p.startTime > t).map((p) => p.pid);
      expect(w.lastPid).toBeGreaterThanOrEqual(Math.max(...before));
      if (after.length > 0) expect(w.lastPid).toBeLessThan(Math.min(...after));
    });
  });
});
