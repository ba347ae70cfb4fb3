import { describe, expect, it } from 'vitest';
import { canonicalIp, formatIPv6, parseIPv6, prefixMatch, parseIp } from './ip';
import { ipv4ProcHex, ipv6ProcHex, portProcHex, prefixToMask } from './proc-hex';
import { serviceName, servicePort, ssServiceName } from './services';

describe('ip text', () => {
  it('prints RFC 5952 forms', () => {
    expect(canonicalIp('2001:DB8:0:0:0:0:0:5')).toBe('2001:db8::5');
    expect(canonicalIp('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canonicalIp('::')).toBe('::');
    expect(canonicalIp('2001:db8:0:1:0:0:0:1')).toBe('2001:db8:0:1::1');
    expect(canonicalIp('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1');
    expect(canonicalIp('fe80::d099:1fff:fe44:880f')).toBe('fe80::d099:1fff:fe44:880f');
    expect(canonicalIp('::ffff:10.0.0.1')).toBe('::ffff:10.0.0.1');
    expect(canonicalIp('1:2:3:4:5:6:7:8')).toBe('1:2:3:4:5:6:7:8');
    expect(formatIPv6(parseIPv6('2001:db8::1:0:0:1')!)).toBe('2001:db8::1:0:0:1');
  });
  it('rejects bad text', () => {
    for (const bad of [
      '1.2.3',
      '1.2.3.256',
      '1::2::3',
      ':::',
      '12345::',
      'x',
      '1:2:3:4:5:6:7:8:9',
    ]) {
      expect(canonicalIp(bad)).toBeNull();
    }
  });
  it('matches prefixes', () => {
    const a = parseIp('10.10.0.5')!.bytes;
    expect(prefixMatch(a, parseIp('10.10.0.0')!.bytes, 24)).toBe(true);
    expect(prefixMatch(a, parseIp('10.10.1.0')!.bytes, 24)).toBe(false);
    expect(prefixMatch(a, parseIp('10.8.0.0')!.bytes, 12)).toBe(true);
  });
});

describe('proc hex', () => {
  it('prints host byte order', () => {
    expect(ipv4ProcHex('127.0.0.1')).toBe('0100007F');
    expect(ipv4ProcHex('10.10.0.5')).toBe('05000A0A');
    expect(ipv4ProcHex('198.51.100.23')).toBe('176433C6');
    expect(ipv6ProcHex('::1')).toBe('00000000000000000000000001000000');
    expect(ipv6ProcHex('::')).toBe('0'.repeat(32));
    expect(portProcHex(8080)).toBe('1F90');
    expect(prefixToMask(24)).toBe('255.255.255.0');
    expect(prefixToMask(0)).toBe('0.0.0.0');
  });
});

describe('services', () => {
  it('names ports like netbase', () => {
    expect(serviceName(22, 'tcp')).toBe('ssh');
    expect(serviceName(8080, 'tcp')).toBe('http-alt');
    expect(serviceName(4444, 'tcp')).toBeUndefined();
    expect(servicePort('https', 'tcp')).toBe(443);
    expect(servicePort('webcache', 'tcp')).toBe(8080);
    expect(ssServiceName(0, 'tcp', false)).toBe('*');
    expect(ssServiceName(40000, 'tcp', false)).toBe('40000');
    expect(ssServiceName(53, 'udp', false)).toBe('domain');
  });
});
