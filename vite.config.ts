import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { SHELL_UTILITIES } from './src/engine/session/utilities';
import { checkAhead } from './src/engine/scenario/ahead';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const zlibShim = here('./src/ui/shims/zlib.ts');
const defenseOff = here('./src/ui/shims/defense-off.ts');
const nodeUnavailable = here('./src/ui/shims/node-unavailable.ts');
/**
 * just-bash's code-split build: its utilities are chunks loaded on first
 * use. Its `browser` entry is one bundle of every utility (350 KB gzip),
 * which the lab cannot afford on the trainee's route.
 */
const justBashSplit = here('./node_modules/just-bash/dist/bundle/index.js');

/**
 * Content-Security-Policy for the built app only (the dev server's React
 * refresh preamble is an inline script). Scenario text never becomes HTML;
 * the policy is a second wall behind that rule.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * just-bash's code-split build names each utility's chunk in a registry
 * (`{name:"grep",load:async()=>(await import("./chunks/grep-….js"))…}`).
 * The chunks of utilities the host does not offer (python3, sqlite3, curl,
 * tar…) and of curl's HTTP client resolve to an empty module instead, so
 * the build neither bundles them nor their native and WebAssembly
 * dependencies. A chunk another utility shares is kept.
 */
function justBashOfferedOnly(): Plugin {
  const source = readFileSync(justBashSplit, 'utf8');
  const users = new Map<string, string[]>();
  for (const [, name, chunk] of source.matchAll(/\{name:"([^"]+)",load:async\(\)=>\(await import\("(\.\/chunks\/[^"]+)"\)\)/g)) {
    users.set(chunk!, [...(users.get(chunk!) ?? []), name!]);
  }
  const offered = new Set<string>(SHELL_UTILITIES);
  const left = new Set([...users].filter(([, names]) => !names.some((n) => offered.has(n))).map(([chunk]) => chunk));
  for (const [, chunk] of source.matchAll(/import\("(\.\/chunks\/undici-[^"]+)"\)/g)) left.add(chunk!);
  if (users.size < 60 || left.size < 10) throw new Error('just-bash registry not recognised: check its pinned version');
  const empty = '\0outbound:utility-not-offered';
  return {
    name: 'outbound-just-bash-offered-only',
    apply: 'build',
    enforce: 'pre',
    resolveId(id, importer) {
      if (importer === justBashSplit && left.has(id)) return empty;
      return null;
    },
    load: (id) => (id === empty ? 'export {};' : null),
  };
}

/**
 * just-bash's defense in depth needs Node's AsyncLocalStorage; in a browser
 * it turns itself into pass-throughs (src/ui/shims/defense-off.ts says
 * how). The browser build resolves its chunk to that module instead. The
 * chunk is found by what it holds, and the build stops if the pinned
 * just-bash no longer has it where expected.
 */
function justBashDefenseOff(): Plugin {
  const dir = dirname(justBashSplit);
  const chunks = readdirSync(join(dir, 'chunks')).filter((f) => f.startsWith('chunk-') && f.endsWith('.js'));
  const found = chunks.filter((f) => {
    const text = readFileSync(join(dir, 'chunks', f), 'utf8');
    return text.includes('class a{static instance=null') && text.includes('DefenseInDepthBox') &&
      text.includes('if(f||!this.config.enabled)') && /export\{d as a,B as b\}/.test(text);
  });
  if (found.length !== 1) throw new Error("just-bash's defense-in-depth chunk not recognised: check its pinned version");
  const name = found[0]!;
  return {
    name: 'outbound-just-bash-defense-off',
    apply: 'build',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!importer?.includes('/just-bash/dist/bundle/')) return null;
      return id === `./${name}` || id === `./chunks/${name}` ? defenseOff : null;
    },
  };
}

/**
 * `scenario.yaml?scenario`: the JSON of the scenario as the schema checked
 * it at build time, when it loads cleanly, so opening a lab needs neither
 * the YAML parser nor the schema (src/engine/scenario/ahead.ts); and its
 * text as a chunk of its own, fetched only when the whole loader must run.
 */
function scenariosParsedAhead(): Plugin {
  return {
    name: 'outbound-scenarios-parsed-ahead',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?', 2);
      if (query !== 'scenario' || !file!.endsWith('.yaml')) return null;
      const text = readFileSync(file!, 'utf8');
      this.addWatchFile(file!);
      const data = checkAhead(text);
      const checked = data === undefined ? '' : `\nexport const checked = ${JSON.stringify(JSON.stringify(data))};`;
      const raw = JSON.stringify(`${file}?raw`);
      return `export const text = () => import(${raw}).then((m) => m.default);${checked}`;
    },
  };
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'outbound-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

// The trainee's route never loads Monaco: the authoring studio (a later issue)
// will import it lazily; its workers need `worker.format: 'es'` (TRAPS §1),
// which the engine worker uses already.
export default defineConfig({
  base: './',
  plugins: [react(), justBashOfferedOnly(), justBashDefenseOff(), scenariosParsedAhead(), contentSecurityPolicy()],
  // just-bash's code-split build leaves its Node-only utilities out when this is true.
  define: { __BROWSER__: 'true' },
  resolve: {
    alias: [
      { find: /^just-bash$/, replacement: justBashSplit },
      { find: /^node:zlib$/, replacement: zlibShim },
      { find: /^node:(module|fs|fs\/promises|path|dns|crypto|async_hooks)$/, replacement: nodeUnavailable },
    ],
  },
  worker: { format: 'es', plugins: () => [justBashOfferedOnly(), justBashDefenseOff(), scenariosParsedAhead()] },
  // Pre-bundle what the lab and its worker import, so the first dev run does not
  // reload the page mid-session when the optimizer finds them late (TRAPS §1).
  optimizeDeps: {
    include: ['react', 'react-dom/client', '@xterm/xterm', '@xterm/addon-fit', 'just-bash', 'yaml', 'zod', 'xstate'],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
