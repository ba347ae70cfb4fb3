import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from '../../world/behaviours/flagship.fixture';
import { loadRenderers, procRenderers } from '../../shell/renderers';
import { buildViewTree } from '../../shell/view-tree';
import { procPids } from './pid';

const c = compiledOnce(flagship);
const w = c.at(c.base.now);
await loadRenderers();
const tree = buildViewTree(w, procRenderers);
const read = (path: string): string | undefined => {
  const n = tree.lookup(path);
  return n?.kind === 'file' ? n.content() : undefined;
};
const dir = (path: string): string[] | undefined => {
  const n = tree.lookup(path);
  return n?.kind === 'dir' ? n.entries() : undefined;
};
const fields = (text: string | undefined, names: string[]) =>
  (text ?? '').split('\n').filter((l) => names.includes(l.split(':')[0]!)).join('\n');

describe('/proc/PID/task: one directory per thread', () => {
  it('lists every thread; a thread has its own comm, status and stat', () => {
    expect([dir('/proc/446/task'), dir('/proc/448/task'), dir('/proc/451/task')])
      .toEqual([['446', '447', '448', '449'], ['446', '447', '448', '449'], ['451']]);
    expect(read('/proc/446/task/449/comm')).toBe('rs:main Q:Reg\n');
    const names = ['Name', 'Tgid', 'Pid', 'NStgid', 'NSpid', 'Threads'];
    expect(fields(read('/proc/446/task/448/status'), names))
      .toBe('Name:\tin:imklog\nTgid:\t446\nPid:\t448\nNStgid:\t446\nNSpid:\t448\nThreads:\t4');
    expect(fields(read('/proc/446/status'), names))
      .toBe('Name:\trsyslogd\nTgid:\t446\nPid:\t446\nNStgid:\t446\nNSpid:\t446\nThreads:\t4');
    const stat = (p: string) => read(p)?.split(' ').filter((_, i) => [0, 1, 3, 19].includes(i)).join(' ');
    expect([stat('/proc/459/stat'), stat('/proc/458/task/458/stat')])
      .toEqual(['459 (gmain) 1 3', '458 (polkitd) 1 3']);
  });

  it('threads are not listed in /proc, and a task of another process is not there', () => {
    expect(procPids(w).filter((p) => p >= 446 && p <= 449)).toEqual([446]);
    expect(dir('/proc')?.includes('447')).toBe(false);
    expect([tree.lookup('/proc/446/task/451'), tree.lookup('/proc/451/task/446/comm')]).toEqual([undefined, undefined]);
    expect(tree.lookup('/proc/446/task')).toMatchObject({ links: 6 });
  });
});
