import { describe, expect, it } from 'vitest';
import { DISTRO_IDS, profileFor } from './profiles';
import { serviceCatalogue } from './profile-services';

describe('distribution profiles', () => {
  it('fix the versions whose output differs', () => {
    expect(DISTRO_IDS.map((d) => profileFor(d).versions.iptables)).toEqual([
      '1.8.10',
      '1.8.7',
      '1.8.9',
    ]);
    expect(profileFor('ubuntu-24.04').versions.sshBanner).toBe('OpenSSH_9.6p1 Ubuntu-3ubuntu13.5');
    expect(profileFor('debian-12').versions.sshBanner).toBe('OpenSSH_9.2p1 Debian-2+deb12u3');
    expect(profileFor('ubuntu-22.04').syslogFormat).toBe('traditional');
    expect(profileFor('ubuntu-24.04').syslogFormat).toBe('rfc3339');
    expect(profileFor('debian-12').kernel).toBe('6.1.0-28-amd64');
  });

  it('have the system accounts with their real ids', () => {
    const uid = (d: Parameters<typeof profileFor>[0], name: string) =>
      profileFor(d).accounts.find((a) => a.name === name)?.uid;
    for (const d of DISTRO_IDS) {
      expect(uid(d, 'root')).toBe(0);
      expect(uid(d, 'www-data')).toBe(33);
      expect(uid(d, 'nobody')).toBe(65534);
      expect(uid(d, 'sshd')).toBeDefined();
      expect(profileFor(d).groups.find((g) => g.name === 'sudo')?.gid).toBe(27);
    }
    expect(uid('ubuntu-22.04', 'systemd-resolve')).toBe(102);
    expect(uid('debian-12', 'systemd-resolve')).toBeUndefined();
  });

  it('list default services the catalogue knows, with accounts the profile has', () => {
    for (const d of DISTRO_IDS) {
      const p = profileFor(d);
      const cat = serviceCatalogue({ distro: d, cpus: 2 });
      for (const name of p.defaultServices) {
        const def = cat.get(name);
        expect(def, `${d} ${name}`).toBeDefined();
        for (const proc of def?.processes ?? []) {
          expect(
            p.accounts.some((a) => a.name === proc.user) || def?.account?.name === proc.user,
            `${d} ${name} ${proc.user}`,
          ).toBe(true);
        }
      }
    }
  });

  it('describe services by their real process titles and listeners', () => {
    const cat = serviceCatalogue({ distro: 'ubuntu-24.04', cpus: 2 });
    expect(cat.get('nginx')?.processes.map((p) => p.title)).toEqual([
      'nginx: master process /usr/sbin/nginx -g daemon on; master_process on;',
      'nginx: worker process',
      'nginx: worker process',
    ]);
    expect(cat.get('chrony')?.listeners.map((l) => `${l.proto} ${l.addr}:${l.port}`)).toEqual([
      'udp 127.0.0.1:323',
      'udp ::1:323',
    ]);
    expect(cat.get('systemd-resolved')?.processes[0]?.user).toBe('systemd-resolve');
    expect(cat.get('ssh')?.listeners.map((l) => l.backlog)).toEqual([4096, 4096]);
    expect(
      serviceCatalogue({ distro: 'debian-12', cpus: 1 })
        .get('ssh')
        ?.listeners.map((l) => l.backlog),
    ).toEqual([128, 128]);
  });
});
