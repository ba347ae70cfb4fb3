/**
 * lsof's two-pass layout: the first pass measures every column over all
 * rows (starting from the header widths), the second prints. COMMAND is
 * left-aligned; PID, USER, FD, TYPE, DEVICE, SIZE/OFF, NLINK (with +L) and
 * NODE are right-aligned; NAME is not padded. The FD column holds the fd
 * text, the access mode letter and the lock letter.
 */
import type { LsofFile } from './entries';

export interface LsofRow {
  command: string;
  pid: number;
  user: string;
  file: LsofFile;
}

export function renderLsof(rows: LsofRow[], nlink = false): string {
  const w = { cmd: 7, pid: 3, user: 4, fd: 2, type: 4, dev: 6, size: 8, links: 5, node: 4 };
  const links = (f: LsofFile) => (f.nlink === undefined ? '' : String(f.nlink));
  for (const r of rows) {
    w.cmd = Math.max(w.cmd, r.command.length);
    w.pid = Math.max(w.pid, String(r.pid).length);
    w.user = Math.max(w.user, r.user.length);
    w.fd = Math.max(w.fd, r.file.fd.length + 2);
    w.type = Math.max(w.type, r.file.type.length);
    w.dev = Math.max(w.dev, r.file.device.length);
    w.size = Math.max(w.size, r.file.sizeOff.length);
    w.links = Math.max(w.links, links(r.file).length);
    w.node = Math.max(w.node, r.file.node.length);
  }
  const linkCol = (v: string) => (nlink ? `${v.padStart(w.links)} ` : '');
  let out =
    `${'COMMAND'.padEnd(w.cmd)} ${'PID'.padStart(w.pid)} ${'USER'.padStart(w.user)} ` +
    `${'FD'.padStart(w.fd - 2)}   ${'TYPE'.padStart(w.type)} ${'DEVICE'.padStart(w.dev)} ` +
    `${'SIZE/OFF'.padStart(w.size)} ${linkCol('NLINK')}${'NODE'.padStart(w.node)} NAME\n`;
  for (const r of rows) {
    const f = r.file;
    out +=
      `${r.command.padEnd(w.cmd)} ${String(r.pid).padStart(w.pid)} ${r.user.padStart(w.user)} ` +
      `${f.fd.padStart(w.fd - 2)}${f.mode}  ${f.type.padStart(w.type)} ${f.device.padStart(w.dev)} ` +
      `${f.sizeOff.padStart(w.size)} ${linkCol(links(f))}${f.node.padStart(w.node)} ${f.name}\n`;
  }
  return out;
}
