/**
 * ufw 0.36: status views, enable/disable, adding rules and deleting them by
 * number or by rule, returning `ufw` events. Everything needs root, as the
 * real script does.
 *
 * `enable` under SSH (an sshd among the caller's ancestors) asks for
 * confirmation as ufw does and reads the answer from stdin: without a "y"
 * it prints Aborted and changes nothing; --force skips the question.
 * Not simulated: the confirmation prompt of `delete` (it behaves as with
 * --force), `insert`, `default`, `logging`, `reload`, application profiles.
 */
import type { HostState, UfwOp, UfwRule, UfwState, WorldEvent } from '../../world/types';
import { sameUfwRule } from '../../world/firewall';
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import { UfwError, parseRule } from './rule';
import { StatusMode, statusText } from './status';

export const UFW_OPTIONS: OptionSupport[] = [
  { flag: 'status [verbose|numbered]', support: 'full' },
  {
    flag: 'enable, disable', support: 'partial',
    note: "loads and unloads ufw's IPv4 chains (ip6tables rules are not modelled); "
      + 'rate limits (-m limit, LIMIT rules) always pass',
  },
  { flag: '--force', support: 'full' },
  {
    flag: 'allow|deny|reject|limit [in|out] [log] PORT[/proto]', support: 'partial',
    note: 'log is accepted but not shown as (log); on INTERFACE is refused',
  },
  { flag: 'allow|deny|reject|limit [proto P] from A [port N] to B [port N]', support: 'full' },
  { flag: 'delete N | delete RULE', support: 'partial', note: 'no confirmation prompt' },
  {
    flag: 'insert, default, logging, reload, app', support: 'none',
    note: 'no world event for them',
  },
  { flag: '--dry-run', support: 'none', note: 'refused' },
];

const UNSIMULATED = ['insert', 'default', 'logging', 'reload', 'reset', 'app', 'route', 'prepend'];

const ACTIONS: Record<string, UfwRule['action']> = {
  allow: 'ALLOW', deny: 'DENY', reject: 'REJECT', limit: 'LIMIT',
};

const SSH_PROMPT = 'Command may disrupt existing ssh connections. Proceed with operation (y|n)? ';

/** ufw reads one line and goes on for "y" or "yes" (any case); no line is a no. */
function answeredYes(stdin: string): boolean {
  const line = (stdin.split('\n')[0] ?? '').trim().toLowerCase();
  return line === 'y' || line === 'yes';
}

/** ufw asks only when one of its ancestors is sshd (util.under_ssh). */
function underSsh(world: HostState): boolean {
  const byPid = new Map(world.processes.map((p) => [p.pid, p] as const));
  let pid = world.self;
  for (let depth = 0; pid !== undefined && pid > 1 && depth < 64; depth++) {
    const p = byPid.get(pid);
    if (!p) return false;
    if (p.comm === 'sshd' && p.pid !== world.self) return true;
    pid = p.ppid;
  }
  return false;
}

const done = (stdout: string, events: WorldEvent[] = []): ToolResult => ({
  stdout, stderr: '', exitCode: 0, events: events.length ? events : undefined,
});
const fail = (msg: string): ToolResult => ({ stdout: '', stderr: `${msg}\n`, exitCode: 1 });

function v6tag(r: UfwRule): string {
  return r.v6 ? ' (v6)' : '';
}

function addRules(ctx: ToolContext, rules: UfwRule[]): ToolResult {
  const u = ctx.world.firewall.ufw;
  const have = u?.rules ?? [];
  const lines: string[] = [];
  const events: WorldEvent[] = [];
  for (const rule of rules) {
    if (have.some((r) => sameUfwRule(r, rule))) {
      lines.push(`Skipping adding existing rule${v6tag(rule)}`);
      continue;
    }
    lines.push(`${u?.enabled ? 'Rule added' : 'Rules updated'}${v6tag(rule)}`);
    events.push({ type: 'ufw', at: ctx.world.now, op: { kind: 'rule', rule } });
  }
  return done(`${lines.join('\n')}\n`, events);
}

