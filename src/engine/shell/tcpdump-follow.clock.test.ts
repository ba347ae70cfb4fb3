import { describe, expect, it } from 'vitest';
import type { HostState, Packet } from '../world/types';
import { ctrlCAfter, NOW, shellOn } from './testkit';

const HEAD = 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n' +
  'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n';
const counts = (n: number): string =>
  `${n} packet${n === 1 ? '' : 's'} captured\n${n} packet${n === 1 ? '' : 's'} received by filter\n` +
  '0 packets dropped by kernel\n';

const udp = (n: number): Packet => ({
  time: NOW + n * 1000 + 0.5, iface: 'eth0', family: 'inet', proto: 'udp',
  src: '10.10.0.5', dst: '10.10.0.1', sport: 40000 + n, dport: 53, length: 30,
});
const udpLine = (n: number): string =>
  `13:28:${56 + n}.000500 IP 10.10.0.5.${40000 + n} > 10.10.0.1.53: UDP, length 30\n`;
const tcp = (dt: number, out: boolean, flags: string, seq: number, ack?: number): Packet => ({
  time: NOW + dt, iface: 'eth0', family: 'inet', proto: 'tcp', flags, seq, ack, win: 502, length: 0,
  src: out ? '10.10.0.5' : '198.51.100.23', dst: out ? '198.51.100.23' : '10.10.0.5',
  sport: out ? 50000 : 443, dport: out ? 443 : 50000,
});
const PACKETS = [udp(1), udp(2), udp(3),
  tcp(1200, true, 'S', 1000), tcp(1300, false, 'S.', 7000, 1001), tcp(4200, true, '.', 1001, 7001)]
  .sort((a, b) => a.time - b.time);

function packets(world: HostState): void {
  world.packets = (from, to) => PACKETS.filter((p) => p.time >= from && p.time < to);
}

async function root(wall?: Parameters<typeof shellOn>[1]) {
  const s = shellOn(packets, wall);
  await s.exec('sudo -i');
  return s;
}

describe('tcpdump prints packets as their time comes on the simulated clock', () => {
  it('-c N waits for the Nth packet: the clock then stands at its time', async () => {
    const s = await root();
    const r = await s.exec('tcpdump -nn -i eth0 udp -c 2; date +%T.%N');
    expect(r).toEqual({ stdout: udpLine(1) + udpLine(2) + '13:28:58.001000000\n', stderr: HEAD + counts(2), exitCode: 0 });
    expect(s.clock.now()).toBe(NOW + 2001);
  });

  it('no packet from the future: date before and after brackets them', async () => {
    const s = await root();
    const r = await s.exec('date +%s; tcpdump -nn udp -c 3; date +%s');
    const [before, after] = r.stdout.split('\n').filter((l) => /^\d+$/.test(l)).map(Number);
    // The third packet came at 13:28:59.0005: the second date is after it.
    expect(after! - before!).toBe(3);
  });

  it('Ctrl-C: what came until then, a newline, the counts (exit 0)', async () => {
    const { wall, signal } = ctrlCAfter(2_500);
    const s = await root(wall);
    expect(await s.exec('tcpdump -nn udp', { signal })).toEqual({
      stdout: udpLine(1) + udpLine(2) + '\n', stderr: HEAD + counts(2), exitCode: 0,
    });
  });

  it('unattended (run): a minute, then the counts and the note (124)', async () => {
    const s = await root();
    expect(await s.exec('tcpdump -nn udp')).toEqual({
      stdout: udpLine(1) + udpLine(2) + udpLine(3) + '\n',
      stderr: HEAD + counts(3) + 'tcpdump: no terminal to press Ctrl-C in: stopped after 60s of simulated time\n',
      exitCode: 124,
    });
    expect(s.clock.now()).toBe(NOW + 60_000);
  });

  it('under timeout: stops at the deadline; -s KILL leaves no counts', async () => {
    const s = await root();
    expect(await s.exec('timeout 2.5 tcpdump -nn udp')).toEqual({
      stdout: udpLine(1) + udpLine(2) + '\n', stderr: HEAD + counts(2), exitCode: 124,
    });
    expect(s.clock.now()).toBe(NOW + 2_500);
    expect(await s.exec('timeout -s KILL 10 tcpdump -nn udp')).toEqual({
      stdout: udpLine(3), stderr: HEAD, exitCode: 137,
    });
  });

  it('sequence numbers stay relative across wake-ups (one flow, packets seconds apart)', async () => {
    const s = await root();
    const r = await s.exec('tcpdump -nn -c 3 tcp');
    expect(r.stdout.split('\n')[2]).toBe(
      '13:29:00.200000 IP 10.10.0.5.50000 > 198.51.100.23.443: Flags [.], ack 1, win 502, length 0');
  });
});
