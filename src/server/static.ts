import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Serves the built web app from `root`; unknown paths get index.html (client-side routing). */
export function staticFiles(root: string) {
  const rootResolved = path.resolve(root);
  return async (c: Context) => {
    const urlPath = decodeURIComponent(new URL(c.req.url).pathname);
    let file = path.resolve(rootResolved, `.${urlPath}`);
    if (!file.startsWith(rootResolved)) return c.text('Not found', 404);
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rootResolved, 'index.html');
    if (!fs.existsSync(file)) {
      return c.text('The web app is not built: run `npm run build`.', 503);
    }
    const ext = path.extname(file);
    const immutable = urlPath.startsWith('/assets/');
    return new Response(fs.createReadStream(file) as unknown as ReadableStream, {
      headers: {
        'Content-Type': types[ext] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
