import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { ipTool } from './ip';

const ip = (args: string[]) => ipTool.run({
  argv: ['ip', ...args], stdin: '', world: web01(), uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1,
});

const USAGE = `\
Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

describe('ip usage', () => {
  it('ip alone, ip help and ip -help print iproute2 6.1 usage on stderr, exit 255', () => {
    for (const args of [[], ['help'], ['-help']]) {
      expect(ip(args)).toEqual({ stdout: '', stderr: USAGE, exitCode: 255 });
    }
  });
});
