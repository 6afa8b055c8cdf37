import { createPng, installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createOpenAI } from '../openai-provider.js';
import { chatCompletion, openAIHeaders } from '../testing/openai-fixtures.js';
import { chatCompletionsUrl, chatRoute, chatSuccess } from '../testing/openai-handlers.js';
import { testApiKey } from '../testing/test-keys.js';

const server = installTestServer();
const image = { data: createPng({ width: 8, height: 12 }), mediaType: 'image/png' };
const reference = { data: createPng({ width: 8, height: 8 }), mediaType: 'image/jpeg' };
const judge = () => createOpenAI({ apiKey: testApiKey }).judge();

function verdict(score: number, reason = 'Same kettle.') {
  return chatRoute(() =>
    HttpResponse.json(
      chatCompletion({
        content: JSON.stringify({ sameProduct: score > 0.5, score, reason, differences: [] }),
      }),
      { headers: openAIHeaders() },
    ),
  );
}

describe('openai.judge()', () => {
  it('sends both pictures as base64 data URLs at high detail, the photo first', async () => {
    let body: any;
    server.use(
      http.post(chatCompletionsUrl, async ({ request }) => {
        body = await request.clone().json();
        return undefined;
      }),
      ...chatSuccess,
    );
    await judge().judge({ image, reference, prompt: 'The kettle on a counter' });
    const parts = body.messages[1].content;
    expect(parts[0].text).toContain('The kettle on a counter');
    expect(parts[1].image_url).toEqual({
      url: `data:image/jpeg;base64,${Buffer.from(reference.data).toString('base64')}`,
      detail: 'high',
    });
    expect(parts[2].image_url.url.startsWith('data:image/png;base64,')).toBe(true);
    expect(body.response_format.json_schema).toMatchObject({ name: 'product_image_judgement', strict: true });
  });

  it('returns the score, a short reason and the cost from the table', async () => {
    server.use(...chatSuccess);
    const result = await judge().judge({ image, reference });
    expect(result.score).toBe(0.88);
    expect(result.reason).toContain('gooseneck');
    // 2210 prompt tokens × $0.75/1M + 96 completion tokens × $4.50/1M = $0.0020895, to the millionth
    expect(result.cost).toEqual({ usd: 0.00209, unit: 'token', quantity: 2306, priceDate: '2026-11-24' });
  });

  it('keeps the score within 0–1 (a percentage is read as such)', async () => {
    server.use(...verdict(87));
    expect((await judge().judge({ image, reference })).score).toBe(0.87);
    server.use(...verdict(-0.2, ''));
    const low = await judge().judge({ image, reference });
    expect(low.score).toBe(0);
    expect(low.reason).toBe('The model judged it a different product.');
  });

  it('refuses media types the vision models cannot read, before any request', async () => {
    await expect(
      judge().judge({ image: { data: new Uint8Array([1]), mediaType: 'image/tiff' }, reference }),
    ).rejects.toMatchObject({
      kind: 'invalid_input',
    });
    expect(server.calls).toHaveLength(0);
  });

  it('estimates from the configured token counts', () => {
    // 2600 × $0.75/1M + 200 × $4.50/1M
    expect(judge().estimateCost().usd).toBe(0.00285);
  });
});
