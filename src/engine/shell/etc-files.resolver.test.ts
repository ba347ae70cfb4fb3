import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { flagship } from '../session/forks.test-support';
import { stubResolvConf } from './etc-files';

describe('the resolver and package sources of an Ubuntu 24.04 host', () => {
  it('/etc/resolv.conf links to the stub file: the local stub, no search domain by default', async () => {
    const s = createLabSession({ scenario: flagship() });
    expect(await s.exec('readlink /etc/resolv.conf; tail -n 3 /etc/resolv.conf')).toEqual({
      stdout: '../run/systemd/resolve/stub-resolv.conf\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('the search line lists the host\'s domains', () => {
    const s = flagship();
    const w = s.worldAt(s.now, []);
    const text = stubResolvConf({ ...w, host: { ...w.host, dns: { servers: ['10.10.0.2'], search: ['corp.example', 'example.net'] } } });
    expect(text.split('\n').slice(-4)).toEqual(['nameserver 127.0.0.53', 'options edns0 trust-ad', 'search corp.example example.net', '']);
  });

  it('apt reads deb822 ubuntu.sources; sources.list only says where they moved', async () => {
    const s = createLabSession({ scenario: flagship() });
    const stanza = (uri: string, suites: string) => `Types: deb\nURIs: ${uri}\nSuites: ${suites}\n` +
      'Components: main restricted universe multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n';
    expect(await s.exec('cat /etc/apt/sources.list.d/*; cat /etc/apt/sources.list')).toEqual({
      stdout: stanza('http://archive.ubuntu.com/ubuntu/', 'noble noble-updates noble-backports') + '\n' +
        stanza('http://security.ubuntu.com/ubuntu/', 'noble-security') +
        '# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n',
      stderr: '',
      exitCode: 0,
    });
  });
});
