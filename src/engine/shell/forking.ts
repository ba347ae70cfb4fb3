/**
 * Programs as processes: each command the session registers is wrapped so
 * that, while it runs, it holds a pid of the host's counter and is a
 * process of the world (session/forks.ts). just-bash's own utilities that
 * are programs on a real host (grep, tail, cat...) are wrapped the same
 * way, by commands that run the bundled one. Builtins fork nothing.
 */
import { defineCommand } from 'just-bash';
import type { Command } from 'just-bash';

/** What a program is started as. */
export interface Launch {
  name: string;
  args: readonly string[];
  cwd: string;
  uid: number;
  gid: number;
  /** Whether its standard output is the terminal (no pipe or redirection on the line). */
  tty: boolean;
}

/** Names bash runs itself, without a new process. */
export const SHELL_BUILTINS: ReadonlySet<string> = new Set([
  'echo', 'printf', 'pwd', 'true', 'false', 'alias', 'unalias', 'time', 'kill', 'history',
  'cd', 'export', 'read', 'type', 'test', '[', 'exit', 'logout', 'source', '.', 'command',
]);

export interface ProcessTable {
  begin(launch: Launch): number;
  end(): void;
}

/** Who runs a program: the shell's identity at the moment it starts. */
export type Starter = () => { uid: number; gid: number };

/** `command` holding a pid while it runs (a builtin's name is returned as it is). */
export function forking(command: Command, table: ProcessTable, who: Starter): Command {
  if (SHELL_BUILTINS.has(command.name)) return command;
  return defineCommand(command.name, async (args, ctx) => {
    const { uid, gid } = who();
    const tty = ctx.env.get('OUTBOUND_STDOUT_TTY') === '1';
    table.begin({ name: command.name, args, cwd: ctx.cwd, uid, gid, tty });
    try {
      return await command.execute(args, ctx);
    } finally {
      table.end();
    }
  }, { trusted: command.trusted });
}

/** Commands that run just-bash's bundled `names` (those not given otherwise) as processes. */
export function forkingUtilities(
  names: readonly string[], given: ReadonlySet<string>, table: ProcessTable, who: Starter,
): Command[] {
  const out: Command[] = [];
  for (const name of names) {
    if (given.has(name) || SHELL_BUILTINS.has(name)) continue;
    const bundled = defineCommand(name, async (args, ctx) => {
      if (!ctx.origCommand) return { stdout: '', stderr: `${name}: unavailable\n`, exitCode: 1 };
      return ctx.origCommand(args);
    });
    out.push(forking(bundled, table, who));
  }
  return out;
}
