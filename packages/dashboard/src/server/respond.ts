import type { ServerResponse } from 'node:http';
import { redactValue } from '@reelsmith/core';

/**
 * Sends `body` with its Content-Type and Content-Length; a `HEAD` request gets the same status
 * and headers and no body.
 */
export function sendBody(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
  });
  if (response.req?.method === 'HEAD') response.end();
  else response.end(body);
}

/** Sends `body` as JSON, redacted again (registered secrets and `secrets`). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  secrets: readonly string[],
): void {
  const text = JSON.stringify(redactValue(body, secrets));
  sendBody(response, status, 'application/json; charset=utf-8', text);
}

/** A 400 naming the parameter and what is wrong with it. */
export function badRequest(response: ServerResponse, param: string, problem: string): void {
  sendJson(response, 400, { error: 'bad_request', param, problem }, []);
}

/** A JSON error without detail beyond `message`. */
export function sendError(response: ServerResponse, status: number, error: string, message: string): void {
  sendJson(response, status, { error, message }, []);
}
