import { describe, expect, it } from 'vitest';
import { compileFilter, FilterError } from './filter';
import type { Packet } from '../../world/types';

const pkt = (p: Partial<Packet>): Packet => ({
  time: 0, iface: 'eth0', family: 'inet', proto: 'tcp', src: '10.10.0.5', dst: '198.51.100.23',
  sport: 40000, dport: 443, length: 0, flags: '.', ...p,
});

const match = (expr: string, p: Packet): boolean => compileFilter(expr.split(' '))(p);

describe('tcpdump filters', () => {
  const syn = pkt({ flags: 'S' });
  const data = pkt({ flags: 'P.', length: 10 });
  const dns = pkt({ proto: 'udp', dport: 53, flags: undefined });
  const ping = pkt({ proto: 'icmp', sport: 7, dport: 1, flags: undefined });
  const v6 = pkt({ family: 'inet6', src: '2001:db8:10::5', dst: '2001:db8::1' });

  it('empty filter matches everything', () => {
    expect(compileFilter([])(dns)).toBe(true);
  });

  it('host, src, dst and net', () => {
    expect(match('host 198.51.100.23', syn)).toBe(true);
    expect(match('src 198.51.100.23', syn)).toBe(false);
    expect(match('dst 198.51.100.23', syn)).toBe(true);
    expect(match('dst host 10.10.0.5', syn)).toBe(false);
    expect(match('net 198.51.100.0/24', syn)).toBe(true);
    expect(match('src net 10.0.0.0/8', syn)).toBe(true);
    expect(match('host 2001:db8::1', v6)).toBe(true);
    expect(match('ip6', v6)).toBe(true);
    expect(match('ip', v6)).toBe(false);
  });

  it('ports, protocols and qualifier carry-over', () => {
    expect(match('port 443', syn)).toBe(true);
    expect(match('tcp port 443', syn)).toBe(true);
    expect(match('udp port 443', syn)).toBe(false);
    expect(match('src port 443', syn)).toBe(false);
    expect(match('dst port https', syn)).toBe(true);
    expect(match('port 53 or 443', syn)).toBe(true);
    expect(match('portrange 400-500', syn)).toBe(true);
    expect(match('udp', dns)).toBe(true);
    expect(match('icmp', ping)).toBe(true);
    expect(match('port 53', ping)).toBe(false);
  });

  it('boolean operators and parentheses', () => {
    expect(match('tcp and not port 22', syn)).toBe(true);
    expect(match('! tcp', syn)).toBe(false);
    expect(match('( udp or icmp ) and host 10.10.0.5', dns)).toBe(true);
    expect(match('(udp or icmp) && host 10.10.0.5', syn)).toBe(false);
    expect(match('tcp || udp', dns)).toBe(true);
  });

  it('TCP flag byte tests', () => {
    const flags = 'tcp[tcpflags] & (tcp-syn|tcp-fin) != 0';
    expect(match(flags, syn)).toBe(true);
    expect(match(flags, pkt({ flags: 'F.' }))).toBe(true);
    expect(match(flags, data)).toBe(false);
    expect(match('tcp[13] & 2 != 0', syn)).toBe(true);
    expect(match('tcp[13] = 18', pkt({ flags: 'S.' }))).toBe(true);
    expect(match('tcp[tcpflags] == tcp-syn', syn)).toBe(true);
    expect(match('tcp[2:2] = 443', syn)).toBe(true);
    expect(match('less 5', data)).toBe(false);
    expect(match('greater 5', data)).toBe(true);
  });

  it('rejects malformed expressions like libpcap', () => {
    expect(() => compileFilter(['port'])).toThrow(FilterError);
    expect(() => compileFilter(['tcp', 'and'])).toThrow('syntax error');
    expect(() => compileFilter(['host', 'nosuch'])).toThrow("unknown host 'nosuch'");
    expect(() => compileFilter(['port', 'nosuchservice'])).toThrow("unknown port 'nosuchservice'");
    expect(() => compileFilter(['(', 'tcp'])).toThrow(FilterError);
  });
});
