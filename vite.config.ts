import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { runnerImport, type Plugin } from 'vite';

/**
 * DuckDB-WASM's bundle embeds its own package.json, whose `jsdelivr` / `unpkg` fields name CDNs.
 * Nothing reads them (the CDN bundle helper is tree-shaken away), but the build must hold no
 * reference to another origin, so they are dropped from the emitted chunks.
 */
function stripCdnMetadata(): Plugin {
  const field = /\b(?:jsdelivr|unpkg):\s*(?:`[^`]*`|"[^"]*"|'[^']*'),?/g;
  return {
    name: 'strip-cdn-metadata',
    apply: 'build',
    renderChunk(code) {
      return field.test(code) ? { code: code.replace(field, ''), map: null } : null;
    },
  };
}

/**
 * Hashed build assets never change under their name: the preview server lets the browser keep
 * them (`immutable`), so a reload reads the 34 MB engine from the disk cache without asking, and
 * V8 can reuse the compiled engine it cached beside it.
 */
function immutableAssets(): Plugin {
  return {
    name: 'immutable-assets',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.includes('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}

/**
 * The page's Content-Security-Policy (the <meta> of index.html) as a header on every response the
 * preview server sends. A <meta> binds the page only: a worker takes its policy from its own
 * script's response, so without the header the engine's worker could reach other origins (the
 * engine reads http(s) URLs with XMLHttpRequest).
 */
function cspHeader(): Plugin {
  const html = readFileSync(fileURLToPath(new URL('./index.html', import.meta.url)), 'utf8');
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!policy) throw new Error('index.html has no Content-Security-Policy');
  return {
    name: 'csp-header',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}

/**
 * `virtual:sample-snapshot` and `virtual:sample-tables`: the embedded sample imported here, at
 * build time, by the app's own importer on DuckDB-WASM's Node build; the opening dashboard's
 * answers (src/lib/state/sampleSnapshot.ts), which the page shows while its engine starts, and the
 * rows the import wrote (src/lib/state/sampleTables.ts), which a first visit stores instead of
 * importing the sample again.
 */
function sampleBuild(): Plugin {
  const ids = { 'virtual:sample-snapshot': 'snapshot', 'virtual:sample-tables': 'tables' } as const;
  const sample = fileURLToPath(new URL('./data/sample-ledger.csv', import.meta.url));
  let built: ReturnType<typeof import('./scripts/sample-snapshot').sampleBuild> | null = null;
  return {
    name: 'sample-build',
    resolveId: (source) => (source in ids ? `\0${source}` : null),
    watchChange(id) {
      if (id === sample) built = null;
    },
    async load(resolved) {
      const part = ids[resolved.slice(1) as keyof typeof ids];
      if (!resolved.startsWith('\0') || !part) return null;
      this.addWatchFile(sample);
      built ??= runnerImport<typeof import('./scripts/sample-snapshot')>(
        fileURLToPath(new URL('./scripts/sample-snapshot.ts', import.meta.url)), { configFile: false, logLevel: 'error' },
      ).then(({ module }) => module.sampleBuild(sample));
      return `export default ${JSON.stringify((await built)[part])};`;
    },
  };
}

// The Content-Security-Policy is set as a <meta> in index.html so that it travels with the
// static build; the preview server repeats it as a header, which also binds the workers.
export default defineConfig({
  plugins: [svelte(), stripCdnMetadata(), immutableAssets(), cspHeader(), sampleBuild()],
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
    // The sample build runs the engine at build time (~5 s); Rolldown's slow-plugin report says only that.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: 'es', plugins: () => [stripCdnMetadata()] },
  test: {
    // Vitest runs cores - 1 files at a time, i.e. one on this 2-core machine; the unit files are
    // CPU-bound in one thread each, so two at once take 2.5 min instead of 4. e2e stays one file
    // at a time (fileParallelism below).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Files share their worker's modules, so the engine's wasm is compiled and started once per
          // worker, not per file (src/lib/db/node.ts).
          // A file that stubs a global takes it away after itself (tests/unit/dom-stub.ts).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
