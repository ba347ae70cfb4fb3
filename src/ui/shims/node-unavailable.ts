/**
 * Stand-in for the Node built-ins that just-bash's code-split build names
 * (`node:module`, `node:fs`, `node:fs/promises`, `node:path`, `node:dns`,
 * `node:crypto`, `node:async_hooks`). The
 * lab uses that build in the browser so that each utility (grep, awk, sed…)
 * loads on first use instead of all at once. The built-ins back parts the
 * lab never calls — the real-disk filesystems, DNS lookups for curl — so
 * each export fails with a clear message if something ever does.
 */
const unavailable = (what: string) => (): never => {
  throw new Error(`${what} is not available in the browser lab`);
};

/** Every code-split chunk calls this at load; the `require` it returns must only fail when used. */
export const createRequire = (): ((id: string) => never) => (id: string) =>
  unavailable(`require('${id}')`)();

/** just-bash's defense in depth uses none in the browser (`__BROWSER__`). */
export const AsyncLocalStorage = undefined;

export const lookup = unavailable('DNS lookup');
export const randomBytes = unavailable('randomBytes');

// node:fs and node:path are imported as namespaces by the real-disk filesystems.
export const constants: Record<string, number> = {};
export const promises: Record<string, never> = {};
export const existsSync = unavailable('the disk');
export const lstatSync = unavailable('the disk');
export const statSync = unavailable('the disk');
export const readdirSync = unavailable('the disk');
export const readlinkSync = unavailable('the disk');
export const realpathSync = unavailable('the disk');
export const createReadStream = unavailable('the disk');
export const createWriteStream = unavailable('the disk');
export const resolve = unavailable('node:path');
export const join = unavailable('node:path');
export const dirname = unavailable('node:path');
export const relative = unavailable('node:path');
export const basename = unavailable('node:path');
export const isAbsolute = unavailable('node:path');
export const sep = '/';
export const posix = { dirname: unavailable('node:path'), relative: unavailable('node:path') };
export const win32 = posix;
// node:fs/promises, for file-type's reading of real files.
export const open = unavailable('the disk');
