/**
 * The lab in Chromium, timed: navigation to a ready prompt, keystroke to
 * echo (p95), and the JavaScript the trainee's route downloads (gzipped).
 * Builds the production bundle once, serves it with `vite preview`, runs
 * each measurement several times and prints medians against the budgets.
 *
 *   npm run bench:web            (BENCH_RUNS=N, BENCH_SCENARIO=id, BENCH_PORT=n to change)
 */
import { execFileSync, spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4174);
const BASE = `http://127.0.0.1:${PORT}/`;
const SCENARIO = process.env.BENCH_SCENARIO ?? 'ssh-reverse-shell-beacon-exfil';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const KEYS = 40;
const OUT_DIR = PORT === 4174 ? 'dist/bench' : `dist/bench-${PORT}`;

const BUDGETS = { readyMs: 1000, echoP95Ms: 16, routeJsKb: 450 };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/**
 * In the page: note when a prompt first shows, and time each keystroke to
 * its echo in the terminal's rows. A string, so that the bundler's helpers
 * never leak into the page.
 */
const INSTRUMENT = `(() => {
  window.__echoes = [];
  const rowsText = () => document.querySelector('.xterm-rows')?.textContent ?? '';
  const promptShown = () => Array.from(document.querySelectorAll('.xterm-rows > div'),
    (d) => d.textContent ?? '').some((row) => /@\\S*[$#]\\s*$/.test(row));
  const watch = () => {
    if (window.__readyAt === undefined && promptShown()) window.__readyAt = performance.now();
    if (window.__readyAt === undefined) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  window.__frames = [];
  const frame = (t) => {
    window.__frames.push(t);
    if (window.__frames.length < 2000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener('keydown', (event) => {
    const t0 = event.timeStamp;
    const before = rowsText();
    const rows = document.querySelector('.xterm-rows');
    if (!rows) return;
    const observer = new MutationObserver(() => {
      if (rowsText() === before) return;
      window.__echoes.push(performance.now() - t0);
      observer.disconnect();
    });
    observer.observe(rows, { subtree: true, childList: true, characterData: true });
  }, true);
})();`;

/** A script the page fetched: its gzipped size, and when its response came (ms since the epoch). */
interface Fetched {
  bytes: number;
  at: number;
}

async function newPage(browser: Browser): Promise<{ page: Page; js: Map<string, Fetched>; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const js = new Map<string, Fetched>();
  context.on('response', (response) => {
    const url = response.url();
    if (!url.endsWith('.js')) return;
    const at = Date.now();
    response.body().then((body) => js.set(url, { bytes: gzipSync(body).length, at }), () => undefined);
  });
  await context.addInitScript({ content: INSTRUMENT });
  const page = await context.newPage();
  return { page, js, close: () => context.close() };
}

async function waitPrompt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, null, {
    timeout: 30_000,
  });
  return page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
}

interface Ready {
  ms: number;
  /** Gzipped JavaScript fetched before the prompt showed, and in all (with the first command). */
  beforePrompt: number;
  jsBytes: number;
  files: Map<string, number>;
}

async function measureReady(browser: Browser): Promise<Ready> {
  const { page, js, close } = await newPage(browser);
  await page.goto(`${BASE}#/lab/${SCENARIO}?seed=7`);
  const ms = await waitPrompt(page);
  const promptSeenAt = Date.now();
  // The first command, so lazily loaded code counts too.
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('ss -tnp');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const rows = Array.from(document.querySelectorAll('.xterm-rows > div'), (d) => d.textContent ?? '');
    const at = rows.findIndex((r) => r.includes('ss -tnp'));
    return at >= 0 && rows.slice(at + 1).some((r) => /@\S*[$#]\s*$/.test(r));
  });
  await page.waitForLoadState('networkidle');
  const fetched = [...js.entries()];
  await close();
  const sum = (list: [string, Fetched][]) => list.reduce((a, [, f]) => a + f.bytes, 0);
  return {
    ms,
    beforePrompt: sum(fetched.filter(([, f]) => f.at <= promptSeenAt)),
    jsBytes: sum(fetched),
    files: new Map(fetched.map(([url, f]) => [url, f.bytes])),
  };
}

interface Echo {
  p95: number;
  median: number;
  /** The page's frame interval: an echo is drawn on the frame after its key. */
  frameMs: number;
}

async function measureEcho(browser: Browser): Promise<Echo> {
  const { page, close } = await newPage(browser);
  await page.goto(`${BASE}#/lab/${SCENARIO}?seed=7`);
  await waitPrompt(page);
  await page.locator('.xterm-helper-textarea').focus();
  for (let i = 0; i < KEYS; i += 1) {
    await page.keyboard.press(i % 10 === 9 ? 'Backspace' : 'a');
    await page.waitForFunction((n) => (window as unknown as { __echoes: number[] }).__echoes.length > n, i);
  }
  const { echoes, frames } = await page.evaluate(() => {
    const w = window as unknown as { __echoes: number[]; __frames: number[] };
    return { echoes: w.__echoes, frames: w.__frames };
  });
  await close();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  return { p95: percentile(echoes.slice(5), 95), median: median(echoes.slice(5)), frameMs: median(gaps) };
}

async function serve(): Promise<() => void> {
  const shared = PORT === 4174 ? [] : ['--bypass-lock'];
  const child = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', ...shared], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(BASE)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
}

function verdict(name: string, value: number, budget: number, unit: string): boolean {
  const pass = value <= budget;
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name.padEnd(34)} ${value.toFixed(1).padStart(8)} ${unit}  (budget ${budget} ${unit})`);
  return pass;
}

async function main(): Promise<void> {
  console.log('building the production bundle…');
  execFileSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  const stop = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.OUTBOUND_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const ready: number[] = [];
    const bytes: number[] = [];
    const early: number[] = [];
    let files = new Map<string, number>();
    for (let i = 0; i < RUNS; i += 1) {
      const r = await measureReady(browser);
      ready.push(r.ms);
      bytes.push(r.jsBytes);
      early.push(r.beforePrompt);
      files = r.files;
    }
    const echoes: Echo[] = [];
    for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i += 1) echoes.push(await measureEcho(browser));
    const echo = echoes.map((e) => e.p95);

    console.log(`\nscenario ${SCENARIO}, ${RUNS} runs; runs: ready ${ready.map((x) => x.toFixed(0)).join(' ')} ms, echo p95 ${echo.map((x) => x.toFixed(1)).join(' ')} ms`);
    console.log(`keystroke to echo: median ${median(echoes.map((e) => e.median)).toFixed(1)} ms; ` +
      `the page drew a frame every ${median(echoes.map((e) => e.frameMs)).toFixed(1)} ms (xterm draws on the next frame)`);
    console.log('JavaScript the route downloaded (gzip):');
    for (const [url, size] of [...files].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KB  ${url.replace(BASE, '')}`);
    }
    console.log('');
    // The shell (just-bash) and each simulated program are imported lazily:
    // the prompt does not wait for them, the first command does.
    const ok = [
      verdict('navigation to a ready prompt', median(ready), BUDGETS.readyMs, 'ms'),
      verdict('keystroke to echo, p95', median(echo), BUDGETS.echoP95Ms, 'ms'),
      verdict('route JS before the prompt, gzip', median(early) / 1024, BUDGETS.routeJsKb, 'KB'),
      verdict('route JS with the first command, gzip', median(bytes) / 1024, BUDGETS.routeJsKb, 'KB'),
    ].every(Boolean);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser.close();
    stop();
  }
}

void main();
