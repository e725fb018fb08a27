import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The benchmark page: no Svelte, only the engine, the import pipeline and the query builders the
// app uses, bundled the way the app bundles them (same worker format, assets never inlined).
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./.tmp/dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
});
