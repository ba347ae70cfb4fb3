/**
 * Evaluates a parsed ss filter against one socket, with the semantics of the
 * kernel's inet_diag bytecode (and ss's run_ssfilter for unix sockets): a
 * condition naming an IPv4 address also matches an IPv4-mapped IPv6 socket;
 * an address of the other family never matches.
 */
import type { Family } from '../../world/types';
import { isV4Mapped, prefixMatch } from '../../net/ip';
import type { FilterNode } from './filter';
import type { HostCond } from './hostcond';
import { isEphemeral } from '../../net/services';

/** What a filter can see of a socket. */
export interface FilterView {
  family: Family | 'unix';
  local?: Uint8Array;
  remote?: Uint8Array;
  lport: number;
  rport: number;
  path?: string;
  cgroup?: string;
}

/** fnmatch(pattern, text, FNM_CASEFOLD) for *, ? and [...] classes. */
export function fnmatchCasefold(pattern: string, text: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`${re}$`, 'is').test(text);
}

function addrMatch(sock: Uint8Array | undefined, fam: Family | 'unix', c: HostCond): boolean {
  if (!sock || !c.bytes || !c.family) return false;
  if (c.family === fam) return prefixMatch(sock, c.bytes, c.bits);
  if (c.family === 'inet' && fam === 'inet6' && isV4Mapped(sock)) {
    return prefixMatch(sock.subarray(12), c.bytes, c.bits);
  }
  return false;
}

function hostMatch(v: FilterView, c: HostCond, side: 'dst' | 'src'): boolean {
  if (c.family === 'unix') {
    if (v.family !== 'unix') return false;
    if (c.pattern === undefined) return true;
    return fnmatchCasefold(c.pattern, side === 'src' ? (v.path ?? '') : '');
  }
  const port = side === 'dst' ? v.rport : v.lport;
  if (c.port !== -1 && c.port !== port) return false;
  if (c.bits > 0 || c.bytes) {
    if (v.family === 'unix') return false;
    return addrMatch(side === 'dst' ? v.remote : v.local, v.family, c);
  }
  return true;
}

export function matchFilter(node: FilterNode, v: FilterView): boolean {
  switch (node.op) {
    case 'and':
      return matchFilter(node.left, v) && matchFilter(node.right, v);
    case 'or':
      return matchFilter(node.left, v) || matchFilter(node.right, v);
    case 'not':
      return !matchFilter(node.expr, v);
    case 'dst':
    case 'src':
      return hostMatch(v, node.cond, node.op);
    case 'dge':
      return v.rport >= node.port;
    case 'dle':
      return v.rport <= node.port;
    case 'sge':
      return v.lport >= node.port;
    case 'sle':
      return v.lport <= node.port;
    case 'dev':
      return node.ifindex === 0;
    case 'mark':
      return (0 & node.mask) === node.mark;
    case 'cgroup':
      return v.cgroup === node.path;
    case 'autobound':
      return v.family === 'unix' ? v.path === undefined : isEphemeral(v.lport);
  }
}