function deleteRules(ctx: ToolContext, words: string[]): ToolResult {
  const rules = ctx.world.firewall.ufw?.rules ?? [];
  const ev = (op: UfwOp): WorldEvent => ({ type: 'ufw', at: ctx.world.now, op });
  const first = words[0] ?? '';
  if (words.length === 1 && /^\d+$/.test(first)) {
    const n = Number(first);
    const rule = rules[n - 1];
    if (!rule) return fail(`ERROR: Could not find rule '${first}'`);
    return done(`Rule deleted${v6tag(rule)}\n`, [ev({ kind: 'delete', number: n })]);
  }
  const action = ACTIONS[first];
  if (!action) return fail('ERROR: Invalid syntax');
  const wanted = parseRule(action, words.slice(1));
  const lines: string[] = [];
  const numbers: number[] = [];
  for (const w of wanted) {
    const at = rules.findIndex((r) => sameUfwRule(r, w));
    if (at < 0) lines.push(`Could not delete non-existent rule${v6tag(w)}`);
    else { lines.push(`Rule deleted${v6tag(w)}`); numbers.push(at + 1); }
  }
  const events = numbers.sort((a, b) => b - a).map((number) => ev({ kind: 'delete', number }));
  return done(`${lines.join('\n')}\n`, events);
}

function status(u: UfwState | undefined, words: string[]): ToolResult {
  const modes: Record<string, StatusMode> = { verbose: 'verbose', numbered: 'numbered' };
  if (words.length > 1) return fail('ERROR: Invalid syntax');
  const mode = words[0] === undefined ? 'plain' : modes[words[0]];
  if (!mode) return fail('ERROR: Invalid syntax');
  return done(statusText(u, mode));
}

function command(ctx: ToolContext, verb: string, words: string[], force = false): ToolResult {
  const u = ctx.world.firewall.ufw;
  const ev = (op: UfwOp): WorldEvent[] => [{ type: 'ufw', at: ctx.world.now, op }];
  switch (verb) {
    case 'status':
      return status(u, words);
    case 'enable': {
      const prompt = !force && underSsh(ctx.world) ? SSH_PROMPT : '';
      if (prompt && !answeredYes(ctx.stdin)) return done(`${prompt}Aborted\n`);
      return done(`${prompt}Firewall is active and enabled on system startup\n`,
        u?.enabled ? [] : ev({ kind: 'enable' }));
    }
    case 'disable':
      return done('Firewall stopped and disabled on system startup\n',
        u?.enabled ? ev({ kind: 'disable' }) : []);
    case 'delete':
      return deleteRules(ctx, words);
    case 'version':
      return done('ufw 0.36.2\nCopyright 2008-2023 Canonical Ltd.\n');
    default: {
      const action = ACTIONS[verb];
      if (action) return addRules(ctx, parseRule(action, words));
      if (UNSIMULATED.includes(verb)) {
        return fail(`ERROR: 'ufw ${verb}' is not simulated in this lab`);
      }
      return fail('ERROR: Invalid syntax');
    }
  }
}

function run(ctx: ToolContext): ToolResult {
  const force = ctx.argv.includes('--force');
  const words = ctx.argv.slice(1).filter((w) => w !== '--force');
  if (words[0] === '--version') return command(ctx, 'version', []);
  if (words.includes('--dry-run')) return fail("ERROR: '--dry-run' is not simulated in this lab");
  if (ctx.uid !== 0) return fail('ERROR: You need to be root to run this script');
  const verb = words[0];
  if (verb === undefined) return fail('ERROR: not enough args');
  try {
    return command(ctx, verb, words.slice(1), force);
  } catch (e) {
    if (e instanceof UfwError) return fail(e.message);
    throw e;
  }
}

export const ufwTool: Tool = {
  name: 'ufw',
  summary: 'program for managing a netfilter firewall',
  options: UFW_OPTIONS,
  run,
};
