import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './behaviours/flagship.fixture';

describe('worldAt: pids and inodes are unique at any time', () => {
  const c = compiledOnce(flagship);
  it('never shows two processes with one pid, or two live sockets with one inode', () => {
    for (let t = c.base.historyStart; t < c.base.now + 3_600_000; t += 97_013) {
      const w = c.at(t);
      const pids = w.processes.map((p) => p.pid);
      expect(new Set(pids).size).toBe(pids.length);
      const inodes = w.sockets.filter((s) => s.inode !== 0).map((s) => s.inode);
      expect(new Set(inodes).size).toBe(inodes.length);
    }
  });

  it('gives every process a living parent (or pid 0 for init)', () => {
    for (let t = c.base.now - 7_200_000; t < c.base.now + 600_000; t += 31_337) {
      const w = c.at(t);
      const pids = new Set(w.processes.map((p) => p.pid));
      // init (1) and kthreadd (2) are the kernel's own children: their ppid is 0.
      const orphans = w.processes.filter((p) => p.pid !== 1 && p.pid !== 2 && !pids.has(p.ppid)).map((p) => [t, p.pid, p.ppid, p.comm]);
      expect(orphans).toEqual([]);
    }
  });
});
