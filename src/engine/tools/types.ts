/**
 * The contract every simulated program follows: it receives argv, stdin and
 * a read-only view of the world, and returns what it printed and its exit
 * code. A program that changes the world (kill, iptables -A, ufw deny)
 * returns events; the session applies them, never the tool.
 */
import type { HostState, WorldEvent } from '../world/types';

export interface ToolContext {
  /** argv[0] is the program name as typed. */
  argv: string[];
  stdin: string;
  world: HostState;
  /** The uid and name the trainee's shell runs as. */
  uid: number;
  user: string;
  cwd: string;
  env: ReadonlyMap<string, string>;
  /** The pid of the trainee's shell, so `ss -p` and `ps` can show it. */
  shellPid: number;
}

export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  events?: WorldEvent[];
}

/** How well an option is simulated; `--help`, docs and tests read this. */
export interface OptionSupport {
  flag: string;
  support: 'full' | 'partial' | 'none';
  note?: string;
}

export interface Tool {
  name: string;
  summary: string;
  options: OptionSupport[];
  run(ctx: ToolContext): ToolResult;
}
