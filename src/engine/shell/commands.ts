/**
 * Bridges the simulated programs (Tool modules) into just-bash as custom
 * commands, and adds the few programs that belong to the session itself:
 * `sudo`, `su`, `history`.
 */
import { defineCommand } from 'just-bash';
import type { Command } from 'just-bash';
import type { Tool, ToolContext } from '../tools/types';
import type { HostState, SudoShell, WorldEvent } from '../world/types';
import { freePty } from '../world/sudo-shell';
import { rootEnv, sudoCommandEnv, sudoList } from './sudo';
import { sudoCommandPath } from '../world/sudo-log';
import { once } from '../tools/registry';

export interface Identity {
  user: string;
  uid: number;
  gid: number;
  gids: number[];
  home: string;
}

/** What the commands need from the session that runs them. */
export interface CommandHost {
  world(): HostState;
  identity(): Identity;
  shellPid(): number;
  /** Applies events a tool returned (kill, iptables -A, ...). */
  apply(events: readonly WorldEvent[]): void;
  history(): readonly string[];
  /** Runs `run` with root's identity (sudo). */
  asRoot<T>(run: () => Promise<T>): Promise<T>;
  /**
   * Makes the rest of the session a root shell (sudo -i, sudo su): `sudoPid`
   * is sudo's, whose event holds the shell's processes.
   */
  enterRootShell(login: boolean, sudoPid?: number): void;
  mayUseSudo(): boolean;
}

const decoder = new TextDecoder();

export function decodeStdin(stdin: string): string {
  // just-bash hands stdin as a byte string (one char per byte).
  const bytes = new Uint8Array(stdin.length);
  for (let i = 0; i < stdin.length; i++) bytes[i] = stdin.charCodeAt(i) & 0xff;
  return decoder.decode(bytes);
}

/**
 * A simulated program as a just-bash command. Its module loads on the first
 * run (`load` remembers it); a module that cannot be fetched is reported as
 * the shell reports a program it cannot execute.
 */
export function toolCommand(load: () => Promise<Tool>, name: string, host: CommandHost): Command {
  return defineCommand(name, async (args, ctx) => {
    let tool: Tool;
    try {
      tool = await load();
    } catch {
      return notLoaded(name);
    }
    const who = host.identity();
    const context: ToolContext = {
      argv: [name, ...args],
      stdin: decodeStdin(ctx.stdin as unknown as string),
      world: host.world(),
      uid: who.uid,
      user: who.user,
      cwd: ctx.cwd,
      env: ctx.env,
      shellPid: host.shellPid(),
    };
    try {
      const result = tool.run(context);
      if (result.events?.length) host.apply(result.events);
      return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
    } catch (error) {
      // A tool bug must not take the shell down; say so the way a crashing
      // program would, and keep going.
      const message = error instanceof Error ? error.message : String(error);
      return { stdout: '', stderr: `${name}: internal error: ${message}\n`, exitCode: 139 };
    }
  });
}

function notLoaded(name: string): { stdout: string; stderr: string; exitCode: number } {
  return { stdout: '', stderr: `bash: ${name}: cannot execute: the program could not be loaded (check the connection and retry)\n`, exitCode: 126 };
}

/**
 * A shell program whose module loads on its first run (tail, watch, stat,
 * the pagers): the browser fetches it when the trainee first types it.
 */
export function lazyCommand(name: string, load: () => Promise<Command>): Command {
  const command = once(load);
  return defineCommand(name, async (args, ctx) => {
    let loaded: Command;
    try {
      loaded = await command();
    } catch {
      return notLoaded(name);
    }
    return loaded.execute(args, ctx);
  });
}

function setAll(env: Map<string, string>, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) env.set(name, value);
}

/** A word as the shell would need it typed (quoted when it has specials). */
export function quote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * sudo's trace in the auth log, as a world event at the moment it starts
 * (so a replay writes it again): its pid is the sudo process's own.
 */
