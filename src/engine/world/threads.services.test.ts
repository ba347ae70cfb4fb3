import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './behaviours/flagship.fixture';
import { serviceCatalogue } from './profile-services';
import { tasksOf, threadCount } from './threads';
import type { DistroId } from './types';

const DISTROS: DistroId[] = ['ubuntu-24.04', 'ubuntu-22.04', 'debian-12'];

describe('threads of the baseline services', () => {
  it('STAT has l exactly when the catalogue gives a process threads', () => {
    const wrong = DISTROS.flatMap((distro) => [...serviceCatalogue({ distro, cpus: 2 }).values()]
      .flatMap((d) => d.processes)
      .filter((p) => p.stat.includes('l') !== (p.threads?.length ?? 0) > 0)
      .map((p) => `${distro} ${p.comm ?? p.argv[0]} ${p.stat}`));
    expect(wrong).toEqual([]);
  });

  it('Ubuntu 24.04: rsyslogd 4, polkitd 3, unattended-upgr 2, ids from the pid counter at the start', () => {
    const c = compiledOnce(flagship);
    const w = c.at(c.base.now);
    const byComm = (comm: string) => w.processes.find((p) => p.comm === comm)!;
    const rows = ['rsyslogd', 'polkitd', 'unattended-upgr'].map((comm) => {
      const p = byComm(comm);
      return [p.pid, p.stat, threadCount(p), tasksOf(p).map((t) => `${t.tid} ${t.comm}`)];
    });
    expect(rows).toEqual([
      [446, 'Ssl', 4, ['446 rsyslogd', '447 in:imuxsock', '448 in:imklog', '449 rs:main Q:Reg']],
      [458, 'Ssl', 3, ['458 polkitd', '459 gmain', '460 gdbus']],
      [492, 'Ssl', 2, ['492 unattended-upgr', '493 gmain']],
    ]);
    // A process started later has a larger pid than every thread started before it.
    const tids = w.processes.flatMap((p) => tasksOf(p).map((t) => ({ tid: t.tid, start: p.startTime })));
    const later = w.processes.filter((p) => tids.some((t) => t.start < p.startTime && t.tid > p.pid));
    expect(later.map((p) => p.pid)).toEqual([]);
    const ids = tids.map((t) => t.tid);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
