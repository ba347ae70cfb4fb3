/** `ufw status [verbose|numbered]`, fixed-width columns as ufw prints them. */
import type { UfwRule, UfwState } from '../../world/types';

const pad = (s: string, n: number) => s.padEnd(n);

/** " (v6)" goes on the fields that name no explicit IPv6 address. */
function field(text: string, v6: boolean): string {
  return v6 && !text.includes(':') ? `${text} (v6)` : text;
}

function action(r: UfwRule, showIn: boolean): string {
  if (r.direction === 'OUT') return `${r.action} OUT`;
  return showIn ? `${r.action} IN` : r.action;
}

export function ruleRow(r: UfwRule, showIn: boolean): string {
  const to = pad(field(r.to, r.v6), 26);
  return `${to} ${pad(action(r, showIn), 12)}${pad(field(r.from, r.v6), 26)}`;
}

/** The short form `ufw delete` echoes ("allow 22/tcp", "deny from 203.0.113.0/24"). */
export function ruleCommand(r: UfwRule): string {
  const verb = `${r.action.toLowerCase()}${r.direction === 'OUT' ? ' out' : ''}`;
  if (r.from === 'Anywhere' && !r.to.includes(' ') && r.to !== 'Anywhere') return `${verb} ${r.to}`;
  const to = r.to === 'Anywhere' ? '' : ` to ${r.to}`;
  return `${verb} from ${r.from === 'Anywhere' ? 'any' : r.from}${to}`;
}

export type StatusMode = 'plain' | 'verbose' | 'numbered';

export function statusText(u: UfwState | undefined, mode: StatusMode): string {
  if (!u || !u.enabled) return 'Status: inactive\n';
  let s = 'Status: active\n';
  if (mode === 'verbose') {
    s += `Logging: ${u.logging === 'off' ? 'off' : `on (${u.logging})`}\n`;
    s += `Default: ${u.defaultIncoming} (incoming), ${u.defaultOutgoing} (outgoing), `
      + `${u.defaultRouted} (routed)\n`;
    s += 'New profiles: skip\n';
  }
  if (u.rules.length === 0) return s;
  const indent = mode === 'numbered' ? '     ' : '';
  s += `\n${indent}${pad('To', 26)} ${pad('Action', 12)}From\n`;
  s += `${indent}${pad('--', 26)} ${pad('------', 12)}----\n`;
  u.rules.forEach((r, i) => {
    const num = mode === 'numbered' ? `[${String(i + 1).padStart(2)}] ` : '';
    s += `${num}${ruleRow(r, mode !== 'plain')}\n`;
  });
  return `${s}\n`;
}
