import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load';
import { commandLine, isKernelThread } from '../../tools/procfs/processes';

const FLAGSHIP = readFileSync(
  new URL('../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

describe('base host: the kernel threads of a 2-CPU VM', () => {
  const r = loadScenario(FLAGSHIP, { fileName: 'flagship.yaml' });
  if (!r.ok) throw new Error('flagship does not load');
  const world = r.scenario.worldAt(r.scenario.now);
  const kthreads = world.processes.filter(isKernelThread);

  it('has kthreadd as pid 2 and its children below the first userspace pid', () => {
    const kthreadd = world.processes.find((p) => p.pid === 2);
    expect(kthreadd && commandLine(kthreadd)).toBe('[kthreadd]');
    const firstUser = Math.min(...world.processes.filter((p) => !isKernelThread(p) && p.pid > 1).map((p) => p.pid));
    for (const k of kthreads) {
      expect(k.pid).toBeLessThan(firstUser);
      if (k.pid !== 2) expect(k.ppid).toBe(2);
      expect([k.uid, k.vsz, k.rss, k.exe, k.tty]).toEqual([0, 0, 0, '', null]);
    }
  });

  it('has the per-CPU threads of both CPUs and the usual block and fs threads', () => {
    const names = new Set(kthreads.map((k) => k.comm));
    for (const cpu of [0, 1]) {
      for (const n of ['ksoftirqd', 'migration', 'idle_inject', 'cpuhp']) expect(names).toContain(`${n}/${cpu}`);
    }
    for (const n of ['rcu_gp', 'kworker/0:1-events', 'kswapd0', 'jbd2/vda1-8', 'ext4-rsv-conver']) {
      expect(names).toContain(n);
    }
    expect(new Set(kthreads.map((k) => k.stat))).toEqual(new Set(['S', 'I', 'I<', 'SN']));
  });
});
