/**
 * /proc/PID views against the captures. The captured commands used shell
 * utilities (tr, readlink, ls -l, head) that the shell layer provides; the
 * test applies the same transformations to what procPidEntry returns, so it
 * holds the content, NUL layout, link targets, owners and modes of the
 * entries, not ls itself.
 */
import { describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import { procPidEntry, procPidList, procAccessAllowed } from '../../src/engine/tools/procfs/pid';
import { lastForm } from '../../src/engine/world/time-format';
import type { ProcEntryMeta } from '../../src/engine/tools/procfs/pid';
import { lineShare, normalise, readCapture } from './helpers';

const w = web01();

function file(rel: string): string {
  const e = procPidEntry(w, 22713, rel);
  if (e?.kind !== 'file') throw new Error(`${rel} is not a file`);
  return e.content;
}

function check(name: string, actual: string, captureFile: string): void {
  const cap = readCapture(captureFile);
  const out = normalise(actual);
  const { same, total } = lineShare(out, cap.output);
  process.stdout.write(`golden ${name}: ${same}/${total} lines identical\n`);
  expect(out).toBe(cap.output);
}

function modeText(kind: string, mode: number): string {
  const bits = ['r', 'w', 'x'];
  let s = kind === 'link' ? 'l' : kind === 'dir' ? 'd' : '-';
  for (let i = 8; i >= 0; i--) s += mode & (1 << i) ? bits[(8 - i) % 3] : '-';
  return s;
}

function lsLong(entries: ProcEntryMeta[]): string {
  const name = (uid: number): string => w.accounts.find((a) => a.uid === uid)?.name ?? String(uid);
  const group = (gid: number): string => w.groups.find((g) => g.gid === gid)?.name ?? String(gid);
  const when = (ms: number): string => lastForm(ms, 'UTC').slice(4);
  const rows = entries.map((e) =>
    `${modeText(e.kind, e.mode)} 1 ${name(e.uid)} ${group(e.gid)} ${e.size} ${when(e.mtime)} ${e.name}` +
    (e.target !== undefined ? ` -> ${e.target}` : ''));
  return ['total 0', ...rows].join('\n');
}

describe('/proc/PID golden', () => {
  it('cmdline', () => {
    const raw = file('cmdline');
    expect(raw).toBe('bash\0-i\0');
    check('proc cmdline', `${raw.replace(/\0/g, ' ')}\n`, 'proc-cmdline.txt');
  });

  it('environ', () => {
    const raw = file('environ');
    expect(raw.endsWith('\0')).toBe(true);
    check('proc environ', raw.replace(/\0/g, '\n'), 'proc-environ.txt');
  });

  it('exe', () => {
    const e = procPidEntry(w, 22713, 'exe');
    check('proc exe', e?.kind === 'link' ? `${e.target}\n` : '', 'proc-exe.txt');
  });

  it('fd', () => {
    const e = procPidEntry(w, 22713, 'fd');
    check('proc fd', e?.kind === 'dir' ? lsLong(e.entries) : '', 'proc-fd.txt');
    expect(procPidEntry(w, 22713, 'fd/255')).toMatchObject({ kind: 'link', target: '/dev/tty' });
  });

  it('status (head -12)', () => {
    check('proc status', file('status').split('\n').slice(0, 12).join('\n'), 'proc-status.txt');
  });

  it('listing, loginuid and access', () => {
    expect(procPidList(w, 22713)?.map((e) => e.name)).toEqual(
      ['cmdline', 'comm', 'cwd', 'environ', 'exe', 'fd', 'loginuid', 'root', 'stat', 'status', 'task']);
    expect(procPidList(w, 1)).toBeUndefined();
    expect(file('loginuid')).toBe('1001');
    expect(procPidEntry(w, 22570, 'loginuid')).toMatchObject({ content: '4294967295' });
    expect(procPidEntry(w, 22570, 'cmdline')).toMatchObject({ content: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups\0' });
    expect(procAccessAllowed(w, 22570, 1001, 'environ')).toBe(false);
    expect(procAccessAllowed(w, 22570, 1001, 'status')).toBe(true);
    expect(procAccessAllowed(w, 22713, 1001, 'fd/0')).toBe(true);
  });
});
