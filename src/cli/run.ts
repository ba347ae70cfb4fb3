/**
 * `run SCENARIO [--seed N] [--at TIME] -- 'COMMAND'`: runs one command line on
 * the simulated host and prints exactly what the terminal would show, so
 * tests and reviewers can diff outputs. TIME is an ISO date or an offset from
 * the scenario's now (+10m, -2h, 90s). Commands run as root, as an analyst
 * who has done `sudo -i` would see them; --as-trainee runs them as the
 * trainee's own account.
 */
import { loadScenario } from '../engine/scenario/load';
import { formatDiagnostic } from '../engine/scenario/format-diagnostic';
import { createLabSession } from '../engine/session/session';
import type { CliIo } from './io';

const USAGE = "usage: run SCENARIO [--seed N] [--at TIME] [--as-trainee] -- 'COMMAND'\n";

export function parseAt(text: string, now: number): number | undefined {
  const offset = /^([+-])?(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (offset) {
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[offset[3] as 'ms' | 's' | 'm' | 'h' | 'd'];
    const sign = offset[1] === '-' ? -1 : 1;
    return now + sign * Number(offset[2]) * unit;
  }
  const absolute = Date.parse(text);
  return Number.isFinite(absolute) ? absolute : undefined;
}

const clockOf = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The refusal for a moment before the trainee's login: the session would have no login behind it. */
export function beforeLogin(start: number, loginAt: number | undefined): string | undefined {
  if (loginAt === undefined || start >= loginAt) return undefined;
  return `run: --at ${clockOf(start)} is before the trainee logs in (${clockOf(loginAt)}); ` +
    'pick a later moment\n';
}

export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const dash = args.indexOf('--');
  const head = dash >= 0 ? args.slice(0, dash) : args;
  const command = dash >= 0 ? args.slice(dash + 1).join(' ') : '';
  let file: string | undefined;
  let seed: number | undefined;
  let at: string | undefined;
  let asRoot = true;
  for (let i = 0; i < head.length; i++) {
    const a = head[i]!;
    if (a === '--seed') seed = Number(head[++i]);
    else if (a === '--at') at = head[++i];
    else if (a === '--as-trainee') asRoot = false;
    else if (!a.startsWith('-') && file === undefined) file = a;
    else {
      io.stderr(`run: unknown option ${a}\n${USAGE}`);
      return 2;
    }
  }
  if (!file || dash < 0 || command.trim() === '' || (seed !== undefined && !Number.isInteger(seed))) {
    io.stderr(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.stderr(`run: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const loaded = loadScenario(text, { seed, fileName: file });
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(d, text, file) + '\n');
    return 1;
  }
  const scenario = loaded.scenario;
  const start = at === undefined ? scenario.now : parseAt(at, scenario.now);
  if (start === undefined) {
    io.stderr(`run: cannot understand --at ${at} (use an ISO time or an offset like -2h, +90s)\n`);
    return 2;
  }
  const early = beforeLogin(start, scenario.trainee.loginAt);
  if (early) {
    io.stderr(early);
    return 2;
  }
  const session = createLabSession({ scenario, at: start });
  if (asRoot) await session.exec('sudo -i');
  const result = await session.exec(command, { columns: Number(process.env.COLUMNS) || 200 });
  io.stdout(result.stdout);
  io.stderr(result.stderr);
  return result.exitCode;
}
