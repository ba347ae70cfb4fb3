import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { ipTool } from './ip';

const ip = (...args: string[]) => ipTool.run({
  argv: ['ip', ...args], stdin: '', world: web01(), uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1,
}).stdout;

describe('ip -o and ip -s addr', () => {
  it('prints one line per address, led by index and plain name', () => {
    expect(ip('-o', '-4', 'addr', 'show', 'dev', 'eth0')).toBe(
      '10: eth0    inet 10.10.0.5/24 brd 10.10.0.255 scope global eth0\\'
      + '       valid_lft forever preferred_lft forever\n',
    );
    expect(ip('-o', 'a').split('\n')).toHaveLength(9);
  });

  it('joins a link record with backslashes', () => {
    expect(ip('-o', 'link', 'show', 'tun0')).toBe(
      '3: tun0: <NO-CARRIER,POINTOPOINT,MULTICAST,NOARP,UP> mtu 1500 qdisc pfifo_fast state DOWN '
      + 'mode DEFAULT group default qlen 500\\    link/none \n',
    );
  });

  it('puts the counters after the addresses for ip -s addr', () => {
    const lines = ip('-s', 'addr', 'show', 'docker0').split('\n');
    expect(lines.slice(6, 10)).toEqual([
      '    RX:  bytes packets errors dropped  missed   mcast           ',
      '             0       0      0       0       0       0 ',
      '    TX:  bytes packets errors dropped carrier collsns           ',
      '           796      10      0       0       0       0 ',
    ]);
  });
});
