/**
 * Process environments as /proc/PID/environ keeps them: what the parent
 * passed to execve. A bash exports SHLVL one above the level it was given,
 * PWD, and `_` set to the path of the program it runs; other programs pass
 * their environment on as they got it. sshd's environment for a login shell
 * has neither SHLVL, PWD nor `_` (the login bash sets them).
 */
export type Env = [string, string][];

const BASH = '/usr/bin/bash';

function put(env: Env, name: string, value: string): Env {
  const i = env.findIndex(([n]) => n === name);
  if (i < 0) return [...env, [name, value]];
  const out = env.slice();
  out[i] = [name, value];
  return out;
}

/** What sshd and PAM hand the login shell: the shell's exports without bash's own. */
export function sshdEnviron(exported: Env): Env {
  return exported.filter(([n]) => n !== 'SHLVL' && n !== 'PWD' && n !== '_' && n !== 'OLDPWD');
}

/** What a process started with `environ` exports to the programs it runs. */
export function exportedBy(environ: Env, exe: string, cwd: string): Env {
  if (exe !== BASH) return environ;
  const level = Number(environ.find(([n]) => n === 'SHLVL')?.[1] ?? '0');
  return put(put(environ, 'PWD', cwd), 'SHLVL', String((Number.isInteger(level) ? level : 0) + 1));
}

/** The path bash finds a command at (and puts in `_`): the PATH entry /usr/bin for a bare name. */
export const commandPath = (argv0: string): string => (argv0.includes('/') ? argv0 : `/usr/bin/${argv0}`);

/** The environ of a program a process exporting `exported` runs as argv0 (bash sets `_`). */
export function execEnviron(exported: Env, parentExe: string, argv0: string): Env {
  return parentExe === BASH ? put(exported, '_', commandPath(argv0)) : exported;
}
