import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { conntrackTool } from './conntrack';
import type { DistroId, Flow } from '../../world/types';

const FLOW: Flow = {
  proto: 'tcp', state: 'ESTABLISHED', timeout: 431980, assured: true, mark: 0,
  orig: { src: '10.10.0.5', dst: '198.51.100.23', sport: 54880, dport: 4444 },
  reply: { src: '198.51.100.23', dst: '10.10.0.5', sport: 4444, dport: 54880 },
};

function run(distro: DistroId, argv: string[]) {
  const world = web01();
  world.host = { ...world.host, distro };
  world.flows = [FLOW];
  return conntrackTool.run({
    argv, stdin: '', world, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 30000,
  });
}

describe('conntrack version', () => {
  it('Ubuntu 24.04 prints conntrack-tools 1.4.8 in the summary', () => {
    expect(run('ubuntu-24.04', ['conntrack', '-L'])).toEqual({
      stdout: 'tcp      6 431980 ESTABLISHED src=10.10.0.5 dst=198.51.100.23 sport=54880 ' +
        'dport=4444 src=198.51.100.23 dst=10.10.0.5 sport=4444 dport=54880 [ASSURED] mark=0 use=1\n',
      stderr: 'conntrack v1.4.8 (conntrack-tools): 1 flow entries have been shown.\n',
      exitCode: 0,
    });
  });

  it('each distribution names its own release, errors included', () => {
    expect(run('debian-12', ['conntrack', '-L']).stderr)
      .toBe('conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n');
    expect(run('ubuntu-22.04', ['conntrack', '-X'])).toEqual({
      stdout: '', exitCode: 2,
      stderr: "conntrack v1.4.6 (conntrack-tools): invalid option `-X'\n" +
        "Try `conntrack -h' or 'conntrack --help' for more information.\n",
    });
  });
});
