#!/usr/bin/env node
// Runs the compiled CLI (built by `npm install` via the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('hub: dist/ is missing; run `npm install` (or `npm run build`) first.');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exit(await main({ argv: process.argv.slice(2) }));
