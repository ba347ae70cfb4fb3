/**
 * What sudo (1.9, Ubuntu's default /etc/sudoers) says and sets besides
 * running the command: `sudo -l` for a member of group sudo, and the
 * environment of the command or shell it starts (env_reset sets HOME,
 * USER, LOGNAME, SHELL and secure_path's PATH for the target user).
 */

/** Ubuntu's secure_path, the PATH sudo gives the command it runs. */
export const SECURE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin';

/** `sudo -l` for `user` on `host`: the Defaults lines of Ubuntu's sudoers, then %sudo's rule. */
export function sudoList(user: string, host: string): string {
  const path = SECURE_PATH.replace(/:/g, '\\:');
  return `Matching Defaults entries for ${user} on ${host}:\n`
    + `    env_reset, mail_badpass, secure_path=${path}, use_pty\n\n`
    + `User ${user} may run the following commands on ${host}:\n`
    + '    (ALL : ALL) ALL\n';
}

/** The variables sudo sets for root, whether it runs one command or a shell. */
export function rootEnv(rootHome: string): Record<string, string> {
  return { HOME: rootHome, USER: 'root', LOGNAME: 'root', SHELL: '/bin/bash', PATH: SECURE_PATH };
}

/** What sudo adds for one command: who ran it (SUDO_USER and friends). */
export function sudoCommandEnv(
  who: { user: string; uid: number; gid: number }, rootHome: string, command: string,
): Record<string, string> {
  return {
    ...rootEnv(rootHome),
    SUDO_COMMAND: command, SUDO_USER: who.user, SUDO_UID: String(who.uid), SUDO_GID: String(who.gid),
  };
}
