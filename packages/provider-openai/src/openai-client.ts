import { type CallOptions, ConfigError, registerSecret } from '@reelsmith/core';
import OpenAI from 'openai';
import type { ResolvedOpenAISettings } from './openai-settings.js';

/** Returns the shared SDK client, creating it (and reading the environment) at the first call. */
export type OpenAIClientSource = () => OpenAI;

/** The environment variable the API key is read from when `apiKey` is not given. */
export const apiKeyEnvironmentVariable = 'OPENAI_API_KEY';

/**
 * A lazy client: nothing is read from the environment until a provider makes its first call,
 * so importing the package (or building the default instance) has no side effects.
 * The SDK's own retries are off (`maxRetries: 0`): the Reelsmith core is the only retry owner.
 */
export function lazyClient(settings: ResolvedOpenAISettings): OpenAIClientSource {
  let client: OpenAI | undefined;
  return () => {
    if (client) return client;
    const apiKey = settings.apiKey ?? readEnvironment(apiKeyEnvironmentVariable);
    if (!apiKey) {
      throw new ConfigError('createOpenAI', [
        {
          field: 'apiKey',
          problem: `no API key was given and ${apiKeyEnvironmentVariable} is not set`,
          fix:
            `set the ${apiKeyEnvironmentVariable} environment variable (create a key at ` +
            'https://platform.openai.com/api-keys), or pass `createOpenAI({ apiKey })`',
        },
      ]);
    }
    registerSecret(apiKey);
    client = new OpenAI({
      apiKey,
      organization: settings.organization ?? readEnvironment('OPENAI_ORG_ID') ?? null,
      project: settings.project ?? readEnvironment('OPENAI_PROJECT_ID') ?? null,
      baseURL: settings.baseURL,
      defaultHeaders: settings.headers,
      timeout: settings.timeoutMs,
      maxRetries: 0,
      fetch: settings.fetch ?? globalFetch,
    });
    return client;
  };
}

/** The per-request options every call sends: the abort signal, and never an SDK retry. */
export function requestOptions(options: CallOptions): OpenAI.RequestOptions {
  return { maxRetries: 0, ...(options.signal ? { signal: options.signal } : {}) };
}

/**
 * The global `fetch`, looked up at each call (so interceptors such as msw see every request),
 * carrying `Response`: the SDK then skips its one-off `fetch('data:,')` probe before the first
 * multipart upload.
 */
const globalFetch = Object.assign(
  (input: string | URL | Request, init?: RequestInit) => globalThis.fetch(input, init),
  {
    Response: globalThis.Response,
  },
);

function readEnvironment(name: string): string | undefined {
  const value = globalThis.process?.env?.[name]?.trim();
  return value ? value : undefined;
}
