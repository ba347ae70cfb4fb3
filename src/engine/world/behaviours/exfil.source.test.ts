import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';

describe('exfil: the file tar reads exists', () => {
  const c = compiledOnce(flagship);
  const b = c.byId('exfil', 'exfil');

  it('opens a regular file of the world under the source, not the directory', () => {
    const w = c.at(b.at + 60_000);
    const tar = w.processes.find((p) => p.pid === b.pids[0])!;
    const fd = tar.fds.find((f) => f.fd === 3)!;
    expect(fd.kind).toBe('file');
    const path = String(fd.target);
    expect(path.startsWith(`${b.source}/`)).toBe(true);
    expect(w.files.some((f) => f.path === path)).toBe(true);
  });
});
