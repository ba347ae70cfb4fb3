/**
 * The few printf conversions ss uses for numbers, done the C way: %g (six
 * significant digits, trailing zeros dropped, exponent form outside
 * 1e-4..1e6), %.Ng, and %.Nf with round-half-even on exact ties.
 */

/** C's %.{prec}g. */
export function fmtG(x: number, prec = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const p = prec === 0 ? 1 : prec;
  const exp = Number(x.toExponential(p - 1).split('e')[1]);
  if (exp < -4 || exp >= p) {
    const [mant, e] = x.toExponential(p - 1).split('e') as [string, string];
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const fixed = x.toFixed(Math.max(0, p - 1 - exp));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** C's %.{digits}f, rounding exact binary ties to even as glibc does. */
export function fmtFixed(x: number, digits: number): string {
  const scaled = x * 10 ** digits;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5 && Number.isSafeInteger(floor)) {
    const even = floor % 2 === 0 ? floor : floor + 1;
    return (even / 10 ** digits).toFixed(digits);
  }
  return x.toFixed(digits);
}

/** ss's print_ms_timer: 216 -> "216ms", 65000 -> "1min5sec", 7152000 -> "119min". */
export function msTimer(timeout: number): string {
  const t = Math.max(0, Math.floor(timeout));
  let secs = Math.floor(t / 1000);
  const minutes = Math.floor(secs / 60);
  secs %= 60;
  let msecs = t % 1000;
  let out = '';
  if (minutes) {
    msecs = 0;
    out = `${minutes}min`;
    if (minutes > 9) secs = 0;
  }
  if (secs) {
    if (secs > 9) msecs = 0;
    out += `${secs}${msecs ? '.' : 'sec'}`;
  }
  if (msecs) out += `${String(msecs).padStart(3, '0')}ms`;
  return out;
}

/** ss's sprint_bw: bits per second, "%.0f" with -n, else %.3g with k/M/G/T. */
export function sprintBw(bw: number, numeric: boolean): string {
  if (numeric) return fmtFixed(bw, 0);
  if (bw >= 1e12) return `${fmtG(bw / 1e12, 3)}T`;
  if (bw >= 1e9) return `${fmtG(bw / 1e9, 3)}G`;
  if (bw >= 1e6) return `${fmtG(bw / 1e6, 3)}M`;
  if (bw >= 1e3) return `${fmtG(bw / 1e3, 3)}k`;
  return fmtG(bw);
}
