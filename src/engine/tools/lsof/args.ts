/**
 * lsof's own option reader (not getopt): options start with "-" or "+",
 * letters cluster ("-nP"), a letter that may take a value takes the rest of
 * its word or the next word; -i and -s take the next word only when it does
 * not start with "-" or "+". The first word that is not an option ends the
 * options; the rest are file names.
 */
import type { InetSpec, StateFilter } from './inetspec';
import type { Target } from './names';

export interface LsofArgs {
  and: boolean;
  terse: boolean;
  numericHost: boolean;
  numericPort: boolean;
  numericUser: boolean;
  cmdLimit: number;
  inet: InetSpec[] | undefined;
  unix: boolean;
  pids: { in: number[]; out: number[] };
  users: { in: string[]; out: string[] };
  cmds: { in: string[]; out: string[] };
  states: StateFilter;
  names: string[];
  /** Names, +d and +D, resolved (one selection, as lsof's SELNM). */
  targets: Target[];
  /** +L shows the NLINK column; +L N selects files linked fewer than N times. */
  nlink: { show: boolean; below: number };
  help: boolean;
}

export function emptyArgs(): LsofArgs {
  return {
    and: false,
    terse: false,
    numericHost: false,
    numericPort: false,
    numericUser: false,
    cmdLimit: 9,
    inet: undefined,
    unix: false,
    pids: { in: [], out: [] },
    users: { in: [], out: [] },
    cmds: { in: [], out: [] },
    states: { tcpIn: new Set(), tcpOut: new Set(), udpIn: new Set(), udpOut: new Set() },
    names: [],
    targets: [],
    nlink: { show: false, below: 0 },
    help: false,
  };
}

/** Letters that may take a value, for "-" and "+". Optional ones are handled by the caller. */
export const VALUED = { '-': 'cdDeFgikKLmoprsSTuxzZ', '+': 'cdDeLmr' };
const OPTIONAL = new Set([
  '-i',
  '-s',
  '-g',
  '-F',
  '-o',
  '-L',
  '-S',
  '-T',
  '-x',
  '+L',
  '+m',
  '+r',
  '-r',
  '-K',
  '-d',
]);
const KNOWN = { '-': '?abcdDeEfFghiKklLmMnNoOpPQrRsStTuUvVwxXzZ', '+': 'cdDeEfLmMrw' };

export interface RawOption {
  flag: string;
  value?: string;
}

export type ReadResult = { options: RawOption[]; names: string[] } | { error: string };

function takesValue(flag: string): boolean {
  const sign = flag[0] as '-' | '+';
  return VALUED[sign].includes(flag[1] as string);
}

export function readOptions(argv: readonly string[]): ReadResult {
  const options: RawOption[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const w = argv[i] as string;
    if (w === '--' || w === '++') {
      i++;
      break;
    }
    if ((w[0] !== '-' && w[0] !== '+') || w.length < 2) break;
    const sign = w[0] as '-' | '+';
    for (let j = 1; j < w.length; j++) {
      const c = w[j] as string;
      const flag = sign + c;
      if (c === ':') return { error: 'lsof: colon is an illegal option character.' };
      if (!KNOWN[sign].includes(c)) return { error: `lsof: illegal option character: ${c}` };
      if (c === 'L') {
        // A number may follow (+L1, +L 1); anything else is read as what comes next.
        const digits = /^\d*/.exec(w.slice(j + 1))?.[0] ?? '';
        const next = argv[i + 1];
        if (digits) {
          options.push({ flag, value: digits });
          j += digits.length;
        } else if (j + 1 === w.length && next !== undefined && /^\d+$/.test(next)) {
          options.push({ flag, value: next });
          i++;
        } else {
          options.push({ flag });
        }
        continue;
      }
      if (!takesValue(flag) && !OPTIONAL.has(flag)) {
        options.push({ flag });
        continue;
      }
      const rest = w.slice(j + 1);
      const next = argv[i + 1];
      if (rest) {
        options.push({ flag, value: rest });
      } else if (
        next !== undefined &&
        next !== '--' &&
        !(OPTIONAL.has(flag) && /^[-+]/.test(next))
      ) {
        options.push({ flag, value: next });
        i++;
      } else {
        options.push({ flag });
      }
      break;
    }
  }
  return { options, names: argv.slice(i) };
}
