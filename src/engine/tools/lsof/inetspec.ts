/**
 * lsof's -i address: [46][protocol][@hostname|hostaddr][:service|port[,..]]
 * with port ranges (1-1024) and service names, and -s PROTO:STATE lists.
 */
import type { Socket } from '../../world/types';
import { canonicalIp } from '../../net/ip';
import { servicePort } from '../../net/services';
import { lsofTcpState } from './entries';

export interface InetSpec {
  family?: 'inet' | 'inet6';
  proto?: 'tcp' | 'udp';
  addr?: string;
  ports?: [number, number][];
}

export type SpecResult = { ok: InetSpec } | { error: string };

function parsePorts(
  list: string,
  proto: 'tcp' | 'udp' | undefined,
  raw: string,
): [number, number][] | string {
  const out: [number, number][] = [];
  for (const item of list.split(',')) {
    const range = /^(\d+)-(\d+)$/.exec(item);
    if (range) {
      out.push([Number(range[1]), Number(range[2])]);
      continue;
    }
    if (/^\d+$/.test(item)) {
      out.push([Number(item), Number(item)]);
      continue;
    }
    const p = servicePort(item, proto ?? 'tcp') ?? (proto ? undefined : servicePort(item, 'udp'));
    if (p === undefined) return `lsof: unknown service ${item} in: -i ${raw}`;
    out.push([p, p]);
  }
  return out;
}

export function parseInetSpec(raw: string, hosts: Map<string, string>): SpecResult {
  let s = raw;
  const spec: InetSpec = {};
  if (s.startsWith('4') || s.startsWith('6')) {
    spec.family = s[0] === '4' ? 'inet' : 'inet6';
    s = s.slice(1);
  }
  const m = /^([A-Za-z]*)(.*)$/.exec(s) as RegExpExecArray;
  const proto = (m[1] ?? '').toLowerCase();
  s = m[2] ?? '';
  if (proto) {
    if (proto !== 'tcp' && proto !== 'udp')
      return { error: `lsof: unknown protocol name (${m[1]}) in: -i ${raw}` };
    spec.proto = proto;
  }
  if (s.startsWith('@')) {
    const close = s.startsWith('@[') ? s.indexOf(']') : -1;
    const end = close >= 0 ? close + 1 : s.indexOf(':') >= 0 ? s.indexOf(':') : s.length;
    const host = s.slice(1, end).replace(/^\[|\]$/g, '');
    s = s.slice(end);
    const canon = canonicalIp(host) ?? [...hosts].find(([, n]) => n === host)?.[0];
    if (!canon) return { error: `lsof: unknown host name (${host}) in: -i ${raw}` };
    spec.addr = canon;
  }
  if (s.startsWith(':')) {
    const ports = parsePorts(s.slice(1), spec.proto, raw);
    if (typeof ports === 'string') return { error: ports };
    spec.ports = ports;
  } else if (s !== '') {
    return { error: `lsof: incomplete Internet address specification: -i ${raw}` };
  }
  return { ok: spec };
}

export function specMatches(spec: InetSpec, s: Socket): boolean {
  if (spec.family && s.family !== spec.family) return false;
  if (spec.proto && s.proto !== spec.proto) return false;
  if (spec.addr && s.local.addr !== spec.addr && s.remote.addr !== spec.addr) return false;
  if (spec.ports) {
    const hit = (p: number): boolean => spec.ports!.some(([lo, hi]) => p >= lo && p <= hi);
    if (!hit(s.local.port) && !(s.remote.port !== 0 && hit(s.remote.port))) return false;
  }
  return true;
}

const STATES = [
  'LISTEN',
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'CLOSING',
  'UNKNOWN',
];

export interface StateFilter {
  tcpIn: Set<string>;
  tcpOut: Set<string>;
  udpIn: Set<string>;
  udpOut: Set<string>;
}

/** -s TCP:LISTEN,^ESTABLISHED; returns an error text or undefined. */
export function addStates(arg: string, f: StateFilter): string | undefined {
  const colon = arg.indexOf(':');
  const proto = arg.slice(0, colon).toUpperCase();
  if (proto !== 'TCP' && proto !== 'UDP')
    return `lsof: unknown -s protocol: "${arg.slice(0, colon)}"`;
  for (const raw of arg.slice(colon + 1).split(',')) {
    const neg = raw.startsWith('^');
    const name = (neg ? raw.slice(1) : raw).toUpperCase();
    if (proto === 'TCP' && !STATES.includes(name)) return `lsof: unknown TCP state name: ${raw}`;
    if (proto === 'UDP' && name !== 'UNBOUND' && name !== 'IDLE')
      return `lsof: unknown UDP state name: ${raw}`;
    const set = proto === 'TCP' ? (neg ? f.tcpOut : f.tcpIn) : neg ? f.udpOut : f.udpIn;
    set.add(name);
  }
  return undefined;
}

export function stateAllows(f: StateFilter, s: Socket): boolean {
  if (s.proto === 'tcp') {
    const st = lsofTcpState(s);
    if (f.tcpIn.size && !f.tcpIn.has(st)) return false;
    return !f.tcpOut.has(st);
  }
  if (s.proto === 'udp') {
    const st = s.local.port === 0 ? 'UNBOUND' : 'IDLE';
    if (f.udpIn.size && !f.udpIn.has(st)) return false;
    return !f.udpOut.has(st);
  }
  return true;
}
