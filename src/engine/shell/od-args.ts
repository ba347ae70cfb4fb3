/**
 * GNU od takes an option's argument joined to it (`-tx1`); just-bash's od
 * reads `-t` only with its argument apart (it knows -c, -An or -A n, and
 * -t with x1, c or o*; the other options are not simulated). This command
 * splits `-tTYPE` and runs the bundled od.
 */
import { defineCommand } from 'just-bash';
import type { Command } from 'just-bash';

/** The options of just-bash's od that take an argument it reads apart (-An it reads joined). */
const WITH_ARGUMENT = new Set(['t']);

export function odArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    const letter = a[1];
    if (a.length > 2 && a[0] === '-' && letter !== undefined && WITH_ARGUMENT.has(letter)) {
      out.push(`-${letter}`, a.slice(2));
    } else out.push(a);
  }
  return out;
}

export function odCommand(): Command {
  return defineCommand('od', async (args, ctx) => {
    if (!ctx.origCommand) return { stdout: '', stderr: 'od: unavailable\n', exitCode: 1 };
    return ctx.origCommand(odArgs(args));
  });
}