function trace(
  host: CommandHost, cwd: string, command: string, left?: Omit<SudoShell, 'pty' | 'parent'>,
): number | undefined {
  const world = host.world();
  const pid = world.self;
  if (pid === undefined || pid === host.shellPid()) return undefined;
  const who = host.identity();
  const shell = world.processes.find((p) => p.pid === host.shellPid());
  const unit = shell?.unit?.startsWith('session-') ? shell.unit : undefined;
  const sudoShell: SudoShell | undefined = left
    && { ...left, pty: freePty(ptysInUse(world)), parent: host.shellPid() };
  host.apply([{ type: 'sudo', at: world.now, pid, user: who.user, uid: who.uid,
    tty: shell?.tty ?? null, pwd: cwd, command, ...(unit ? { unit } : {}),
    ...(sudoShell ? { shell: sudoShell } : {}) }]);
  return pid;
}

/** Ptys whose master is open: open logins' and live processes' terminals not gone. */
function ptysInUse(world: HostState): string[] {
  const out = world.logins.filter((l) => l.logoutAt === undefined).map((l) => l.tty);
  for (const p of world.processes) {
    if (p.tty && !p.fds.some((f) => f.deleted && f.target === `/dev/${p.tty}`)) out.push(p.tty);
  }
  return out;
}

/** `su`'s argv as sudo runs it, and whether it starts a login shell. */
function suShell(rest: readonly string[]): { login: boolean } | undefined {
  if (rest[0] !== 'su') return undefined;
  const args = rest.slice(1);
  const login = args.some((a) => a === '-' || a === '-l' || a === '--login');
  if (args.some((a) => !['-', '-l', '--login', 'root'].includes(a))) return undefined;
  return { login };
}

