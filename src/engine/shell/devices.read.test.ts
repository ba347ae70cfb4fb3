import { describe, expect, it } from 'vitest';
import { createLabSession, MAX_OUTPUT_CHARS } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import { DEVICE_READ_BYTES, randomBytes } from './devices';

const shell = () => createLabSession({ scenario: web01Scenario() });
const ZEROS16 = ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n';

describe('reading the character devices', () => {
  it('/dev/zero gives zero bytes, as many as asked', async () => {
    const s = shell();
    expect(await s.exec('head -c 16 /dev/zero | od -An -tx1')).toEqual({ stdout: ZEROS16, stderr: '', exitCode: 0 });
    expect(await s.exec('head -c 16 /dev/zero | od -An -t x1')).toEqual({ stdout: ZEROS16, stderr: '', exitCode: 0 });
    expect(await s.exec('head -c 100000 /dev/zero | wc -c')).toEqual({ stdout: '100000\n', stderr: '', exitCode: 0 });
  });

  it('cat /dev/zero ends with the shell\'s output cap, not a hang', async () => {
    const r = await shell().exec('cat /dev/zero');
    expect(r).toEqual({
      stdout: '\0'.repeat(MAX_OUTPUT_CHARS),
      // The zeros end no line: the notice starts one of its own.
      stderr: `\nbash: output cut after ${MAX_OUTPUT_CHARS} characters\n`,
      exitCode: 0,
    });
    expect(DEVICE_READ_BYTES).toBeGreaterThan(MAX_OUTPUT_CHARS);
  });

  it('/dev/null and /dev/tty read as nothing; the devices have size 0', async () => {
    const s = shell();
    expect(await s.exec('cat /dev/null | wc -c; stat -c %s /dev/null /dev/zero /dev/urandom')).toEqual({
      stdout: '0\n0\n0\n0\n', stderr: '', exitCode: 0,
    });
  });

  it('/dev/urandom and /dev/random give the same seeded bytes at one instant, others later', async () => {
    const s = shell();
    const a = await s.exec('head -c 8 /dev/urandom | od -An -t x1');
    expect(a.stdout).toMatch(/^( [0-9a-f]{2}){8}\n$/);
    expect(a.stdout).not.toBe(' 00 00 00 00 00 00 00 00\n');
    expect(await s.exec('head -c 8 /dev/random | od -An -t x1')).toEqual(a);
    await s.exec('sleep 1');
    expect((await s.exec('head -c 8 /dev/urandom | od -An -t x1')).stdout).not.toBe(a.stdout);
  });

  it('the generator is a pure function of its seed', () => {
    expect([...randomBytes('web01', 6)]).toEqual([...randomBytes('web01', 6)]);
    expect([...randomBytes('web01', 6)]).not.toEqual([...randomBytes('web02', 6)]);
  });
});
