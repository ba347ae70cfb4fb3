import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { lsofTool } from './lsof';
import { LSOF_USAGE } from './usage';

function run(args: string[], uid = 0) {
  return lsofTool.run({
    argv: ['lsof', ...args],
    stdin: '',
    world: web01(),
    uid,
    user: uid ? 'deploy' : 'root',
    cwd: '/',
    env: new Map(),
    shellPid: 1,
  });
}

/** "PID FD" of every listed row. */
function rows(args: string[], uid = 0): string[] {
  const r = run(args, uid);
  return r.stdout
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const f = l.trim().split(/\s+/);
      return `${f[1]} ${f[3]}`;
    });
}

describe('lsof selection', () => {
  it('selects by protocol, family, port, range, service and host', () => {
    expect(rows(['-nP', '-i', 'TCP:4444'])).toEqual(['22713 0u', '22713 1u', '22713 2u']);
    expect(rows(['-nP', '-i6'])).toEqual(['22570 4u', '22708 7u']);
    expect(rows(['-nP', '-i4TCP:8080'])).toEqual(['22708 9u']);
    expect(rows(['-nP', '-iTCP:9000-9999'])).toEqual(['22719 3u']);
    expect(rows(['-nP', '-i', ':ssh'])).toEqual([
      '22570 4u',
      '22570 5u',
      '22704 4u',
      '22705 4u',
      '22708 4u',
      '22709 4u',
    ]);
    expect(rows(['-nP', '-i', '@203.0.113.45'])).toEqual([
      '22704 4u',
      '22705 4u',
      '22708 4u',
      '22709 4u',
    ]);
    expect(rows(['-nP', '-i', 'UDP'])).toEqual([]);
  });

  it('filters TCP states with -s, including exclusions', () => {
    expect(rows(['-nP', '-iTCP', '-sTCP:^ESTABLISHED'])).toEqual([
      '22570 4u',
      '22570 5u',
      '22571 3u',
      '22572 5u',
      '22708 7u',
      '22708 9u',
    ]);
    expect(rows(['-nP', '-i', '-s', 'TCP:LISTEN', '-a', '-u', 'deploy'])).toEqual([
      '22708 7u',
      '22708 9u',
    ]);
  });

  it('ORs selections unless -a, and excludes with ^', () => {
    const orRows = rows(['-nP', '-p', '22719', '-i', ':4444']);
    expect(orRows.filter((r) => r.startsWith('22713'))).toEqual([
      '22713 0u',
      '22713 1u',
      '22713 2u',
    ]);
    expect(orRows.filter((r) => r.startsWith('22719'))).toEqual([
      '22719 cwd',
      '22719 rtd',
      '22719 txt',
      '22719 mem',
      '22719 mem',
      '22719 mem',
      '22719 3u',
    ]);
    expect(rows(['-nP', '-a', '-p', '22719', '-i', ':4444'])).toEqual([]);
    expect(rows(['-nP', '-i', ':22', '-u', '^root'])).toEqual(['22708 4u', '22709 4u']);
    expect(rows(['-nP', '-a', '-c', 'ssh', '-i', ':8080'])).toEqual(['22708 7u', '22708 9u']);
  });

  it('matches -c by prefix or /regex/', () => {
    expect(rows(['-nP', '-a', '-c', '/^s[so]/', '-i', 'TCP:31337,8080'])).toEqual([
      '22572 5u',
      '22708 7u',
      '22708 9u',
    ]);
    expect(rows(['-nP', '-a', '-c', '/^PY/i', '-i'])).toEqual(['22571 3u']);
  });

  it('prints pids only with -t and exits 1 when nothing matches', () => {
    expect(run(['-t', '-i'])).toEqual({
      stdout: '22570\n22571\n22572\n22704\n22705\n22708\n22709\n22713\n22719\n',
      stderr: '',
      exitCode: 0,
    });
    expect(run(['-i', ':9999'])).toEqual({ stdout: '', stderr: '', exitCode: 1 });
  });

  it('widens COMMAND with +c', () => {
    expect(run(['+c', '15', '-nP', '-p', '22571']).stdout.split('\n')[0]).toBe(
      'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
    );
  });

  it("hides other users' sockets from an unprivileged user", () => {
    expect(rows(['-nP', '-i'], 1001)).toEqual([
      '22708 4u',
      '22708 7u',
      '22708 9u',
      '22709 4u',
      '22713 0u',
      '22713 1u',
      '22713 2u',
    ]);
  });

  it('words errors like lsof', () => {
    const err = (m: string) => ({ stdout: '', stderr: `${m}\n${LSOF_USAGE}`, exitCode: 1 });
    expect(run(['-y'])).toEqual(err('lsof: illegal option character: y'));
    expect(run(['-i', 'SCTP'])).toEqual(err('lsof: unknown protocol name (SCTP) in: -i SCTP'));
    expect(run(['-i', ':nosuch'])).toEqual(err('lsof: unknown service nosuch in: -i :nosuch'));
    expect(run(['-p', 'abc'])).toEqual(err('lsof: illegal process ID: abc'));
    expect(run(['-u', 'nobody2'])).toEqual(err("lsof: can't get UID for nobody2"));
    expect(run(['-sTCP:BOGUS', '-i'])).toEqual(err('lsof: unknown TCP state name: BOGUS'));
  });
});
