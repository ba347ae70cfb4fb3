/**
 * The programs of just-bash that the simulated host offers: those a stock
 * Ubuntu or Debian server also has. Its own module, free of imports, because
 * the browser build reads it too: just-bash's other utilities are left out
 * of the bundle (vite.config.ts).
 */
export const SHELL_UTILITIES = [
  'echo', 'cat', 'printf', 'mkdir', 'rmdir', 'touch', 'rm', 'cp', 'mv', 'ln', 'chmod', 'pwd',
  'readlink', 'head', 'tail', 'wc', 'stat', 'grep', 'fgrep', 'egrep', 'sed', 'awk', 'sort', 'uniq',
  'comm', 'cut', 'paste', 'tr', 'rev', 'nl', 'fold', 'expand', 'unexpand', 'strings', 'split',
  'column', 'join', 'tee', 'find', 'basename', 'dirname', 'du', 'env', 'printenv', 'alias',
  'unalias', 'xargs', 'true', 'false', 'clear', 'bash', 'sh', 'base64', 'diff', 'sleep', 'timeout',
  'seq', 'expr', 'md5sum', 'sha1sum', 'sha256sum', 'file', 'which', 'tac', 'od', 'time',
] as const;
