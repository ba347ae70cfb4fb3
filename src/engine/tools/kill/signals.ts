/** Linux signal numbers and names, as bash's kill -l lists them. */
import type { Process } from '../../world/types';

const BASE = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2',
  'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG',
  'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS',
];

/** Name without the SIG prefix for 1..31 and 34..64, undefined otherwise. */
export function signalName(n: number): string | undefined {
  if (n >= 1 && n <= 31) return BASE[n - 1];
  if (n === 34) return 'RTMIN';
  if (n === 64) return 'RTMAX';
  if (n > 34 && n < 50) return `RTMIN+${n - 34}`;
  if (n >= 50 && n < 64) return `RTMAX-${64 - n}`;
  return undefined;
}

const ALIASES: Record<string, number> = { IOT: 6, POLL: 29, CLD: 17 };

/** "9", "KILL", "SIGKILL", "sigkill" -> 9; undefined when unknown. */
export function signalNumber(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    return n === 0 || signalName(n) ? n : undefined;
  }
  const name = spec.toUpperCase().replace(/^SIG/, '');
  if (Object.hasOwn(ALIASES, name)) return ALIASES[name];
  for (let n = 1; n <= 64; n++) if (signalName(n) === name) return n;
  return undefined;
}

/** bash's `kill -l`: five per line, `%2d) SIGNAME`, tab separated. */
export function signalTable(): string {
  let out = '';
  let column = 0;
  for (let n = 1; n <= 64; n++) {
    const name = signalName(n);
    if (!name) continue;
    out += `${String(n).padStart(2)}) SIG${name}`;
    if (++column < 5) out += '\t';
    else { out += '\n'; column = 0; }
  }
  return column !== 0 ? `${out}\n` : out;
}

/**
 * Processes a signal from userspace never changes: the kernel delivers to
 * init (pid 1) only the signals it has handlers for, never SIGKILL or
 * SIGSTOP, and kernel threads (kthreadd and its children) ignore signals.
 * kill(2) still succeeds. systemd's own handlers (SIGHUP reload, SIGTERM
 * re-exec, SIGINT ctrl-alt-del) are not modelled, so no signal to init
 * changes anything.
 */
export function unsignallable(p: Pick<Process, 'pid' | 'ppid'>): boolean {
  return p.pid === 1 || p.pid === 2 || p.ppid === 2;
}
