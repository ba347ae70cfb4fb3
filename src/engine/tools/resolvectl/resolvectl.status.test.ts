import { describe, expect, it } from 'vitest';
import { flagship } from '../../session/forks.test-support';
import type { HostState } from '../../world/types';
import type { ToolContext } from '../types';
import { resolvectlTool } from './resolvectl';

const PROTOCOLS = '-LLMNR -mDNS -DNSOverTLS DNSSEC=no/unsupported';

function run(argv: string[], edit?: (w: HostState) => HostState) {
  const s = flagship();
  const base = s.worldAt(s.now, []);
  const world = edit ? edit(base) : base;
  const ctx: ToolContext = { argv: ['resolvectl', ...argv], stdin: '', world, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1 };
  return resolvectlTool.run(ctx);
}

/** A second link without DNS, and the resolver given two servers and a search domain. */
const twoLinks = (w: HostState): HostState => ({
  ...w,
  host: { ...w.host, dns: { servers: ['10.10.0.2', '10.10.0.3'], search: ['corp.example'] } },
  interfaces: [...w.interfaces, { ...w.interfaces[1]!, index: 3, name: 'eth1' }],
});

describe('resolvectl as systemd 255 prints it', () => {
  it('status: Global, then the primary link with the DNS servers the world has (the gateway by default)', () => {
    expect(run([])).toEqual({
      stdout: [
        'Global', `       Protocols: ${PROTOCOLS}`, 'resolv.conf mode: stub', '',
        'Link 2 (eth0)', '    Current Scopes: DNS', `         Protocols: +DefaultRoute ${PROTOCOLS}`,
        'Current DNS Server: 10.10.0.1', '       DNS Servers: 10.10.0.1', '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('status with search domains and a link without DNS; status LINK shows that link', () => {
    expect(run(['status'], twoLinks).stdout).toBe([
      'Global', `       Protocols: ${PROTOCOLS}`, 'resolv.conf mode: stub', '',
      'Link 2 (eth0)', '    Current Scopes: DNS', `         Protocols: +DefaultRoute ${PROTOCOLS}`,
      'Current DNS Server: 10.10.0.2', '       DNS Servers: 10.10.0.2 10.10.0.3', '        DNS Domain: corp.example', '',
      'Link 3 (eth1)', 'Current Scopes: none', `     Protocols: -DefaultRoute ${PROTOCOLS}`, '',
    ].join('\n'));
    expect(run(['status', 'eth1'], twoLinks).stdout).toBe(
      `Link 3 (eth1)\nCurrent Scopes: none\n     Protocols: -DefaultRoute ${PROTOCOLS}\n`);
  });

  it('dns and domain list each scope; an unknown link is refused', () => {
    expect(run(['dns'], twoLinks).stdout).toBe('Global:\nLink 2 (eth0): 10.10.0.2 10.10.0.3\nLink 3 (eth1):\n');
    expect(run(['domain', 'eth0'], twoLinks).stdout).toBe('Link 2 (eth0): corp.example\n');
    expect(run(['status', 'wlan9'])).toEqual({
      stdout: '', stderr: 'Failed to resolve interface "wlan9": No such device\n', exitCode: 1,
    });
  });
});
