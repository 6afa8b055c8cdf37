import { installTestServer } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { selectProviders } from '../select-providers.mjs';

// Any request would fail the test: choosing and constructing providers must not touch the network.
const server = installTestServer();

const settings = { outDir: '/tmp/reelsmith-full-pipeline-test', catalog: '/tmp/catalog.json' };
const allKeys = {
  OPENAI_API_KEY: 'sk-test-select-providers-0123456789',
  FAL_KEY: 'fal-id-test:fal-secret-test-0123456789',
  GEMINI_API_KEY: 'AIzaFAKE-select-providers-01',
  ELEVENLABS_API_KEY: 'sk_test_select_providers_0123456789',
};

describe('selectProviders', () => {
  it('chooses every real provider when every key is set, in chain order', async () => {
    const { options, chosen, choices } = await selectProviders(allKeys, settings);
    expect(chosen.images).toEqual([
      'imagen:gemini-3.1-flash-image',
      'fal:fal-ai/flux-pro/kontext',
      'openai:image:gpt-image-2',
    ]);
    expect(options.images.id).toBe(
      'fallback(imagen:gemini-3.1-flash-image,fal:fal-ai/flux-pro/kontext,openai:image:gpt-image-2)',
    );
    expect(chosen.voice).toEqual(['elevenlabs:eleven_multilingual_v2', 'openai:speech:gpt-4o-mini-tts']);
    expect(chosen.script).toEqual(['openai:script:gpt-5.4-mini']);
    expect(chosen.judge).toEqual(['openai:judge:gpt-5.4-mini']);
    expect(options.verify).toEqual({ threshold: 0.85 });
    expect(chosen.products).toEqual(['local:catalog']);
    expect(chosen.publish).toEqual(['local']);
    expect(options.renderer.capability).toBe('renderer');
    expect(options.secrets).toEqual(expect.arrayContaining(Object.values(allKeys)));
    expect(choices.find((line) => line.startsWith('images:'))).toMatch(
      /fallback\(imagen:.* → fal:.* → openai:image:.*\) — GEMINI_API_KEY \(Gemini API\), FAL_KEY and OPENAI_API_KEY set/,
    );
    expect(choices).toHaveLength(7);
    expect(server.calls).toEqual([]);
  });

  it('falls back to the local providers for every capability without a key', async () => {
    const { options, chosen, choices } = await selectProviders({}, settings);
    expect(chosen.images).toEqual(['local:composer']);
    expect(chosen.script).toEqual(['local:script']);
    expect(chosen.judge).toEqual(['local:judge']);
    expect(chosen.voice).toEqual([options.voice.id]);
    expect(options.voice.id).toMatch(/espeak/);
    expect(options.verify).toEqual({ threshold: 0.6 });
    expect(options.secrets).toEqual([]);
    expect(choices.find((line) => line.startsWith('script:'))).toMatch(/no OPENAI_API_KEY/);
    expect(choices.find((line) => line.startsWith('voice:'))).toMatch(
      /no ELEVENLABS_API_KEY or OPENAI_API_KEY/,
    );
  });

  it('uses one provider alone, without a chain, when only its key is set', async () => {
    const { options, chosen } = await selectProviders({ FAL_KEY: allKeys.FAL_KEY }, settings);
    expect(chosen.images).toEqual(['fal:fal-ai/flux-pro/kontext']);
    expect(options.images.id).toBe('fal:fal-ai/flux-pro/kontext');
    expect(chosen.script).toEqual(['local:script']);
  });

  it('uses OpenAI for script, judge, images and voice with OPENAI_API_KEY alone', async () => {
    const { chosen } = await selectProviders({ OPENAI_API_KEY: allKeys.OPENAI_API_KEY }, settings);
    expect(chosen.images).toEqual(['openai:image:gpt-image-2']);
    expect(chosen.voice).toEqual(['openai:speech:gpt-4o-mini-tts']);
    expect(chosen.script).toEqual(['openai:script:gpt-5.4-mini']);
    expect(chosen.judge).toEqual(['openai:judge:gpt-5.4-mini']);
  });

  it('reads fal keys as FAL_KEY_ID + FAL_KEY_SECRET and Google keys as GOOGLE_API_KEY', async () => {
    const { chosen, choices } = await selectProviders(
      { FAL_KEY_ID: 'id', FAL_KEY_SECRET: 'secret', GOOGLE_API_KEY: allKeys.GEMINI_API_KEY },
      settings,
    );
    expect(chosen.images).toEqual(['imagen:gemini-3.1-flash-image', 'fal:fal-ai/flux-pro/kontext']);
    expect(choices[0]).toMatch(/GOOGLE_API_KEY \(Gemini API\) and FAL_KEY_ID \+ FAL_KEY_SECRET set/);
  });

  it('uses Vertex AI with GOOGLE_CLOUD_PROJECT and GOOGLE_APPLICATION_CREDENTIALS', async () => {
    const { chosen, choices } = await selectProviders(
      {
        GOOGLE_CLOUD_PROJECT: 'my-project',
        GOOGLE_APPLICATION_CREDENTIALS: '/secrets/service-account.json',
        GOOGLE_CLOUD_LOCATION: 'us-central1',
      },
      settings,
    );
    expect(chosen.images).toEqual(['imagen:gemini-3.1-flash-image']);
    expect(choices[0]).toMatch(
      /GOOGLE_CLOUD_PROJECT=my-project \+ GOOGLE_APPLICATION_CREDENTIALS \(Vertex AI, us-central1\)/,
    );
  });

  it('ignores blank keys and a project without credentials', async () => {
    const { chosen } = await selectProviders(
      { OPENAI_API_KEY: '  ', GOOGLE_CLOUD_PROJECT: 'my-project', ELEVENLABS_API_KEY: '' },
      settings,
    );
    expect(chosen.images).toEqual(['local:composer']);
    expect(chosen.script).toEqual(['local:script']);
    expect(chosen.voice[0]).toMatch(/espeak/);
  });

  it('takes products from ScrapingDog with an associate tag, and jobs from Airtable, when their keys are set', async () => {
    const env = {
      SCRAPINGDOG_API_KEY: 'sd-test-key-not-real',
      AMAZON_ASSOCIATE_TAG: 'reelsmith-21',
      AMAZON_DOMAIN: 'co.uk',
      AIRTABLE_PAT: 'patFAKE.select-providers-test',
      AIRTABLE_BASE_ID: 'appSelectProvide1',
    };
    const { options, chosen, choices } = await selectProviders(env, settings);
    expect(chosen.products).toEqual(['scrapingdog:co.uk']);
    expect(chosen.jobs).toEqual(['airtable:appSelectProvide1/Videos']);
    expect(options.jobSource?.capability).toBe('job-source');
    expect(typeof options.photoLoader).toBe('function');
    expect(options.secrets).toEqual(
      expect.arrayContaining(['sd-test-key-not-real', 'patFAKE.select-providers-test']),
    );
    expect(choices.find((line) => line.startsWith('products:'))).toContain(
      'SCRAPINGDOG_API_KEY set (amazon.co.uk)',
    );
    expect(server.calls).toEqual([]);
  });

  it("uses the Creators API with its credentials and a tag, when ScrapingDog's key is not set", async () => {
    const env = {
      AMAZON_CREATORS_CLIENT_ID: 'amzn1.application-oa2-client.test',
      AMAZON_CREATORS_CLIENT_SECRET: 'creators-secret-not-real',
      AMAZON_ASSOCIATE_TAG: 'reelsmith-20',
    };
    const { chosen } = await selectProviders(env, settings);
    expect(chosen.products).toEqual(['creators-api:com']);
    expect(chosen.jobs).toBeUndefined();
  });
});
