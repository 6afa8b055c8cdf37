import type { CallOptions, ImageInput, ImageProvider, ImageResult } from '@reelsmith/core';
import { ProviderError } from '@reelsmith/core';
import { HttpResponse, type HttpResponseResolver, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createPng } from '../media/png.js';
import { installTestServer } from '../msw/install-test-server.js';
import { referenceRequest } from '../testing/reference-http.js';
import { checkAbort, checkPreAborted, checkSuccess } from './check-call.js';
import { checkFault } from './check-fault.js';
import { ContractViolation } from './contract-violation.js';
import {
  describeImageProviderContract,
  type ImageProviderContractOptions,
  imageContract,
} from './image-contract.js';

// A minimal image provider for an imaginary service, written the way a plugin should be.
const endpoint = 'https://images.example.test/v1/generate';
const apiKey = 'imgkey_live_0123456789abcdef';
const png = Buffer.from(createPng()).toString('base64');

function createReferenceImages(settings: { timeoutMs: number }): ImageProvider {
  return {
    specificationVersion: 'v1',
    id: 'example:images',
    capability: 'image',
    async generateImage(input: ImageInput, options?: CallOptions): Promise<ImageResult> {
      const body = (await referenceRequest(
        this.id,
        endpoint,
        {
          method: 'POST',
          headers: { authorization: `Key ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ prompt: input.prompt, n: input.count ?? 1 }),
        },
        settings,
        options,
      )) as { data: { b64: string; mime: string }[] };
      const images = body.data.map((item) => ({
        data: Buffer.from(item.b64, 'base64'),
        mediaType: item.mime,
      }));
      return { images, cost: { usd: 0.04 * images.length, unit: 'image' }, warnings: [] };
    },
    estimateCost: (input) => ({ usd: 0.04 * (input.count ?? 1) }),
  };
}

const route = (resolver: HttpResponseResolver) => [http.post(endpoint, resolver)];
const options: ImageProviderContractOptions = {
  name: 'reference image provider',
  create: createReferenceImages,
  input: { prompt: 'a red kettle on a kitchen table' },
  route,
  success: route(() => HttpResponse.json({ data: [{ b64: png, mime: 'image/png' }] })),
  faults: {
    billing: {
      resolver: () => HttpResponse.json({ detail: 'Exhausted balance' }, { status: 402 }),
      expectKind: 'billing',
    },
  },
  extraFaults: [
    {
      name: 'content policy (400 moderation_blocked) → invalid_input',
      resolver: () => HttpResponse.json({ error: { code: 'moderation_blocked' } }, { status: 400 }),
      expectKind: ['invalid_input', 'content_policy'],
    },
  ],
  secrets: [apiKey],
};

describeImageProviderContract(options);

describeImageProviderContract({
  ...options,
  name: 'reference image provider with a skipped case',
  skipFaults: [{ case: 'html_error_page', reason: 'the example service is not behind a proxy' }],
});

// Providers that break the contract, to prove the checks catch them.
function withErrors(
  map: (error: ProviderError) => unknown,
): (settings: { timeoutMs: number }) => ImageProvider {
  return (settings) => {
    const inner = createReferenceImages(settings);
    return {
      ...inner,
      generateImage: (input, callOptions) =>
        inner.generateImage(input, callOptions).catch((error: unknown) => {
          throw ProviderError.isInstance(error) ? map(error) : error;
        }),
    };
  };
}

function createNaiveImages(): ImageProvider {
  return {
    specificationVersion: 'v1',
    id: 'naive:images',
    capability: 'image',
    async generateImage(input) {
      const response = await fetch(endpoint, { method: 'POST', body: JSON.stringify(input) });
      const body = (await response.json()) as { data?: { b64: string; mime: string }[] };
      const images = (body.data ?? []).map((item) => ({
        data: Buffer.from(item.b64, 'base64'),
        mediaType: item.mime,
      }));
      return { images, cost: { usd: 0 }, warnings: [] };
    },
  };
}

describe('the image contract checks catch broken providers', () => {
  const server = installTestServer();
  const broken = (create: ImageProviderContractOptions['create']) => ({ ...options, create });

  it('a 429 mapped to unknown', async () => {
    const create = withErrors(
      (error) => new ProviderError({ ...error, kind: 'unknown', message: error.message }),
    );
    await expect(checkFault(imageContract, broken(create), server, 'rate_limited')).rejects.toThrow(
      /expected kind "rate_limit", got "unknown"/,
    );
  });

  it('a rate limit without retryAfterMs', async () => {
    const create = withErrors(
      (error) => new ProviderError({ ...error, retryAfterMs: undefined, message: error.message }),
    );
    await expect(checkFault(imageContract, broken(create), server, 'rate_limited')).rejects.toThrow(
      /retryAfterMs/,
    );
  });

  it('an error message that leaks the API key', async () => {
    const create = withErrors(
      (error) => new ProviderError({ ...error, message: `${error.message} (key ${apiKey})` }),
    );
    await expect(checkFault(imageContract, broken(create), server, 'unauthorized')).rejects.toThrow(
      /contains secrets\[0\]/,
    );
  });

  it('a wrong provider id and an inconsistent retryable flag', async () => {
    const wrongId = withErrors((error) => new ProviderError({ ...error, provider: 'other', message: 'x' }));
    await expect(checkFault(imageContract, broken(wrongId), server, 'server_error')).rejects.toThrow(
      /provider/,
    );
    const notRetryable = withErrors(
      (error) => new ProviderError({ ...error, retryable: false, message: 'x' }),
    );
    await expect(checkFault(imageContract, broken(notRetryable), server, 'unavailable')).rejects.toThrow(
      /retryable/,
    );
  });

  it('a raw SyntaxError, a raw response and a missing status', async () => {
    const naive = broken(createNaiveImages);
    await expect(checkFault(imageContract, naive, server, 'malformed_json')).rejects.toThrow(
      /expected a ProviderError, got SyntaxError/,
    );
    await expect(checkFault(imageContract, naive, server, 'unauthorized')).rejects.toThrow(ContractViolation);
    const noStatus = withErrors((error) => new ProviderError({ ...error, status: undefined, message: 'x' }));
    await expect(checkFault(imageContract, broken(noStatus), server, 'forbidden')).rejects.toThrow(
      /the service answered 403/,
    );
  });

  it('a provider that ignores its timeout', async () => {
    await expect(checkFault(imageContract, broken(createNaiveImages), server, 'timeout')).rejects.toThrow(
      /must make the provider give up/,
    );
  }, 10_000);

  it('a provider that ignores its abort signal', async () => {
    const naive = broken(createNaiveImages);
    await expect(checkAbort(imageContract, naive, server)).rejects.toThrow(/still pending|resolved/);
    await expect(checkPreAborted(imageContract, naive, server)).rejects.toThrow(/resolved|request/);
  });

  it('a provider that returns no images', async () => {
    const empty = { ...options, success: route(() => HttpResponse.json({ data: [] })) };
    await expect(checkSuccess(imageContract, empty, server)).rejects.toThrow(/non-empty array/);
  });

  it('a route that does not match the endpoint the call uses', async () => {
    const wrongRoute = {
      ...options,
      route: (resolver: HttpResponseResolver) => [http.get(endpoint, resolver)],
    };
    await expect(checkFault(imageContract, wrongRoute, server, 'unauthorized')).rejects.toThrow(
      /`route` does not mount the endpoint/,
    );
  });
});
