import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const zlibShim = fileURLToPath(new URL('./src/ui/shims/zlib.ts', import.meta.url));

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
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    alias: [{ find: /^node:zlib$/, replacement: zlibShim }],
  },
  worker: { format: 'es' },
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
