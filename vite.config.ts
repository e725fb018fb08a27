import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';

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

// The Content-Security-Policy is set as a <meta> in index.html so that it travels with the
// static build; the preview server repeats it as a header for the e2e tests.
export default defineConfig({
  plugins: [svelte(), stripCdnMetadata()],
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
  },
  worker: { format: 'es', plugins: () => [stripCdnMetadata()] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
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
