/** File errors worded as the shell words them, for `cannot read FILE: ...`. */

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
};

/** An error as a short sentence: the errno text for file errors. */
export function errorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(ERRNO_TEXT, code)) return ERRNO_TEXT[code] as string;
  return error instanceof Error ? error.message : String(error);
}
