/**
 * who's command line, as coreutils 9.4 reads it (getopt_long
 * "abdlmpqrstuwHT"; long options may be shortened while unambiguous). With
 * no record option who lists the users in the short layout; -b, -d, -l, -p,
 * -r, -t, -u choose records instead, and -a all of them with the mesg, idle
 * and exit columns. One operand is the file to read, two mean -m.
 */
export interface WhoFlags {
  users: boolean; boot: boolean; dead: boolean; login: boolean; runlevel: boolean;
  mesg: boolean; idle: boolean; exit: boolean; short: boolean;
  heading: boolean; count: boolean; mine: boolean;
  file: 'utmp' | 'wtmp';
}

const LONG: [string, string][] = [
  ['all', 'a'], ['boot', 'b'], ['count', 'q'], ['dead', 'd'], ['heading', 'H'], ['login', 'l'],
  ['lookup', '.'], ['message', 'T'], ['mesg', 'T'], ['process', 'p'], ['runlevel', 'r'],
  ['short', 's'], ['time', 't'], ['users', 'u'], ['writable', 'T'], ['help', '?h'], ['version', '?v'],
];
const UTMP = new Set(['/run/utmp', '/var/run/utmp']);
const WTMP = new Set(['/var/log/wtmp']);

const usage = (msg: string): string => `${msg}\nTry 'who --help' for more information.\n`;

function longOpt(tok: string): string {
  const name = tok.slice(2);
  const exact = LONG.find(([n]) => n === name);
  const hits = exact ? [exact] : LONG.filter(([n]) => n.startsWith(name));
  const letters = new Set(hits.map(([, l]) => l));
  if (hits.length === 0) return usage(`who: unrecognized option '${tok}'`);
  if (letters.size > 1) {
    const names = hits.map(([n]) => `'--${n}'`).join(' ');
    return usage(`who: option '${tok}' is ambiguous; possibilities: ${names}`);
  }
  return hits[0]?.[1] ?? '';
}

function set(f: WhoFlags, ch: string, touched: { any: boolean }): void {
  const pick = (): void => { touched.any = true; };
  switch (ch) {
    case 'a': Object.assign(f, { boot: true, dead: true, login: true, runlevel: true, users: true,
      mesg: true, idle: true, exit: true }); pick(); break;
    case 'b': f.boot = true; pick(); break;
    case 'd': f.dead = true; f.idle = true; f.exit = true; pick(); break;
    case 'l': f.login = true; f.idle = true; pick(); break;
    case 'r': f.runlevel = true; f.idle = true; pick(); break;
    case 'u': f.users = true; f.idle = true; pick(); break;
    case 'p': case 't': pick(); break;
    case 'H': f.heading = true; break;
    case 'q': f.count = true; break;
    case 's': f.short = true; break;
    case 'm': f.mine = true; break;
    case 'T': case 'w': f.mesg = true; break;
    default: break;
  }
}

export function parseWho(args: string[]): WhoFlags | string {
  const f: WhoFlags = { users: false, boot: false, dead: false, login: false, runlevel: false, mesg: false,
    idle: false, exit: false, short: false, heading: false, count: false, mine: false, file: 'utmp' };
  const touched = { any: false };
  const rest: string[] = [];
  for (const a of args) {
    if (a.startsWith('--') && a.length > 2) {
      const ch = longOpt(a);
      if (ch.length > 2) return ch;
      if (ch.startsWith('?')) return `who: ${a} is not simulated in this lab\n`;
      set(f, ch, touched);
    } else if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (!'abdlmpqrstuwHT'.includes(ch)) return usage(`who: invalid option -- '${ch}'`);
        set(f, ch, touched);
      }
    } else rest.push(a);
  }
  if (!touched.any) { f.users = true; f.short = true; }
  if (f.exit) f.short = false;
  if (rest.length > 2) return usage(`who: extra operand '${rest[2]}'`);
  if (rest.length === 2) f.mine = true;
  if (rest.length === 1) {
    const file = rest[0] ?? '';
    if (WTMP.has(file)) f.file = 'wtmp';
    else if (!UTMP.has(file)) return `who: reading ${file} is not simulated in this lab\n`;
  }
  return f;
}
