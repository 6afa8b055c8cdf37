// Chooses the providers of the standard affiliate pipeline from the API keys that are set:
// real AI providers where a key is present, the local (offline) providers for everything else.
// Constructing a provider reads nothing from the network; keys are only sent at the first call.
import path from 'node:path';
import { loadOfflineVoice } from '@reelsmith/cli';
import { fallback } from '@reelsmith/core';
import { createElevenLabs } from '@reelsmith/provider-elevenlabs';
import { createFal } from '@reelsmith/provider-fal';
import { createImagen } from '@reelsmith/provider-imagen';
import {
  createLocalCatalog,
  createLocalImageComposer,
  createLocalImageJudge,
  createLocalScriptWriter,
} from '@reelsmith/provider-local';
import { createOpenAI } from '@reelsmith/provider-openai';
import { createLocalPublisher } from '@reelsmith/publisher-local';
import { createRemotionRenderer } from '@reelsmith/renderer-remotion';
import { createAirtableJobSource } from '@reelsmith/source-airtable';
import {
  createCreatorsApiSource,
  createPhotoDownloader,
  createProductCache,
  createScrapingDogSource,
} from '@reelsmith/source-amazon';

const here = import.meta.dirname;

/** The catalog used when none is given: the offline demo's three sample products. */
export const defaultCatalog = path.join(here, '..', 'offline-demo', 'products', 'products.json');

/** Score below which `verify-images` regenerates an image, by judge (the local judge is a rough colour check). */
const thresholds = { openai: 0.85, local: 0.6 };

