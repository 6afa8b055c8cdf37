import { ProviderError } from '@reelsmith/core';
import { sendRequest } from '../http-request.js';
import type { RateGate } from '../rate-gate.js';
import { creatorsApiError } from './creators-api-error.js';
import type { ResolvedCreatorsApiOptions } from './creators-api-options.js';
import type { TokenProvider } from './creators-token.js';

/** The Creators API operations this package calls. */
export type CreatorsOperation = 'getItems' | 'searchItems';

/** Sends one Creators API operation and returns its JSON body; throws a `ProviderError` otherwise. */
export type CreatorsClient = (
  operation: CreatorsOperation,
  parameters: Record<string, unknown>,
  subject: string,
  signal: AbortSignal | undefined,
) => Promise<Record<string, unknown>>;

/**
 * Creates the client of one source: a bearer token from `tokens` (refreshed once after a 401),
 * the `x-marketplace` header, lowerCamelCase bodies with `partnerTag`, `partnerType`,
 * `marketplace` and `resources`, and at most `requestsPerSecond` starts a second via `gate`.
 */
export function createCreatorsClient(
  settings: ResolvedCreatorsApiOptions,
  provider: string,
  tokens: TokenProvider,
  gate: RateGate,
): CreatorsClient {
  const marketplace = settings.marketplace.creatorsMarketplace;
  return async (operation, parameters, subject, signal) => {
    for (let attempt = 1; ; attempt += 1) {
      const token = await tokens.get(signal);
      await gate.wait(signal);
      const answer = await sendRequest({
        provider,
        service: 'the Creators API',
        url: `${settings.baseUrl}/catalog/v1/${operation}`,
        init: {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            accept: 'application/json',
            'x-marketplace': marketplace,
          },
          body: JSON.stringify({
            ...parameters,
            marketplace,
            partnerTag: settings.partnerTag,
            partnerType: 'Associates',
            resources: settings.resources,
          }),
        },
        fetch: settings.fetch,
        signal,
        timeoutMs: settings.timeoutMs,
        secrets: [settings.credentialSecret, token],
      });
      if (answer.status === 401 && attempt === 1) {
        tokens.invalidate(token);
        continue;
      }
      if (answer.status < 200 || answer.status > 299) {
        throw creatorsApiError(answer, {
          provider,
          subject,
          rateLimitRetryAfterMs: settings.rateLimitRetryAfterMs,
        });
      }
      if (!answer.isJson || typeof answer.json !== 'object' || answer.json === null) {
        throw malformed(provider, subject, answer.status, answer.text);
      }
      return answer.json as Record<string, unknown>;
    }
  };
}

function malformed(provider: string, subject: string, status: number, text: string): ProviderError {
  return new ProviderError({
    kind: 'transient',
    provider,
    status,
    code: 'malformed_answer',
    message: `the Creators API answered ${subject} with a body that is not JSON; retry later`,
    body: text.slice(0, 2000),
  });
}
