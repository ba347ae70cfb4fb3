import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compileText } from './testkit';

/** The flagship's host with a timeline of every other kind. */
const others = flagship.slice(0, flagship.indexOf('\ntimeline:\n')) + `
timeline:
  - { id: fwd, kind: ssh-remote-forward, at: -30m, user: ops, from: 203.0.113.45, listen_port: 8080,
      failed_attempts: 3 }
  - { id: door, kind: firewall-change, at: -20m, user: ops, parent: fwd, chain: INPUT, op: insert,
      rule: { protocol: tcp, dport: 31337, target: ACCEPT } }
  - { id: bind, kind: listener, at: -19m, tool: socat, port: 31337, exec: /bin/bash }
  - { id: miner, kind: process, at: -15m, exit: -5m, user: ops, argv: [/tmp/.x/kworkerd] }
  - { id: job, kind: cron-job, at: -12m, user: ops, schedule: "*/5 * * * *", command: /tmp/.x/run.sh }
  - { id: loop, kind: beacon, at: -10m, user: ops, via: loop, to: 198.51.100.23:8443 }
  - { id: shell, kind: reverse-shell, at: -9m, parent: fwd, flavour: python-pty, to: 198.51.100.23:443 }
  - { id: up, kind: exfil, at: -4m, parent: shell, user: ops, tool: curl, source: /etc/passwd,
      to: 198.51.100.23:443, volume: 1MiB, rate: 10KiB/s }
questions: []
`;

describe('pid plan: every kind takes the pids declared for it', () => {
  for (const [name, text] of [['the flagship', flagship], ['the other kinds', others]] as const) {
    it(`compiles ${name} without an undeclared pid`, () => {
      const c = compileText(text);
      expect(c.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
      expect(c.timeline.length).toBeGreaterThan(5);
      expect(c.base.ids.pids.undeclared).toBe(0);
    });
  }
});
