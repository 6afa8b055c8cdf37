import type { ServerResponse } from 'node:http';
import { redactValue } from '@reelsmith/core';

/** Sends `body` as JSON, redacted again (registered secrets and `secrets`). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  secrets: readonly string[],
): void {
  const text = JSON.stringify(redactValue(body, secrets));
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(text);
}

/** A 400 naming the parameter and what is wrong with it. */
export function badRequest(response: ServerResponse, param: string, problem: string): void {
  sendJson(response, 400, { error: 'bad_request', param, problem }, []);
}

/** A JSON error without detail beyond `message`. */
export function sendError(response: ServerResponse, status: number, error: string, message: string): void {
  sendJson(response, status, { error, message }, []);
}
