/**
 * The processes a shell under sudo keeps alive (sudo 1.9.15, Ubuntu's
 * sudoers with `Defaults use_pty`): sudo itself stays on the user's
 * terminal, in its foreground, to relay the new pty; its monitor, a second
 * `sudo` process, starts a session on the new pty and is the parent of the
 * command, which runs there in a process group of its own. So `sudo -i`
 * from `-bash` on pts/0 leaves
 *
 *   -bash (pts/0) -> sudo -i (pts/0, S+) -> sudo -i (pts/1, Ss) -> -bash (pts/1)
 *
 * and `sudo su -` puts `su -` between the monitor and the shell. They live
 * from the sudo event to its `sudo-end` (the shell's exit).
 */
import type { Process, WorldEvent } from './types';

type SudoEvent = Extract<WorldEvent, { type: 'sudo' }>;

const EXE: Readonly<Record<string, string>> = { sudo: '/usr/bin/sudo', su: '/usr/bin/su' };
const SIZES: Readonly<Record<string, [number, number]>> = {
  sudo: [11_904, 5_632], su: [10_960, 4_608], bash: [8_652, 5_376],
};

/** The name a process of `argv` has in /proc/PID/comm ("-bash" and "/bin/bash" are bash). */
function commOf(argv: readonly string[]): string {
  return (argv[0] ?? '').replace(/^-/, '').split('/').pop()!.slice(0, 15);
}

/** The open sudo shells at `t` in `actions` (ctx.actions), with the index of each. */
export function openSudoShells(actions: readonly WorldEvent[], t: number): [SudoEvent, number][] {
  const out: [SudoEvent, number][] = [];
  actions.forEach((a, i) => {
    if (a.type !== 'sudo' || !a.shell || a.at > t) return;
    const ended = actions.some((b, j) => j > i && b.type === 'sudo-end' && b.pid === a.pid && b.at <= t);
    if (!ended) out.push([a, i]);
  });
  return out;
}

/**
 * The processes of one open sudo shell: `pids` are its event's step (sudo,
 * the monitor, then the chain); `from` the process that ran sudo (its
 * parent, whose session it is in).
 */
export function sudoShellProcesses(
  e: SudoEvent, pids: readonly number[], from: Process | undefined,
): Process[] {
  const shell = e.shell;
  if (!shell || pids.length < 2 + shell.chain.length) return [];
  const userTty = e.tty;
  const pty = `/dev/${shell.pty}`;
  const chr = (target: string) => [0, 1, 2].map((fd) => ({ fd, kind: 'chr' as const, target, mode: 'u' as const }));
  const base = (pid: number, ppid: number, argv: readonly string[]): Process => {
    const comm = commOf(argv);
    const [vsz, rss] = SIZES[comm] ?? SIZES.bash!;
    return {
      pid, ppid, uid: 0, gid: 0, comm, argv: [...argv], exe: EXE[comm] ?? '/usr/bin/bash',
      cwd: shell.cwd, env: [], tty: shell.pty, stat: 'S', startTime: e.at, vsz, rss, cpuSeconds: 0,
      fds: chr(pty), ...(e.unit ? { unit: e.unit } : {}),
      ...(from?.loginuid !== undefined ? { loginuid: from.loginuid } : {}),
    };
  };
  const [sudoPid, monitorPid] = pids as [number, number];
  const sudoArgv = shell.argv;
  const out: Process[] = [
    {
      ...base(sudoPid, from?.pid ?? 1, sudoArgv), tty: userTty, cwd: e.pwd, stat: 'S+',
      fds: [...chr(userTty ? `/dev/${userTty}` : '/dev/null'),
        { fd: 3, kind: 'chr', target: '/dev/ptmx', mode: 'u' }],
      ...(from?.sid !== undefined ? { sid: from.sid } : {}), pgid: sudoPid,
    },
    { ...base(monitorPid, sudoPid, sudoArgv), cwd: e.pwd, stat: 'Ss', sid: monitorPid, pgid: monitorPid },
  ];
  shell.chain.forEach((argv, i) => {
    const pid = pids[2 + i]!;
    out.push({ ...base(pid, pids[1 + i]!, argv), sid: monitorPid, pgid: pids[2] ?? pid });
  });
  return out;
}

/** The pty a new sudo shell opens: devpts hands out the lowest index no open pty holds. */
export function freePty(inUse: Iterable<string>): string {
  const taken = new Set(inUse);
  let n = 0;
  while (taken.has(`pts/${n}`)) n++;
  return `pts/${n}`;
}
