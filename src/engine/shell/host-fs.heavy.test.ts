import { describe, expect, it } from 'vitest';
import { HostFs, type ViewNode, type ViewTree } from './host-fs';

/** A tree with one light file and one heavy one whose renderer is not there until loaded. */
function fsWithHeavy() {
  let loaded = false;
  let loads = 0;
  const nodes = new Map<string, ViewNode>([
    ['/', { kind: 'dir', entries: () => ['var'], mode: 0o755, uid: 0, gid: 0, mtime: 0 }],
    ['/var', { kind: 'dir', entries: () => ['light', 'heavy'], mode: 0o755, uid: 0, gid: 0, mtime: 0 }],
    ['/var/light', { kind: 'file', content: () => 'plain\n', mode: 0o644, uid: 0, gid: 0, mtime: 0 }],
    ['/var/heavy', {
      kind: 'file', heavy: true, mode: 0o644, uid: 0, gid: 0,
      content: () => {
        if (!loaded) throw new Error('renderer not loaded');
        return 'rendered\n';
      },
      get mtime() {
        if (!loaded) throw new Error('renderer not loaded');
        return 60_000;
      },
    }],
  ]);
  const tree: ViewTree = { lookup: (p) => nodes.get(p), canonical: (p) => p } as ViewTree;
  const fs = new HostFs(() => tree, {
    uid: () => 0, gids: () => [0], home: () => '/root', now: () => 0,
    async loadRenderers() {
      loads += 1;
      loaded = true;
    },
  });
  return { fs, loads: () => loads };
}

describe('files whose renderers load on first use', () => {
  it('are read and stat’ed only after their renderers have loaded', async () => {
    const { fs, loads } = fsWithHeavy();
    expect(await fs.readFile('/var/light')).toBe('plain\n');
    expect((await fs.stat('/var/light')).size).toBe(6);
    expect(loads()).toBe(0);
    const st = await fs.stat('/var/heavy');
    expect([st.size, st.mtime.getTime()]).toEqual([9, 60_000]);
    expect(await fs.readFile('/var/heavy')).toBe('rendered\n');
    expect(loads()).toBeGreaterThan(0);
  });

  it('are listed without loading anything', async () => {
    const { fs, loads } = fsWithHeavy();
    expect(await fs.readdir('/var')).toEqual(['heavy', 'light']);
    expect(loads()).toBe(0);
    expect((await fs.describe('/var/heavy'))?.mtime).toBe(60_000);
    expect(loads()).toBe(1);
  });
});
