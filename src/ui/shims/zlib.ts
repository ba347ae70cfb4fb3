/**
 * Stand-in for `node:zlib` in the browser build. just-bash's browser bundle
 * imports it for gzip/gunzip/zcat only; the simulated host does not offer
 * compression, so those commands fail with a clear message instead of a
 * TypeError deep inside the bundle (see TRAPS.md §6).
 */
const unavailable = (): never => {
  throw new Error('compression is not available in the browser lab');
};

export const constants: Record<string, number> = {};
export const gzipSync = unavailable;
export const gunzipSync = unavailable;
export default { constants, gzipSync, gunzipSync };
