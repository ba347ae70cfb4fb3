import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import { NOW } from '../../../test/fixtures/web01';

/** An hour after the scenario's now: a time the host's real clock is not at. */
const LATER = Math.floor(NOW / 1000) + 3600;

async function shell() {
  const s = createLabSession({ scenario: web01Scenario() });
  await s.exec('sleep 3600');
  return s;
}

describe('what the trainee writes is stamped with the simulated clock', () => {
  it('mkdir -p stamps every directory it makes, not only the last', async () => {
    const s = await shell();
    await s.exec('mkdir -p /tmp/a/b/c');
    expect(await s.exec("stat -c '%n %Y' /tmp/a /tmp/a/b /tmp/a/b/c")).toEqual({
      stdout: `/tmp/a ${LATER}\n/tmp/a/b ${LATER}\n/tmp/a/b/c ${LATER}\n`, stderr: '', exitCode: 0,
    });
  });

  it('a symbolic link, a file written into a new directory, and a copy of a tree', async () => {
    const s = await shell();
    await s.exec('mkdir /tmp/d; ln -s /etc/passwd /tmp/d/l; echo x > /tmp/d/f; cp -r /tmp/d /tmp/e');
    expect(await s.exec("stat -c '%n %F %Y' /tmp/d/l /tmp/d/f /tmp/e /tmp/e/l /tmp/e/f")).toEqual({
      stdout: [
        `/tmp/d/l symbolic link ${LATER}`, `/tmp/d/f regular file ${LATER}`, `/tmp/e directory ${LATER}`,
        `/tmp/e/l symbolic link ${LATER}`, `/tmp/e/f regular file ${LATER}`, '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('a link to a file of the view reads as that file', async () => {
    const s = await shell();
    expect(await s.exec('ln -s /etc/hostname /tmp/h; cat /tmp/h; readlink /tmp/h')).toEqual({
      stdout: 'web01\n/etc/hostname\n', stderr: '', exitCode: 0,
    });
  });

  it('chmod of a file of the view keeps its modification time', async () => {
    const s = await shell();
    const before = await s.exec("stat -c '%Y' /etc/hostname");
    await s.exec('sudo chmod 600 /etc/hostname');
    expect(await s.exec("stat -c '%a %Y' /etc/hostname")).toEqual({
      stdout: `600 ${before.stdout}`, stderr: '', exitCode: 0,
    });
  });
});
