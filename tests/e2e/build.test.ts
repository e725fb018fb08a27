import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// Hosts the app must never reach for: CDNs, font services, DuckDB's extension repository.
// (XML namespace URIs and documentation links in libraries' error texts are names, not requests;
// the dashboard e2e records every request the page makes and proves none leaves the origin.)
const OTHER_ORIGINS = /jsdelivr|unpkg|cdnjs|googleapis|gstatic|bootcdn|staticfile\.org|extensions\.duckdb\.org/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('the production build names no other origin in any script, style or page', () => {
  const found: string[] = [];
  // The .wasm engine binaries are left out: DuckDB compiles its default extension repository URL in.
  // It is inert here: extension autoinstall/autoload are off and the CSP allows connections to 'self' only,
  // and the dashboard e2e records every request and finds none to another origin.
  for (const file of files('dist').filter((f) => /\.(js|mjs|css|html|json|svg)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    const m = text.match(OTHER_ORIGINS);
    if (m) found.push(`${file}: …${text.slice(Math.max(0, m.index! - 60), m.index! + 60)}…`);
  }
  expect(found).toEqual([]);
});
