import { ProviderError, scriptSchema } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createOpenAI } from '../openai-provider.js';
import { amazonAssociatesDisclosure } from '../openai-settings.js';
import { chatAnswer } from '../testing/openai-faults.js';
import {
  chatCompletion,
  fixtureProduct,
  fixtureRequestId,
  openAIHeaders,
  scriptContent,
} from '../testing/openai-fixtures.js';
import { chatCompletionsUrl, chatRoute, chatSuccess } from '../testing/openai-handlers.js';
import { testApiKey } from '../testing/test-keys.js';

const server = installTestServer();
const provider = () => createOpenAI({ apiKey: testApiKey }).script();
const input = { product: fixtureProduct, platforms: ['youtube' as const, 'instagram' as const], seed: 42 };

function captureBody(): { body?: any } {
  const captured: { body?: any } = {};
  server.use(
    http.post(chatCompletionsUrl, async ({ request }) => {
      captured.body = await request.clone().json();
      return undefined;
    }),
    ...chatSuccess,
  );
  return captured;
}

describe('openai.script() request', () => {
  it('asks for strict Structured Outputs built from the zod schema, with captions for the platforms', async () => {
    const captured = captureBody();
    await provider().generateScript(input);
    const body = captured.body;
    expect(body).toMatchObject({
      model: 'gpt-5.4-mini',
      store: false,
      max_completion_tokens: 4000,
      seed: 42,
    });
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema).toMatchObject({ name: 'video_script', strict: true });
    const schema = body.response_format.json_schema.schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'title',
        'hook',
        'scenes',
        'callToAction',
        'description',
        'hashtags',
        'captions',
      ]),
    );
    expect(Object.keys(schema.properties.captions.properties)).toEqual(['youtube', 'instagram']);
  });

  it('writes the prompt from the product facts, without the price, with the disclosure and scene bounds', async () => {
    const captured = captureBody();
    await provider().generateScript({
      ...input,
      product: {
        ...fixtureProduct,
        price: { amount: 39.99, currency: 'USD', readAt: '2026-11-24T00:00:00Z' },
      },
      scenes: { min: 4, max: 6 },
      language: 'de',
      style: 'calm review',
    });
    const [system, user] = captured.body.messages;
    expect(system.content).toContain('4 to 6 scenes');
    expect(system.content).toContain(amazonAssociatesDisclosure);
    expect(system.content).toContain('instagram: at most 5 hashtags');
    expect(system.content).toContain('language de');
    expect(system.content).toContain('calm review');
    expect(user.content).toContain('Brand: Pourfect');
    expect(user.content).toContain('Gooseneck spout');
    expect(user.content).toContain('Rating: 4.6 out of 5 from 1843 ratings');
    expect(user.content).toContain(fixtureProduct.affiliateUrl);
    expect(user.content).not.toContain('39.99');
  });

  it('rejects an empty product title before any request', async () => {
    const error = await provider()
      .generateScript({ product: { ...fixtureProduct, title: ' ' } })
      .catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error.kind).toBe('invalid_input');
    expect((error as Error).message).toContain('product.title');
    expect(server.calls).toHaveLength(0);
  });
});

describe('openai.script() result', () => {
  it('returns a scriptSchema-valid script with the disclosure, #ad first and per-platform hashtag caps', async () => {
    server.use(...chatSuccess);
    const { script, warnings } = await provider().generateScript(input);
    expect(scriptSchema.safeParse(script).success).toBe(true);
    expect(warnings).toEqual([]);
    expect(script.hashtags[0]).toBe('#ad');
    expect(script.hashtags).toContain('#KitchenGadgets');
    expect(script.description).toContain(`${fixtureProduct.affiliateUrl} (paid link)`);
    expect(script.description.endsWith(amazonAssociatesDisclosure)).toBe(true);
    const instagram = script.captions?.instagram ?? '';
    expect(instagram.match(/#\w+/g)?.length).toBe(5);
    expect(instagram).toContain('#ad');
    expect(instagram).toContain(amazonAssociatesDisclosure);
    expect(script.captions?.youtube?.match(/#\w+/g)?.length).toBe(7);
    expect(script.captions?.tiktok).toBeUndefined();
  });

  it('honours configured hashtag caps', async () => {
    server.use(...chatSuccess);
    const { script } = await createOpenAI({
      apiKey: testApiKey,
      script: { hashtagCaps: { youtube: 2 }, maxHashtags: 3 },
    })
      .script()
      .generateScript(input);
    expect(script.captions?.youtube?.match(/#\w+/g)).toEqual(['#ad', '#PourOver']);
    expect(script.hashtags).toHaveLength(3);
  });

  it('costs exactly the price table’s token rates', async () => {
    server.use(...chatSuccess);
    const { cost } = await provider().generateScript(input);
    // 1200 prompt tokens × $0.75/1M + 800 completion tokens × $4.50/1M
    expect(cost).toEqual({ usd: 0.0045, unit: 'token', quantity: 2000, priceDate: '2026-11-24' });
  });

  it('warns (and bills 0) for a model missing from the price table', async () => {
    server.use(...chatSuccess);
    const { cost, warnings } = await createOpenAI({ apiKey: testApiKey })
      .script('gpt-9-experimental')
      .generateScript(input);
    expect(cost.usd).toBe(0);
    expect(warnings[0]?.message).toContain('gpt-9-experimental');
  });

  it('drops scenes beyond the maximum with a warning', async () => {
    const many = JSON.parse(scriptContent(['youtube', 'instagram']));
    many.scenes = Array.from({ length: 10 }, (_, index) => ({
      text: `Line ${index + 1}.`,
      imagePrompt: `Picture ${index + 1}`,
    }));
    server.use(
      ...chatRoute(() =>
        HttpResponse.json(chatCompletion({ content: JSON.stringify(many) }), { headers: openAIHeaders() }),
      ),
    );
    const { script, warnings } = await provider().generateScript(input);
    expect(script.scenes).toHaveLength(8);
    expect(warnings.map((warning) => warning.message).join()).toContain('10 scenes');
  });

  it('surfaces a refusal as content_policy with the status and request id (O9)', async () => {
    server.use(...chatRoute(chatAnswer({ content: null, refusal: 'I can’t help with that.' })));
    const error = (await provider()
      .generateScript(input)
      .catch((caught: unknown) => caught)) as ProviderError;
    expect(error).toMatchObject({
      kind: 'content_policy',
      code: 'refusal',
      status: 200,
      requestId: fixtureRequestId,
    });
    expect(error.message).toContain('I can’t help with that.');
  });

  it('never parses a cut-off answer (O10)', async () => {
    server.use(...chatRoute(chatAnswer({ content: '{"title":"This Gooseneck', finishReason: 'length' })));
    const error = (await provider()
      .generateScript(input)
      .catch((caught: unknown) => caught)) as ProviderError;
    expect(error).toMatchObject({ kind: 'unknown', code: 'output_truncated', status: 200, retryable: false });
    expect(error.message).toContain('maxOutputTokens');
  });

  it('reports an answer that does not fit the schema as invalid_output', async () => {
    server.use(...chatRoute(chatAnswer({ content: JSON.stringify({ title: 'x' }) })));
    const error = (await provider()
      .generateScript(input)
      .catch((caught: unknown) => caught)) as ProviderError;
    expect(error).toMatchObject({ kind: 'unknown', code: 'invalid_output', status: 200 });
  });
});
