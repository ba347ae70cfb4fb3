/**
 * The LOG target's options: kept in the rule as iptables-save text
 * (`--log-prefix "C2 " --log-level 6`), read back for `-L` and nft.
 */
import { saveString } from './rule-text';

const LEVELS = ['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug'];
const NFT_LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const DEFAULT_LEVEL = 4;

export interface LogOptions {
  prefix: string;
  level: number;
}

/** A --log-level argument (number or syslog name), or null. */
export function logLevel(text: string): number | null {
  if (/^[0-7]$/.test(text)) return Number(text);
  const named = LEVELS.indexOf(text === 'err' ? 'error' : text === 'warn' ? 'warning' : text);
  return named < 0 ? null : named;
}

export function readLogOptions(opts: string | undefined): LogOptions {
  const m = /--log-prefix ("(?:[^"\\]|\\.)*"|\S+)/.exec(opts ?? '');
  const raw = m?.[1] ?? '';
  const prefix = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
  const level = Number(/--log-level (\d)/.exec(opts ?? '')?.[1] ?? DEFAULT_LEVEL);
  return { prefix, level };
}

/** The save form, as libxt_LOG writes it: prefix first, level only when not the default. */
export function writeLogOptions(o: LogOptions): string | undefined {
  const parts: string[] = [];
  if (o.prefix) parts.push(`--log-prefix ${saveString(o.prefix)}`);
  if (o.level !== DEFAULT_LEVEL) parts.push(`--log-level ${o.level}`);
  return parts.length ? parts.join(' ') : undefined;
}

/** What `iptables -L` prints after the matches for a LOG rule. */
export function logListText(opts: string | undefined, numeric: boolean): string {
  const o = readLogOptions(opts);
  const level = numeric ? `flags 0 level ${o.level}` : `level ${LEVELS[o.level] ?? o.level}`;
  return `LOG ${level}${o.prefix ? ` prefix "${o.prefix}"` : ''}`;
}

/** The nft statement iptables-nft stores for a LOG rule. */
export function logNftText(opts: string | undefined): string {
  const o = readLogOptions(opts);
  let s = 'log';
  if (o.prefix) s += ` prefix "${o.prefix.replace(/"/g, '\\"')}"`;
  if (o.level !== DEFAULT_LEVEL) s += ` level ${NFT_LEVELS[o.level]}`;
  return s;
}