/** A set, non-blank environment value, else undefined. */
function read(env, name) {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Google's image models: a Gemini API key, or Vertex AI with a project and credentials. */
function google(env) {
  const keyName = read(env, 'GEMINI_API_KEY') ? 'GEMINI_API_KEY' : 'GOOGLE_API_KEY';
  const apiKey = read(env, keyName);
  const project = read(env, 'GOOGLE_CLOUD_PROJECT');
  const credentials = read(env, 'GOOGLE_APPLICATION_CREDENTIALS');
  const vertexAsked = /^(true|1)$/i.test(read(env, 'GOOGLE_GENAI_USE_VERTEXAI') ?? '');
  if (apiKey && !(vertexAsked && project)) {
    return { provider: createImagen({ apiKey, vertexai: false }).image(), why: `${keyName} (Gemini API)` };
  }
  if (project && (credentials || vertexAsked)) {
    const location = read(env, 'GOOGLE_CLOUD_LOCATION') ?? 'global';
    const provider = createImagen({
      vertexai: true,
      project,
      location,
      ...(credentials ? { googleAuthOptions: { keyFilename: credentials } } : {}),
    }).image();
    const how = credentials ? 'GOOGLE_APPLICATION_CREDENTIALS' : 'Application Default Credentials';
    return { provider, why: `GOOGLE_CLOUD_PROJECT=${project} + ${how} (Vertex AI, ${location})` };
  }
  return undefined;
}

/** fal: `FAL_KEY`, or the pair `FAL_KEY_ID` + `FAL_KEY_SECRET`. */
function falKey(env) {
  const key = read(env, 'FAL_KEY');
  if (key) return { apiKey: key, why: 'FAL_KEY' };
  const id = read(env, 'FAL_KEY_ID');
  const secret = read(env, 'FAL_KEY_SECRET');
  if (id && secret) return { apiKey: `${id}:${secret}`, why: 'FAL_KEY_ID + FAL_KEY_SECRET' };
  return undefined;
}

/** One provider alone, or a `fallback([...])` chain over several. */
function chain(members) {
  return members.length === 1 ? members[0] : fallback(members);
}

/** `a`, `a and b`, `a, b and c`. */
function list(items) {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Products: ScrapingDog with `SCRAPINGDOG_API_KEY`, else Amazon's Creators API with
 * `AMAZON_CREATORS_CLIENT_ID` + `AMAZON_CREATORS_CLIENT_SECRET` + `AMAZON_ASSOCIATE_TAG`, else
 * the local catalog. `AMAZON_ASSOCIATE_TAG` tags the links; `AMAZON_DOMAIN` picks the marketplace.
 */
function products(env, catalog, secrets) {
  const tag = read(env, 'AMAZON_ASSOCIATE_TAG');
  const domain = read(env, 'AMAZON_DOMAIN') ?? 'com';
  const cache = createProductCache({ ttlMs: 6 * 3_600_000 });
  const photoLoader = createPhotoDownloader({});
  const scrapingDogKey = read(env, 'SCRAPINGDOG_API_KEY');
  if (scrapingDogKey) {
    secrets.push(scrapingDogKey);
    const productSource = createScrapingDogSource({
      apiKey: scrapingDogKey,
      domain,
      cache,
      ...(tag ? { associateTag: tag } : {}),
    });
    return { productSource, photoLoader, why: `SCRAPINGDOG_API_KEY set (amazon.${domain})` };
  }
  const clientId = read(env, 'AMAZON_CREATORS_CLIENT_ID');
  const clientSecret = read(env, 'AMAZON_CREATORS_CLIENT_SECRET');
  if (clientId && clientSecret && tag) {
    secrets.push(clientSecret);
    const productSource = createCreatorsApiSource({
      credentialId: clientId,
      credentialSecret: clientSecret,
      partnerTag: tag,
      domain,
      cache,
    });
    return {
      productSource,
      photoLoader,
      why: `AMAZON_CREATORS_CLIENT_ID/SECRET + AMAZON_ASSOCIATE_TAG set (amazon.${domain})`,
    };
  }
  return { productSource: createLocalCatalog({ products: catalog }), photoLoader: undefined, why: catalog };
}

/** An Airtable job table with `AIRTABLE_PAT` + `AIRTABLE_BASE_ID` (`AIRTABLE_TABLE`, default `Videos`). */
function airtableJobs(env, secrets) {
  const apiKey = read(env, 'AIRTABLE_PAT');
  const baseId = read(env, 'AIRTABLE_BASE_ID');
  if (!apiKey || !baseId) return undefined;
  secrets.push(apiKey);
  return createAirtableJobSource({ apiKey, baseId, table: read(env, 'AIRTABLE_TABLE') ?? 'Videos' });
}

/**
 * Chooses every provider of `createAffiliatePipeline` from `env`:
 *
 * - images: `fallback([imagen, fal, openai image])` over the services with a key, else the local composer;
 * - voice: `fallback([elevenlabs, openai speech])` over the services with a key, else eSpeak;
 * - script and judge: OpenAI with `OPENAI_API_KEY`, else the local script writer and judge;
 * - products from ScrapingDog or the Creators API when their keys are set, else a local catalog;
 * - jobs from Airtable with `AIRTABLE_PAT` + `AIRTABLE_BASE_ID`;
 * - Remotion to render, a local folder to publish to.
 *
 * Returns the pipeline options, one line per capability saying what was chosen and why, and the
 * chosen provider ids by capability.
 *
 * @param {Record<string, string | undefined>} [env] the environment to read keys from (default `process.env`)
 * @param {{ catalog?: string; outDir?: string; browser?: string; budgetUsd?: number }} [settings]
 */
export async function selectProviders(env = process.env, settings = {}) {
  const outDir = path.resolve(settings.outDir ?? 'out');
  const catalog = path.resolve(settings.catalog ?? defaultCatalog);
  const choices = [];
  const chosen = {};
  const secrets = [];
  const say = (capability, providers, why) => {
    chosen[capability] = providers.map((provider) => provider.id);
    const ids = providers.map((provider) => provider.id);
    const what = ids.length > 1 ? `fallback(${ids.join(' → ')})` : ids[0];
    choices.push(`${`${capability}:`.padEnd(10)}${what} — ${why}`);
  };

  const openaiKey = read(env, 'OPENAI_API_KEY');
  const openai = openaiKey ? createOpenAI({ apiKey: openaiKey }) : undefined;
  if (openaiKey) secrets.push(openaiKey);

  // Images: Imagen, then fal, then OpenAI, over the ones with a key.
  const imageMembers = [];
  const imageReasons = [];
  const googleImages = google(env);
  if (googleImages) {
    imageMembers.push(googleImages.provider);
    imageReasons.push(googleImages.why);
    const googleKey = read(env, 'GEMINI_API_KEY') ?? read(env, 'GOOGLE_API_KEY');
    if (googleKey) secrets.push(googleKey);
  }
  const fal = falKey(env);
  if (fal) {
    imageMembers.push(createFal({ apiKey: fal.apiKey }).image());
    imageReasons.push(fal.why);
    secrets.push(fal.apiKey);
  }
  if (openai) {
    imageMembers.push(openai.image());
    imageReasons.push('OPENAI_API_KEY');
  }
  let images;
  if (imageMembers.length > 0) {
    images = chain(imageMembers);
    say('images', imageMembers, `${list(imageReasons)} set`);
  } else {
    images = createLocalImageComposer();
    say('images', [images], 'no GEMINI_API_KEY/GOOGLE_API_KEY, Vertex AI project, FAL_KEY or OPENAI_API_KEY');
  }

  // Voice: ElevenLabs (word timings from the service), then OpenAI speech (estimated timings).
  const voiceMembers = [];
  const voiceReasons = [];
  const elevenLabsKey = read(env, 'ELEVENLABS_API_KEY');
  if (elevenLabsKey) {
    voiceMembers.push(createElevenLabs({ apiKey: elevenLabsKey }).voice());
    voiceReasons.push('ELEVENLABS_API_KEY');
    secrets.push(elevenLabsKey);
  }
  if (openai) {
    voiceMembers.push(openai.speech());
    voiceReasons.push('OPENAI_API_KEY');
  }
  let voice;
  if (voiceMembers.length > 0) {
    voice = chain(voiceMembers);
    say('voice', voiceMembers, `${list(voiceReasons)} set`);
  } else {
    voice = await loadOfflineVoice();
    say('voice', [voice], 'no ELEVENLABS_API_KEY or OPENAI_API_KEY: offline eSpeak NG (GPL)');
  }

  const script = openai ? openai.script() : createLocalScriptWriter();
  say('script', [script], openai ? 'OPENAI_API_KEY set' : 'no OPENAI_API_KEY: local template writer');
  const judge = openai ? openai.judge() : createLocalImageJudge();
  const threshold = openai ? thresholds.openai : thresholds.local;
  say(
    'judge',
    [judge],
    `${openai ? 'OPENAI_API_KEY set' : 'no OPENAI_API_KEY: local colour check'}; regenerate below ${threshold}`,
  );

  const { productSource, photoLoader, why: productsWhy } = products(env, catalog, secrets);
  say('products', [productSource], productsWhy);
  const jobSource = airtableJobs(env, secrets);
  if (jobSource) say('jobs', [jobSource], 'AIRTABLE_PAT + AIRTABLE_BASE_ID set (run with --pending)');
  const renderer = createRemotionRenderer(settings.browser ? { browserExecutable: settings.browser } : {});
  say('render', [renderer], 'Remotion in a local Chrome/Chromium (REELSMITH_BROWSER or CHROMIUM_PATH)');
  const publisher = createLocalPublisher({ outDir });
  say('publish', [publisher], outDir);

  /** @type {import('@reelsmith/core').AffiliatePipelineOptions} */
  const options = {
    productSource,
    script,
    images,
    judge,
    voice,
    renderer,
    publishers: [publisher],
    ...(photoLoader ? { photoLoader } : {}),
    ...(jobSource ? { jobSource } : {}),
    verify: { threshold },
    dataDir: path.join(outDir, '.reelsmith'),
    budget: { perRunUsd: settings.budgetUsd ?? 2 },
    secrets,
  };
  return { options, choices, chosen };
}
