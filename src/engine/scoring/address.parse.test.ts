import { describe, expect, it } from 'vitest';
import { canonicalIp, ipOfAnswer, parseEndpoint } from './address';

describe('canonicalIp', () => {
  it.each([
    ['203.0.113.45', '203.0.113.45'],
    ['  203.0.113.45\n', '203.0.113.45'],
    ['203.000.113.045', '203.0.113.45'],
    ['::ffff:203.0.113.45', '203.0.113.45'],
    ['::FFFF:cb00:712d', '203.0.113.45'],
    ['0:0:0:0:0:ffff:203.0.113.45', '203.0.113.45'],
    ['2001:DB8::5', '2001:db8::5'],
    ['2001:0db8:0000:0000:0000:0000:0000:0005', '2001:db8::5'],
    ['[2001:db8::5]', '2001:db8::5'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::', '::'],
    ['::1', '::1'],
  ])('%j -> %s', (input, want) => {
    expect(canonicalIp(input)).toBe(want);
  });

  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '2001:db8:::5', '1:2:3:4:5:6:7:8:9', 'g::1', '', 'localhost', '1.2.3.-4'])(
    'rejects %j', (input) => {
      expect(canonicalIp(input)).toBeNull();
    });
});

describe('parseEndpoint', () => {
  it('reads v4, bracketed v6, space-separated and netstat forms', () => {
    expect(parseEndpoint('203.0.113.45:40531')).toEqual([{ addr: '203.0.113.45', port: 40531 }]);
    expect(parseEndpoint('[2001:db8::5]:22')).toEqual([{ addr: '2001:db8::5', port: 22 }]);
    expect(parseEndpoint('[::ffff:198.51.100.23]:4444')).toEqual([{ addr: '198.51.100.23', port: 4444 }]);
    expect(parseEndpoint('203.0.113.45 40531')).toEqual([{ addr: '203.0.113.45', port: 40531 }]);
    expect(parseEndpoint('2001:db8::5:22')).toContainEqual({ addr: '2001:db8::5', port: 22 });
  });

  it('refuses a missing or impossible port', () => {
    expect(parseEndpoint('203.0.113.45')).toEqual([]);
    expect(parseEndpoint('203.0.113.45:0')).toEqual([]);
    expect(parseEndpoint('203.0.113.45:65536')).toEqual([]);
    expect(parseEndpoint('[2001:db8::5]')).toEqual([]);
  });

  it('takes the address of an answer that carries a port', () => {
    expect(ipOfAnswer('203.0.113.45:40531')).toBe('203.0.113.45');
    expect(ipOfAnswer('[2001:db8::5]:22')).toBe('2001:db8::5');
    expect(ipOfAnswer('40531')).toBeNull();
  });
});