export function sessionCommands(host: CommandHost): Command[] {
  const sudo = defineCommand('sudo', async (args, ctx) => {
    if (!host.mayUseSudo()) {
      const who = host.identity();
      return { stdout: '', stderr: `${who.user} is not in the sudoers file.\n`, exitCode: 1 };
    }
    let i = 0;
    let shell: 'login' | 'plain' | undefined;
    let list = false;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') { i++; break; }
      if (a === '-l' || a === '--list') list = true;
      else if (a === '-i' || a === '--login') shell = 'login';
      else if (a === '-s' || a === '--shell') shell = 'plain';
      else if (a === '-u' && args[i + 1] === 'root') i++;
      else if (a === '-u') return { stdout: '', stderr: 'sudo: only -u root is simulated\n', exitCode: 1 };
      else if (a === '-n' || a === '-E' || a === '-H') continue;
      else if (a.startsWith('-')) return { stdout: '', stderr: `sudo: invalid option -- '${a.replace(/^-+/, '')}'\nusage: sudo [-u user] command\n`, exitCode: 1 };
      else break;
    }
    const rest = args.slice(i);
    const who = host.identity();
    const rootHome = host.world().accounts.find((a) => a.uid === 0)?.home ?? '/root';
    if (list) {
      if (rest.length) return { stdout: '', stderr: 'sudo: only sudo -l without a command is simulated\n', exitCode: 1 };
      trace(host, ctx.cwd, 'list');
      return { stdout: sudoList(who.user, host.world().host.hostname), stderr: '', exitCode: 0 };
    }
    const su = suShell(rest);
    if (su) {
      // sudo stays until su's shell exits: one root shell, su and bash under sudo's monitor.
      const chain = [[...rest], [su.login ? '-bash' : 'bash']];
      const left = { argv: ['sudo', ...args], chain, cwd: su.login ? rootHome : ctx.cwd };
      const suLine = ['/usr/bin/su', ...rest.slice(1)].join(' ');
      host.enterRootShell(su.login, trace(host, ctx.cwd, suLine, left));
      // `su -` starts from a clean environment; plain su keeps what sudo set.
      setAll(ctx.env, su.login ? rootEnv(rootHome) : sudoCommandEnv(who, rootHome, suLine));
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (rest.length === 0) {
      if (shell) {
        const rootShell = host.world().accounts.find((a) => a.uid === 0)?.shell ?? '/bin/bash';
        // sudo -i runs root's shell as a login shell (-bash); -s the user's $SHELL by its path.
        const argv0 = shell === 'login' ? `-${rootShell.split('/').pop()}` : ctx.env.get('SHELL') ?? '/bin/bash';
        const left = { argv: ['sudo', ...args], chain: [[argv0]], cwd: shell === 'login' ? rootHome : ctx.cwd };
        host.enterRootShell(shell === 'login', trace(host, ctx.cwd, rootShell, left));
        // The session keeps the line's environment: the root shell's goes in it,
        // with SUDO_USER and friends (env_reset keeps them; SUDO_COMMAND is the shell).
        setAll(ctx.env, sudoCommandEnv(who, rootHome, rootShell));
        return { stdout: '', stderr: '', exitCode: 0 };
      }
      return { stdout: '', stderr: 'usage: sudo -h | -K | -k | -V\nusage: sudo [-u user] command\n', exitCode: 1 };
    }
    if (!ctx.exec) return { stdout: '', stderr: 'sudo: cannot run commands here\n', exitCode: 1 };
    const line = rest.map(quote).join(' ');
    const command = [`/usr/bin/${rest[0]}`, ...rest.slice(1)].join(' ');
    const env = { ...Object.fromEntries(ctx.env), ...sudoCommandEnv(who, rootHome, command) };
    const pid = trace(host, ctx.cwd, [sudoCommandPath(rest[0]!), ...rest.slice(1)].join(' '));
    const result = await host.asRoot(() => ctx.exec!(line, { cwd: ctx.cwd, env, stdin: ctx.stdin } as never))
      .finally(() => {
        if (pid !== undefined) host.apply([{ type: 'sudo-end', at: host.world().now, pid }]);
      });
    // `sudo su` left a root shell behind: it has root's environment.
    if (who.uid !== 0 && host.identity().uid === 0) setAll(ctx.env, rootEnv(rootHome));
    return result;
  });

  const su = defineCommand('su', async (args) => {
    const target = args.find((a) => !a.startsWith('-')) ?? 'root';
    if (host.identity().uid !== 0) {
      return { stdout: '', stderr: 'Password: \nsu: Authentication failure\n', exitCode: 1 };
    }
    if (target !== 'root') return { stdout: '', stderr: `su: only root is simulated\n`, exitCode: 1 };
    host.enterRootShell(args.includes('-') || args.includes('-l') || args.includes('--login'));
    return { stdout: '', stderr: '', exitCode: 0 };
  });

  const history = defineCommand('history', async (args) => {
    const lines = host.history();
    const count = args[0] !== undefined && /^[0-9]+$/.test(args[0]) ? Number(args[0]) : lines.length;
    const start = Math.max(0, lines.length - count);
    let out = '';
    for (let i = start; i < lines.length; i++) out += `${String(i + 1).padStart(5)}  ${lines[i]}\n`;
    return { stdout: out, stderr: '', exitCode: 0 };
  });

  // GNU tr understands \0 and octal escapes in its sets; just-bash's does
  // not, and `tr '\0' ' ' < /proc/PID/cmdline` is how analysts read argv.
  const tr = defineCommand('tr', async (args, ctx) => {
    const sets = args.map((a) => (a.startsWith('-') ? a : a.replace(/\\([0-7]{1,3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)))));
    if (!ctx.origCommand) return { stdout: '', stderr: 'tr: unavailable\n', exitCode: 1 };
    return ctx.origCommand(sets);
  });

  // cat, head, wc and grep as GNU words their errors (denied.ts), loaded on first use.
  const readers = ['cat', 'head', 'wc', 'grep'].map((name) => lazyCommand(name, () => import('./denied').then((m) => m.deniedReader(name))));
  return [sudo, su, history, tr, ...readers, lazyCommand('find', () => import('./find-perm').then((m) => m.findPermCommand(() => host.world()))),
    lazyCommand('file', () => import('./file-type').then((m) => m.fileTypeCommand()))];
}
