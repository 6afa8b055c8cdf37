import type { CallOptions, ScriptInput, ScriptProvider, ScriptResult } from '@reelsmith/core';
import { HttpResponse, type HttpResponseResolver, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildFakeScript } from '../fakes/fake-script-provider.js';
import { installTestServer } from '../msw/install-test-server.js';
import { referenceRequest } from '../testing/reference-http.js';
import { checkSuccess } from './check-call.js';
import {
  describeScriptProviderContract,
  type ScriptProviderContractOptions,
  scriptContract,
} from './script-contract.js';

const endpoint = 'https://llm.example.test/v1/responses';

function createReferenceScripts(settings: { timeoutMs: number }): ScriptProvider {
  return {
    specificationVersion: 'v1',
    id: 'example:llm',
    capability: 'script',
    async generateScript(input: ScriptInput, options?: CallOptions): Promise<ScriptResult> {
      const body = (await referenceRequest(
        this.id,
        endpoint,
        { method: 'POST', body: JSON.stringify({ product: input.product.title }) },
        settings,
        options,
      )) as { output: ScriptResult['script'] };
      return { script: body.output, cost: { usd: 0.002 }, warnings: [] };
    },
  };
}

const input: ScriptInput = {
  product: { title: 'Steel Kettle 1.7 L', bullets: [], reviews: [], imageUrls: [] },
};
const route = (resolver: HttpResponseResolver) => [http.post(endpoint, resolver)];
const options: ScriptProviderContractOptions = {
  name: 'reference script provider',
  create: createReferenceScripts,
  input,
  route,
  success: route(() => HttpResponse.json({ output: buildFakeScript(input) })),
};

describeScriptProviderContract(options);

describe('the script contract checks catch broken results', () => {
  const server = installTestServer();

  it('a script that does not match scriptSchema', async () => {
    const broken = {
      ...options,
      success: route(() => HttpResponse.json({ output: { title: '', scenes: [] } })),
    };
    await expect(checkSuccess(scriptContract, broken, server)).rejects.toThrow(/scriptSchema: title/);
  });
});
