/**
 * `play SCENARIO [--seed N]`: an interactive session on the same engine, in
 * the terminal this runs in. Line editing and history come from Node's
 * readline; Ctrl-C interrupts a running command, or clears the line.
 */
import { createInterface } from 'node:readline';
import { loadScenario } from '../engine/scenario/load';
import { formatDiagnostic } from '../engine/scenario/format-diagnostic';
import { createLabSession } from '../engine/session/session';
import { systemWallClock } from '../host/wall-clock';
import type { CliIo } from './io';

export async function playCommand(args: string[], io: CliIo): Promise<number> {
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : undefined;
  const file = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--seed');
  if (!file || (seed !== undefined && !Number.isInteger(seed))) {
    io.stderr('usage: play SCENARIO [--seed N]\n');
    return 2;
  }
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.stderr(`play: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const loaded = loadScenario(text, { seed, fileName: file });
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(d, text, file) + '\n');
    return 1;
  }
  const session = createLabSession({ scenario: loaded.scenario, wallClock: systemWallClock });
  io.stdout(`${loaded.scenario.meta.title}\n\n${loaded.scenario.meta.briefing.trim()}\n\n`);

  const CLEAR_SCREEN = '\x1b[H\x1b[2J';
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  let running: AbortController | undefined;
  rl.on('SIGINT', () => {
    if (running) running.abort();
    else {
      io.stdout('^C\n');
      rl.setPrompt(session.prompt());
      rl.prompt();
    }
  });
  rl.setPrompt(session.prompt());
  rl.prompt();
  for await (const line of rl) {
    running = new AbortController();
    const result = await session.exec(line, {
      signal: running.signal,
      columns: process.stdout.columns || 80,
      // tail -f and watch stream; a new screen (watch) is drawn on a cleared one.
      onOutput: (text, screen) => io.stdout((screen ? CLEAR_SCREEN : '') + text),
    });
    running = undefined;
    io.stdout(result.stdout);
    io.stderr(result.stderr);
    rl.setPrompt(session.prompt());
    rl.prompt();
  }
  io.stdout('\n');
  return 0;
}
