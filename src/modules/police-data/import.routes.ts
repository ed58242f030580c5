/**
 * POST /api/imports: data.police.uk files loaded from the web app's import page, for the roles
 * that may import (police-data.policy.ts 'data.import'). The same work as `hub import`: the same
 * reader, checks, shrink guard, per-file transactions (a file imports whole or not at all; the
 * others still import), audit entries and demo removal; the same per-file summary as
 * `hub import --json`, with `file:line` errors named by the uploaded file's name.
 *
 * The answer streams as it goes (application/x-ndjson, one JSON object a line):
 *   {"type":"progress","file":"2025-01-kent-street.csv","fraction":0.42,"rowsDone":5731}  (repeated)
 *   {"type":"done","files":[FileImportSummary, ...]}                                   (last)
 *   {"type":"failed","message":"..."}                      (instead of done, on an unexpected failure)
 * Input that cannot be read at all (no files, too large, an unreadable archive, another import
 * running) is refused before anything starts: 400, 409 or 413 with the usual error body.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { stream } from 'hono/streaming';
import { uploadedInputs, type InputFile } from '../../ingest/files.js';
import { loadConfig } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { errorBody, handleError, validationHook } from '../../platform/http.js';
import { log } from '../../platform/logger.js';
import type { RouteDeps } from '../../platform/module/module.js';
import { actorOf, requirePermission, type AppEnv } from '../../platform/policy.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { loadDistrictLookup } from '../boundaries/index.js';
import { importPoliceFiles, type FileImportSummary } from './import.service.js';
import { policeDataPolicy } from './police-data.policy.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }).passthrough() });
const errorJson = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

/** JSON form, for scripts: the files' text. */
const jsonBody = z.object({
  files: z.array(z.object({ name: z.string().min(1).max(300), text: z.string() })).min(1, 'give at least one file').max(200),
  allowShrink: z.boolean().optional(),
});

const importRoute = createRoute({
  method: 'post',
  path: '/api/imports',
  summary: 'Imports data.police.uk files (CSV, or .zip archives of them), as hub import does; streams progress, then the per-file summary',
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.any().openapi({ type: 'string', format: 'binary', description: 'A data.police.uk CSV or .zip; repeat the field for several' }),
            allowShrink: z.enum(['true', 'false']).optional().openapi({ description: "'true': a file may replace a month with fewer rows (as --allow-shrink)" }),
          }),
        },
        'application/json': { schema: jsonBody.openapi({ description: '{files: [{name, text}], allowShrink?}: CSV text, for scripts' }) },
      },
    },
  },
  responses: {
    200: {
      description: 'NDJSON: progress lines {type: progress, file, fraction, rowsDone}, then {type: done, files: [summary as hub import --json]}',
      content: { 'application/x-ndjson': { schema: z.string() } },
    },
    400: errorJson('No files, or a file that cannot be read (names it)'),
    403: errorJson('Your role may not import'),
    409: errorJson('Another import is running on this server'),
    413: errorJson('The upload is larger than HUB_IMPORT_MAX_UPLOAD_MB'),
  },
});

/** The uploaded files and options, from a multipart form or the JSON form. */
async function readUpload(c: Context<AppEnv>): Promise<{ inputs: InputFile[]; allowShrink: boolean }> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw new AppError('validation', 'file: the upload could not be read (send the files as multipart/form-data)');
    }
    const files = form.getAll('file').filter((f) => typeof f !== 'string') as unknown as { name: string; arrayBuffer(): Promise<ArrayBuffer> }[];
    if (files.length === 0) throw new AppError('validation', 'file: choose at least one data.police.uk CSV or .zip file');
    const loaded = await Promise.all(files.map(async (f) => ({ name: f.name || 'upload.csv', bytes: new Uint8Array(await f.arrayBuffer()) })));
    return { inputs: uploadedInputs(loaded), allowShrink: form.get('allowShrink') === 'true' };
  }
  if (/^application\/json/i.test(type)) {
    const parsed = jsonBody.safeParse(await c.req.json());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('validation', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const encoder = new TextEncoder();
    return { inputs: uploadedInputs(parsed.data.files.map((f) => ({ name: f.name, bytes: encoder.encode(f.text) }))), allowShrink: parsed.data.allowShrink ?? false };
  }
  throw new AppError('validation', 'body: send the files as multipart/form-data (field file), or JSON {files: [{name, text}]}');
}

/** /api/imports (roles: police-data.policy.ts 'data.import'). One import at a time per server. */
export function importRoutes(deps: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  const config = loadConfig(process.env);
  let running: string | null = null;
  app.use('/api/imports', requirePermission(policeDataPolicy, 'data.import'));
  const tooLarge = () => new AppError('validation', `file: the upload is larger than ${Math.round(config.importMaxUploadBytes / 1024 / 1024)} MB (HUB_IMPORT_MAX_UPLOAD_MB): import the months in smaller parts`);
  // Uploads are read up to the limit (a JSON body has been read whole already, to check its text).
  const limit = bodyLimit({ maxSize: config.importMaxUploadBytes, onError: (c) => c.json(errorBody(tooLarge()), 413) });
  app.use('/api/imports', async (c, next) => {
    if (/^multipart\//i.test(c.req.header('content-type') ?? '')) return limit(c, next);
    if ((await c.req.text()).length > config.importMaxUploadBytes) return c.json(errorBody(tooLarge()), 413);
    return next();
  });

  // Documented with its route above; registered plainly: the body is read here (a form with
  // repeated file fields, or JSON), not by the route validator.
  app.openAPIRegistry.registerPath(importRoute);
  app.post('/api/imports', async (c) => {
    const principal = c.get('principal')!;
    if (running) throw new AppError('conflict', `An import is already running (started by ${running}): wait for it to finish, then try again.`);
    running = principal.username;
    let inputs: InputFile[];
    let allowShrink: boolean;
    try {
      ({ inputs, allowShrink } = await readUpload(c));
    } catch (err) {
      running = null;
      throw err;
    }
    const actor = actorOf(principal);
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    // Progress must reach the page as it happens: not held back by compression.
    c.header('Cache-Control', 'no-store, no-transform');
    return stream(c, async (out) => {
      const line = (o: unknown) => out.write(`${JSON.stringify(o)}\n`);
      let lastSent = 0;
      try {
        const summaries: FileImportSummary[] = await importPoliceFiles(deps.db, inputs, {
          by: actor,
          districts: await loadDistrictLookup(deps.db),
          removeOtherDemoData: deps.hub.removeDemoData,
          audit: async (trx, event) => {
            await appendAudit(trx, deps.auditKey, { ...event, actor });
          },
          maxShrink: config.importMaxShrink,
          allowShrink,
          onProgress: (p) => {
            const now = Date.now();
            if (now - lastSent < 150 && p.fraction < 1) return;
            lastSent = now;
            void line({ type: 'progress', file: p.file, fraction: Math.round(p.fraction * 1000) / 1000, rowsDone: p.rowsDone });
          },
        });
        await line({ type: 'done', files: summaries });
      } catch (err) {
        log.error('web import failed', { error: (err as Error).message });
        await line({ type: 'failed', message: err instanceof AppError ? err.message : 'The import stopped with an internal error: see the server log. Files finished before it are imported; the one in progress is not.' });
      } finally {
        running = null;
      }
    });
  });
  return app;
}
