import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import type { HostState } from '../world/types';

function dropped(world: HostState): void {
  world.files.push(
    { path: '/home/deploy/.cache/run.sh', content: 'x\n', mode: 0o755, uid: 1001, gid: 1001, mtime: world.now },
    { path: '/opt/tool/bin/t', content: 'x\n', mode: 0o755, uid: 1001, gid: 1001, mtime: world.now },
  );
}

describe('directories the world implies for its files', () => {
  it('inside a home they belong to its owner; elsewhere to root', async () => {
    const s = createLabSession({ scenario: web01Scenario(dropped) });
    expect(await s.exec('ls -ld /home/deploy/.cache /opt/tool/bin /home/deploy')).toEqual({
      // deploy's home: .cache and .ssh; dated by .cache, made now.
      stdout: 'drwxr-x--- 4 deploy deploy 4096 Dec  4 13:28 /home/deploy\n'
        + 'drwxr-xr-x 2 deploy deploy 4096 Dec  4 13:28 /home/deploy/.cache\n'
        + 'drwxr-xr-x 2 root   root   4096 Dec  4 13:28 /opt/tool/bin\n',
      stderr: '',
      exitCode: 0,
    });
  });
});
