/**
 * The trainee's login shell as the world has it (the `-bash` under their
 * sshd): its pid and parent for `$$` and `$PPID`, its uid and gid for
 * `$UID`, and the variables sshd gave it (SSH_CONNECTION is
 * "client port server port", SSH_CLIENT "client port server-port").
 */
import type { HostState } from '../world/types';
import { findProcess } from '../tools/procfs/processes';

/** What just-bash's `processInfo` option takes. */
export interface ShellProcessInfo {
  pid: number;
  ppid: number;
  uid?: number;
  gid?: number;
}

/** Variables the login shell got from sshd and login that the session's own base environment lacks. */
const FROM_SSHD = ['SSH_CLIENT', 'SSH_CONNECTION', 'SSH_TTY', 'MAIL'];

export function loginShell(world: HostState, shellPid: number): { processInfo: ShellProcessInfo; env: Record<string, string> } {
  const shell = findProcess(world, shellPid);
  const env: Record<string, string> = {};
  for (const [name, value] of shell?.env ?? []) {
    if (FROM_SSHD.includes(name)) env[name] = value;
  }
  const processInfo: ShellProcessInfo = { pid: shellPid, ppid: shell?.ppid ?? 0 };
  if (shell) {
    processInfo.uid = shell.uid;
    processInfo.gid = shell.gid;
  }
  return { processInfo, env };
}
