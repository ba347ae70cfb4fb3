import { describe, expect, it } from 'vitest';
import { createLabSession } from '../../session/session';
import { web01Scenario } from '../../../../test/fixtures/web01-scenario';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('date -r FILE prints the file modification time', () => {
  it('reads world files and the trainee\'s own, with a format, -u bundled', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.exec('date -r /etc/passwd')).toEqual(ok('Wed Jul  8 09:30:41 UTC 2026\n'));
    expect(await s.exec('date -r /etc/hostname +%s')).toEqual(ok('1783419277\n'));
    expect(await s.exec('TZ=Europe/Berlin date --reference=/etc/hostname -R')).toEqual(
      ok('Tue, 07 Jul 2026 12:14:37 +0200\n'));
    expect(await s.exec('sleep 5; touch /tmp/mine; sleep 60; date -ur /tmp/mine')).toEqual(
      ok('Fri Dec  4 13:29:01 UTC 2026\n'));
  });

  it('says a missing file is missing, exit 1', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.exec('date -r /nope')).toEqual(
      { stdout: '', stderr: 'date: /nope: No such file or directory\n', exitCode: 1 });
  });
});

describe('date -d reads the common forms as GNU date does', () => {
  it('@EPOCH with a fraction, ISO 8601 with T and a zone, yesterday keeping the time', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.exec('date -u -d @1700000000.5 +%s.%N')).toEqual(ok('1700000000.500000000\n'));
    expect(await s.exec("date -u -d '2026-01-02T03:04:05+02:00'")).toEqual(ok('Fri Jan  2 01:04:05 UTC 2026\n'));
    expect(await s.exec("date -d '2026-01-02T03:04:05Z' -Iseconds")).toEqual(ok('2026-01-02T03:04:05+00:00\n'));
    expect(await s.exec('date -d yesterday')).toEqual(ok('Thu Dec  3 13:28:56 UTC 2026\n'));
    expect(await s.exec("date -d '-1 hour' --iso-8601=seconds")).toEqual(ok('2026-12-04T12:28:56+00:00\n'));
    expect(await s.exec('date -d@0 -uR')).toEqual(ok('Thu, 01 Jan 1970 00:00:00 +0000\n'));
  });
});
