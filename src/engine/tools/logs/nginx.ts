/**
 * nginx 1.24's logs under /var/log/nginx, on a host whose baseline runs
 * nginx: access.log in the combined format and error.log, both since the
 * last daily rotation (logrotate.timer at midnight; access.log.1 holds the
 * day before, delaycompress keeps it plain), or since nginx started. The
 * traffic is ordinary: a few requests a minute from documentation-range
 * clients the scenario does not use, each 404 also an `open() ... failed`
 * error from one of the worker processes ps shows. Computed for the window
 * read, from the seed: nothing is stored.
 */
import { draw } from '../../world/ids';
import { localTime } from '../../world/time-format';
import type { HostState } from '../../world/types';
import { NGINX_LOG_PATHS, nginxMaster } from './log-paths';

export { NGINX_LOG_PATHS, nginxLogOwner, nginxLogPaths } from './log-paths';

const DAY = 86_400_000;
const MINUTE = 60_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];


/** [path, status, bytes]: the pages a marketing site serves, and the usual probes. */
const PAGES: [string, number, number][] = [
  ['/', 200, 612], ['/', 200, 612], ['/', 200, 612], ['/index.html', 200, 612], ['/', 304, 0],
  ['/', 304, 0], ['/robots.txt', 200, 67], ['/favicon.ico', 404, 162], ['/wp-login.php', 404, 162],
];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'curl/8.5.0',
];

interface Request {
  time: number;
  client: string;
  path: string;
  status: number;
  bytes: number;
  agent: string;
}

/** The clients: documentation addresses no socket, flow or login of the world has. */
function clients(world: HostState, seed: number): string[] {
  const used = new Set<string>([
    ...world.sockets.flatMap((s) => [s.local.addr, s.remote.addr]),
    ...world.flows.flatMap((f) => [f.orig.src, f.orig.dst]),
    ...world.logins.map((l) => l.host),
  ]);
  const nets = ['192.0.2', '198.51.100', '203.0.113'];
  const out: string[] = [];
  for (let i = 0; out.length < 24 && i < 200; i++) {
    const net = nets[i % 3]!;
    const addr = `${net}.${100 + Math.floor(draw(seed, `nginx:client:${i}`) * 150)}`;
    if (!used.has(addr) && !out.includes(addr)) out.push(addr);
  }
  return out;
}

function requests(world: HostState, from: number, to: number): Request[] {
  const seed = world.host.bootTime;
  const pool = clients(world, seed);
  const out: Request[] = [];
  for (let m = Math.ceil(from / MINUTE) * MINUTE; m < to; m += MINUTE) {
    const n = Math.floor(draw(seed, `nginx:n:${m}`) * 4);
    for (let k = 0; k < n; k++) {
      const r = (key: string) => draw(seed, `nginx:${key}:${m}:${k}`);
      const [path, status, bytes] = PAGES[Math.floor(r('page') * PAGES.length)]!;
      const time = m + Math.floor(r('at') * MINUTE);
      if (time >= to || pool.length === 0) continue;
      out.push({ time, client: pool[Math.floor(r('client') * pool.length)]!, path, status, bytes,
        agent: AGENTS[Math.floor(r('agent') * AGENTS.length)]! });
    }
  }
  return out.sort((a, b) => a.time - b.time);
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** $time_local: 04/Dec/2026:13:24:56 +0000. */
function timeLocal(t: number, tz: string): string {
  const l = localTime(t, tz);
  const off = Math.abs(l.offsetMin);
  const sign = l.offsetMin < 0 ? '-' : '+';
  return `${p2(l.day)}/${MONTHS[l.month]}/${l.year}:${p2(l.hour)}:${p2(l.minute)}:${p2(l.second)} ` +
    `${sign}${p2(Math.floor(off / 60))}${p2(off % 60)}`;
}

/** The error log's time: 2026/12/04 13:24:56. */
function timeError(t: number, tz: string): string {
  const l = localTime(t, tz);
  return `${l.year}/${p2(l.month + 1)}/${p2(l.day)} ${p2(l.hour)}:${p2(l.minute)}:${p2(l.second)}`;
}

/** Midnight (local) at or before t. */
function midnight(t: number, tz: string): number {
  const l = localTime(t, tz);
  return t - ((l.hour * 60 + l.minute) * 60 + l.second) * 1000 - l.ms;
}

/** The content of a /var/log/nginx file at world.now, or undefined. */
export function nginxLog(world: HostState, path: string): string | undefined {
  const m = nginxMaster(world);
  if (!m || !NGINX_LOG_PATHS.includes(path)) return undefined;
  const tz = world.host.timezone;
  const rotated = midnight(world.now, tz);
  const [from, to] = path.endsWith('.1')
    ? [Math.max(m.startTime, rotated - DAY), rotated]
    : [Math.max(m.startTime, rotated), world.now + 1];
  if (from >= to) return '';
  const reqs = requests(world, from, to);
  if (!path.endsWith('error.log')) {
    return reqs.map((r) => `${r.client} - - [${timeLocal(r.time, tz)}] "GET ${r.path} HTTP/1.1" ` +
      `${r.status} ${r.bytes} "-" "${r.agent}"\n`).join('');
  }
  const workers = world.processes.filter((p) => p.comm === 'nginx' && p.ppid === m.pid).map((p) => p.pid);
  const lines: string[] = [];
  if (m.startTime < rotated) {
    const at = timeError(rotated + 1_000, tz);
    // logrotate's postrotate (invoke-rc.d nginx rotate) sends USR1 from a short-lived process.
    const sender = 20_000 + Math.floor(draw(world.host.bootTime, `nginx:rotate:${rotated}`) * 20_000);
    lines.push(`${at} [notice] ${m.pid}#${m.pid}: signal 10 (SIGUSR1) received from ${sender}, reopening logs`);
    for (const w of workers) lines.push(`${at} [notice] ${w}#${w}: reopening logs`);
  }
  const host = world.interfaces.flatMap((i) => i.addresses)
    .find((a) => a.family === 'inet' && a.scope === 'global')?.address ?? 'localhost';
  reqs.forEach((r, i) => {
    if (r.status !== 404 || workers.length === 0) return;
    const w = workers[Math.floor(draw(world.host.bootTime, `nginx:worker:${r.time}`) * workers.length)]!;
    const conn = 1 + Math.floor((r.time - m.startTime) / MINUTE) * 3 + (i % 3);
    lines.push(`${timeError(r.time, tz)} [error] ${w}#${w}: *${conn} open() "/var/www/html${r.path}" failed ` +
      `(2: No such file or directory), client: ${r.client}, server: _, request: "GET ${r.path} HTTP/1.1", ` +
      `host: "${host}"`);
  });
  return lines.map((l) => `${l}\n`).join('');
}

/** www-data owns nginx's logs (group adm, mode 640); undefined for the other logs. */
