/**
 * ufw's rule syntax, the simple and the extended form:
 *   allow|deny|reject|limit [in|out] PORT[/PROTO] | SERVICE
 *   allow|deny|reject|limit [in|out] [proto P] [from ADDR [port N]] [to ADDR [port N]]
 * giving the rule(s) ufw would add: IPv4 and IPv6 when no address pins a
 * family, one of them otherwise.
 */
import type { UfwRule } from '../../world/types';
import { parseIPv4, parseIPv6, servicePort } from '../../net';

export class UfwError extends Error {}

type Action = UfwRule['action'];

function portSpec(text: string): string {
  const [port, proto] = text.split('/');
  if (proto !== undefined && proto !== 'tcp' && proto !== 'udp') {
    throw new UfwError('ERROR: Unsupported protocol');
  }
  const parts = (port ?? '').split(/[,:]/);
  const numeric = parts.every((p) => /^\d+$/.test(p));
  if (numeric) {
    const bad = parts.some((p) => Number(p) < 1 || Number(p) > 65535);
    if (bad) throw new UfwError('ERROR: Bad port');
    return text;
  }
  if (proto !== undefined || parts.length > 1) throw new UfwError('ERROR: Bad port');
  const tcp = servicePort(port ?? '', 'tcp');
  const udp = servicePort(port ?? '', 'udp');
  if (tcp === undefined && udp === undefined) {
    throw new UfwError(`ERROR: Could not find a profile matching '${port}'`);
  }
  if (tcp !== undefined && udp === tcp) return String(tcp);
  return tcp !== undefined ? `${tcp}/tcp` : `${udp}/udp`;
}

function addrFamily(text: string, what: 'source' | 'destination'): 'v4' | 'v6' | 'any' {
  if (text === 'any') return 'any';
  const [addr, len] = text.split('/');
  const v4 = parseIPv4(addr ?? '') !== null;
  const v6 = !v4 && parseIPv6(addr ?? '') !== null;
  const max = v4 ? 32 : 128;
  const lenOk = len === undefined || (/^\d+$/.test(len) && Number(len) <= max);
  if ((!v4 && !v6) || !lenOk) throw new UfwError(`ERROR: Bad ${what} address`);
  return v4 ? 'v4' : 'v6';
}

function side(addr: string, port: string | undefined, proto: string | undefined): string {
  const p = port === undefined ? undefined : proto ? `${port}/${proto}` : port;
  if (addr === 'any') return p ?? (proto ? `Anywhere/${proto}` : 'Anywhere');
  return p === undefined ? addr : `${addr} ${p}`;
}

interface Extended {
  proto?: string;
  from: string;
  fromPort?: string;
  to: string;
  toPort?: string;
}

function parseExtended(words: string[]): Extended {
  const e: Extended = { from: 'any', to: 'any' };
  let k = 0;
  const next = () => {
    const w = words[k++];
    if (w === undefined) throw new UfwError('ERROR: Invalid syntax');
    return w;
  };
  while (k < words.length) {
    const w = next();
    if (w === 'proto') e.proto = next();
    else if (w === 'from') {
      e.from = next();
      if (words[k] === 'port') { k++; e.fromPort = next(); }
    } else if (w === 'to') {
      e.to = next();
      if (words[k] === 'port') { k++; e.toPort = next(); }
    }
    else throw new UfwError('ERROR: Invalid syntax');
  }
  if (e.proto !== undefined && !['tcp', 'udp', 'any'].includes(e.proto)) {
    throw new UfwError('ERROR: Unsupported protocol');
  }
  if (e.proto === 'any') e.proto = undefined;
  for (const p of [e.fromPort, e.toPort]) if (p !== undefined) portSpec(p);
  return e;
}

/** The rules one `ufw ACTION ...` command adds, IPv4 first. */
export function parseRule(action: Action, words: string[]): UfwRule[] {
  let direction: UfwRule['direction'] = 'IN';
  let rest = words;
  if (rest[0] === 'in' || rest[0] === 'out') {
    direction = rest[0] === 'out' ? 'OUT' : 'IN';
    rest = rest.slice(1);
  }
  if (rest[0] === 'on') throw new UfwError("ERROR: 'on INTERFACE' is not simulated in this lab");
  if (rest[0] === 'log' || rest[0] === 'log-all') rest = rest.slice(1);
  if (rest.length === 0) throw new UfwError('ERROR: Invalid syntax');
  if (rest.length === 1) {
    const to = portSpec(rest[0] ?? '');
    return [false, true].map((v6) => ({ to, action, direction, from: 'Anywhere', v6 }));
  }
  const e = parseExtended(rest);
  const ff = addrFamily(e.from, 'source');
  const tf = addrFamily(e.to, 'destination');
  if (ff !== 'any' && tf !== 'any' && ff !== tf) throw new UfwError('ERROR: Invalid syntax');
  const fam = ff !== 'any' ? ff : tf;
  const to = side(e.to, e.toPort, e.proto);
  const from = side(e.from, e.fromPort, e.proto);
  const fams = fam === 'any' ? [false, true] : [fam === 'v6'];
  return fams.map((v6) => ({ to, action, direction, from, v6 }));
}
