/**
 * ctime(3) layout of a time in a named time zone: `Fri Dec  4 13:28:56 2026`.
 * Uses Intl for zones other than UTC; an unknown zone falls back to UTC.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function offsetMs(ms: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  try {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    const parts = new Map(f.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
    const get = (k: Intl.DateTimeFormatPartTypes, dflt: number) => parts.get(k) ?? dflt;
    const local = Date.UTC(get('year', 1970), get('month', 1) - 1, get('day', 1),
      get('hour', 0), get('minute', 0), get('second', 0));
    return local - Math.floor(ms / 1000) * 1000;
  } catch {
    return 0;
  }
}

export function ctime(ms: number, zone: string): string {
  const d = new Date(ms + offsetMs(ms, zone));
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${time} ${d.getUTCFullYear()}`;
}
