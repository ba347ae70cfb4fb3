import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { procNetDev } from './dev';

describe('/proc/net/dev', () => {
  it("prints the captured host's interfaces in the kernel's layout", () => {
    expect(procNetDev(web01())).toBe([
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
      '    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0',
      'docker0:       0       0    0    0    0     0          0         0      796      10    0    0    0     0       0          0',
      '  tun0:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0',
      // The same counters as `ip -s link show eth0` in the capture.
      '  eth0:   28366     304    0    0    0     0          0         0   358170     245    0    0    0     0       0          0',
      '',
    ].join('\n'));
  });

  it('adds missed packets to drop and puts collisions before carrier, as the kernel does', () => {
    const world = web01();
    const eth0 = world.interfaces.find((i) => i.name === 'eth0')!;
    eth0.stats = { ...eth0.stats, rxDropped: 2, rxMissed: 3, txCollisions: 7, txCarrier: 1 };
    const line = procNetDev(world).split('\n').find((l) => l.startsWith('  eth0:'))!;
    expect(line.split(/\s+/).slice(1)).toEqual(['eth0:', '28366', '304', '0', '5', '0', '0', '0', '0', '358170', '245', '0', '0', '0', '7', '1', '0']);
  });
});
