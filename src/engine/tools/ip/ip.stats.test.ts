import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { ipTool } from './ip';

const ip = (args: string[]) => ipTool.run({
  argv: ['ip', ...args], stdin: '', world: web01(), uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1,
});

describe('ip -s -s link', () => {
  it('adds the RX and TX error rows of iproute2 6.1, widths shared with the counters', () => {
    expect(ip(['-s', '-s', 'link', 'show', 'eth0'])).toEqual({ stderr: '', exitCode: 0, stdout: `\
10: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
    link/ether d2:99:1f:44:88:0f brd ff:ff:ff:ff:ff:ff link-netns inet
    RX:  bytes packets errors dropped  missed   mcast           
         28366     304      0       0       0       0 
    RX errors:  length    crc   frame    fifo overrun
                     0      0       0       0       0 
    TX:  bytes packets errors dropped carrier collsns           
        358170     245      0       0       0       0 
    TX errors: aborted   fifo  window heartbt transns
                     0      0       0       0       1 
` });
  });

  it('one -s keeps the counters alone; the loopback has no carrier transitions', () => {
    expect(ip(['-s', 'link', 'show', 'eth0']).stdout.split('\n')).toHaveLength(7);
    expect(ip(['-statistics', '-s', 'link', 'show', 'lo']).stdout.split('\n').slice(-3)).toEqual([
      '    TX errors: aborted   fifo  window heartbt transns',
      '                     0      0       0       0       0 ',
      '',
    ]);
  });
});
