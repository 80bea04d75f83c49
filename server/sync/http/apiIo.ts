/**
 * Request and response plumbing of the workshop HTTP API: JSON answers with `no-store`, one
 * error shape `{ error, message }`, bodies read with a hard size limit, and zod validation that
 * turns every problem into a clear 400 without echoing the input.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

/** An answer other than success; thrown by handlers, sent by the router. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** Send `body` as JSON with `status` (plus headers already set on the response). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (response.headersSent) return void response.destroy();
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

export const sendError = (response: ServerResponse, error: ApiError): void =>
  sendJson(response, error.status, { error: error.code, message: error.message }, error.headers);

const isJsonType = (type: string | undefined): boolean =>
  type !== undefined && /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type.trim());

/**
 * Read the request body: at most `maxBytes` (413 beyond — checked against Content-Length before
 * reading, and while reading for chunked bodies). Resolves '' when there is none.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    request.resume();
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        settled = true;
        chunks.length = 0;
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      const bytes = Buffer.concat(chunks);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      try {
        resolve(text.decode(bytes));
      } catch {
        reject(new ApiError(400, 'bad-json', 'The request body is not valid UTF-8.'));
      }
    });
    // A client that goes away mid-body may end the stream without 'end' or 'error'.
    const broken = () => {
      if (!settled) reject(new ApiError(400, 'bad-request', 'The request body could not be read.'));
      settled = true;
    };
    request.on('error', broken);
    request.on('close', () => {
      if (!request.complete) broken();
    });
  });
}

const tooLarge = (maxBytes: number): ApiError =>
  new ApiError(413, 'too-large', `The request body is larger than ${maxBytes} bytes.`, {
    Connection: 'close',
  });

/**
 * Read and validate a JSON body. `optional`: an empty body counts as `{}` (endpoints that take
 * no parameters); otherwise a body is required. Content-Type must be `application/json`, which
 * also means a browser must ask first (CORS preflight) before sending one from another origin.
 */
export async function readJson<T extends z.ZodType>(
  request: IncomingMessage,
  maxBytes: number,
  schema: T,
  optional = false,
): Promise<z.infer<T>> {
  const text = await readBody(request, maxBytes);
  let value: unknown = {};
  if (text.length > 0 || !optional) {
    if (!isJsonType(request.headers['content-type']))
      throw new ApiError(415, 'content-type', 'Send the request body as application/json.');
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'bad-json', 'The request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    // The message may name unknown keys the client sent: keep it short.
    const detail = `${where}${issue?.message ?? 'rejected'}`.slice(0, 200);
    throw new ApiError(400, 'invalid', `Invalid request: ${detail}.`);
  }
  return parsed.data;
}
