import { describe, expect, it } from 'vitest';
import { web01 } from '../../../test/fixtures/web01';
import { loginShell } from './login-shell';

describe('the login shell the session stands for', () => {
  it('pid, parent, ids and the variables sshd set, from the world', () => {
    expect(loginShell(web01(), 22713)).toEqual({
      processInfo: { pid: 22713, ppid: 22711, uid: 1001, gid: 1001 },
      env: {
        SSH_CONNECTION: '203.0.113.45 45713 10.10.0.5 22',
        SSH_CLIENT: '203.0.113.45 45713 22',
        MAIL: '/var/mail/deploy',
        SSH_TTY: '/dev/pts/0',
      },
    });
  });

  it('a shell the world does not have: its pid, nothing else', () => {
    expect(loginShell(web01(), 4)).toEqual({ processInfo: { pid: 4, ppid: 0 }, env: {} });
  });
});
