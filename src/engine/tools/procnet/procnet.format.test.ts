import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import type { HostState, Socket } from '../../world/types';
import { hashedPointer, procNetTcp, procNetUdp } from './procnet';
import { buildOwnerIndex } from './owners';

function withSockets(...extra: Partial<Socket>[]): HostState {
  const w = web01();
  const base = w.sockets[1] as Socket;
  for (const e of extra)
    w.sockets.push({ ...base, timer: undefined, info: undefined, ...e } as Socket);
  return w;
}

describe('/proc/net formats', () => {
  it('prints a TIME-WAIT socket like get_timewait4_sock', () => {
    const tw = {
      id: 'tw',
      inode: 0,
      sk: 0x99,
      state: 'TIME-WAIT' as const,
      local: { addr: '10.10.0.5', port: 41000 },
      remote: { addr: '198.51.100.23', port: 8443 },
      timer: { kind: 'timewait' as const, expiresMs: 55_000, retrans: 0 },
    };
    const w = withSockets(tw);
    const line = procNetTcp(w, 'inet').split('\n')[9]?.trimEnd();
    const s = w.sockets.find((x) => x.id === 'tw') as Socket;
    expect(line).toBe(
      `   8: 05000A0A:A028 176433C6:20FB 06 00000000:00000000 03:0000157C 00000000     0        0 0 3 ${hashedPointer(s)}`,
    );
  });

  it('prints udp and udp6 rows in hash-slot order, padded to 127 for IPv4', () => {
    const w = withSockets(
      {
        id: 'dns',
        proto: 'udp',
        state: 'UNCONN',
        inode: 48000,
        sk: 0x40,
        local: { addr: '127.0.0.53', port: 53 },
        remote: { addr: '0.0.0.0', port: 0 },
        sendQ: 0,
      },
      {
        id: 'ntp',
        proto: 'udp',
        state: 'UNCONN',
        inode: 48001,
        sk: 0x41,
        uid: 104,
        local: { addr: '0.0.0.0', port: 123 },
        remote: { addr: '0.0.0.0', port: 0 },
        sendQ: 0,
      },
      {
        id: 'v6',
        proto: 'udp',
        family: 'inet6',
        state: 'ESTABLISHED',
        inode: 48002,
        sk: 0x42,
        local: { addr: '2001:db8:10::5', port: 50000 },
        remote: { addr: '2001:db8::53', port: 53 },
        sendQ: 0,
        recvQ: 768,
      },
    );
    const udp = procNetUdp(w, 'inet').split('\n');
    expect(udp.every((l) => l === '' || l.length === 127)).toBe(true);
    const ptr = (id: string) => hashedPointer(w.sockets.find((x) => x.id === id) as Socket);
    expect(udp.slice(1, 3).map((l) => l.trimEnd())).toEqual([
      `   53: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 48000 2 ${ptr('dns')} 0`,
      `  123: 00000000:007B 00000000:0000 07 00000000:00000000 00:00000000 00000000   104        0 48001 2 ${ptr('ntp')} 0`,
    ]);
    expect(procNetUdp(w, 'inet6').split('\n')[1]).toBe(
      `  848: B80D0120000010000000000005000000:C350 B80D0120000000000000000053000000:0035 01 00000000:00000300 00:00000000 00000000     0        0 48002 2 ${ptr('v6')} 0`,
    );
  });
});

describe('owner index', () => {
  it('lists holders by descending pid then fd, and hides others from non-root', () => {
    const w = web01();
    const rev = buildOwnerIndex(w, 0)
      .get(47830)
      .map((o) => `${o.process.pid}/${o.fd}`);
    expect(rev).toEqual(['22713/2', '22713/1', '22713/0']);
    const ssh = buildOwnerIndex(w, 0)
      .get(46688)
      .map((o) => o.process.pid);
    expect(ssh).toEqual([22708, 22704]);
    const mine = buildOwnerIndex(w, 1001);
    expect(mine.get(46688).map((o) => o.process.pid)).toEqual([22708]);
    expect(mine.partial).toBe(true);
  });
});
