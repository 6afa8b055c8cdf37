import {
  type CallOptions,
  type CallWarning,
  type Cost,
  parseConfig,
  platformSchema,
  type Script,
  type ScriptInput,
  type ScriptProvider,
  type ScriptResult,
  scriptSchema,
} from '@reelsmith/core';
import { z } from 'zod';
import { hashSeed, seededRandom } from '../shared/seeded-random.js';
import { affiliateLink } from './affiliate-link.js';
import { buildHashtags, hashtagPattern } from './hashtags.js';
import { productFacts } from './product-facts.js';
import { buildCaptions, buildDescription } from './script-copy.js';
import { writeScript } from './write-script.js';

/** The statement the Amazon Associates Program requires, word for word. */
export const amazonAssociatesDisclosure = 'As an Amazon Associate I earn from qualifying purchases.';

/** Settings of {@link createLocalScriptWriter}. Every field is optional. */
export interface LocalScriptWriterSettings {
  /** Provider id. Default `local:script`. */
  id?: string;
  /** The affiliate program's disclosure, put in the description and every caption. Default: the Amazon Associates statement. */
  disclosure?: string;
  /** The link-level disclosure written next to each link. Default `(paid link)`. */
  linkLabel?: string;
  /** Amazon Associates tag (`yourname-20`): builds `https://www.amazon.com/dp/{ASIN}?tag=…` when the product has no `affiliateUrl`. */
  associateTag?: string;
  /** Speak the star rating and rating count (only if freshly read from the store). Default true. */
  includeRatings?: boolean;
  /** Spoken words in hook + scenes + call to action, at most. Default 90 (about 30–36 s). */
  maxWords?: number;
  /** Most hashtags. Default 10. */
  maxHashtags?: number;
  /** Hashtags always added (with or without `#`), letters and digits only. */
  extraHashtags?: string[];
}

const settingsSchema = z.strictObject({
  id: z.string().trim().min(1).default('local:script'),
  disclosure: z.string().trim().min(1).default(amazonAssociatesDisclosure),
  linkLabel: z.string().trim().min(1).default('(paid link)'),
  associateTag: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]+-\d{2}$/, 'is not an Associates tag')
    .optional(),
  includeRatings: z.boolean().default(true),
  maxWords: z.int().min(30).max(200).default(90),
  maxHashtags: z.int().min(1).max(30).default(10),
  extraHashtags: z.array(z.string().regex(/^#?[A-Za-z0-9]+$/, 'is not a valid hashtag')).default([]),
});

const settingsHints = {
  associateTag: 'use your tag from Associates Central, like `yourname-20`',
  maxWords: 'use a whole number from 30 to 200; about 2.5 words are spoken per second',
  'extraHashtags[]': 'use letters and digits only, e.g. `#KitchenGadgets`',
  disclosure: 'write the statement your affiliate program requires',
};

const inputSchema = z.looseObject({
  product: z.looseObject({ title: z.string().trim().min(1, 'is empty') }),
  scenes: z
    .object({ min: z.int().min(1).max(20), max: z.int().min(1).max(20) })
    .refine((scenes) => scenes.min <= scenes.max, { message: 'is less than scenes.min', path: ['max'] })
    .optional(),
  platforms: z.array(platformSchema).optional(),
  seed: z.number().finite().optional(),
});

const inputHints = {
  'product.title': 'give the product its title; the local script is written from the product facts',
  'scenes.max': 'use scene bounds with 1 ≤ min ≤ max ≤ 20, e.g. { min: 5, max: 8 }',
  'scenes.min': 'use scene bounds with 1 ≤ min ≤ max ≤ 20, e.g. { min: 5, max: 8 }',
};

const calmStyle = /calm|honest|review|relax|soft|minimal|gentle|informative/i;
const energeticStyle = /energetic|hype|fun|bold|upbeat|excit|punchy|lively/i;

/**
 * Creates the offline script writer: hook, 5–8 scenes, call to action, title, description with
 * the affiliate disclosure, hashtags and per-platform captions, all from the product's own facts
 * (title, brand, bullets, rating, review snippets). Deterministic for a product and `seed`;
 * English only; never states a price (it says "check today's price").
 *
 * @example
 * ```ts
 * const writer = createLocalScriptWriter({ associateTag: 'yourname-20' });
 * const { script } = await writer.generateScript({ product, seed: 1, platforms: ['youtube'] });
 * ```
 */
export function createLocalScriptWriter(settings: LocalScriptWriterSettings = {}): ScriptProvider {
  return new LocalScriptWriter(
    parseConfig('createLocalScriptWriter', settingsSchema, settings, settingsHints),
  );
}

class LocalScriptWriter implements ScriptProvider {
  readonly specificationVersion = 'v1';
  readonly capability = 'script';
  readonly id: string;
  readonly #settings: z.output<typeof settingsSchema>;

  constructor(settings: z.output<typeof settingsSchema>) {
    this.id = settings.id;
    this.#settings = settings;
  }

  estimateCost(): Cost {
    return { usd: 0 };
  }

  async generateScript(input: ScriptInput, options: CallOptions = {}): Promise<ScriptResult> {
    const { signal } = options;
    signal?.throwIfAborted();
    parseConfig(`${this.id} generateScript`, inputSchema, input, inputHints);
    const settings = this.#settings;
    const warnings = this.#warnings(input);
    const calm = calmStyle.test(input.style ?? '') && !energeticStyle.test(input.style ?? '');
    const random = seededRandom(hashSeed(input.product.title.trim(), input.seed ?? 0));
    const facts = productFacts(input.product, { includeRatings: settings.includeRatings });
    const body = writeScript({ facts, random, calm }, input.scenes ?? { min: 5, max: 8 }, settings.maxWords);
    signal?.throwIfAborted();

    const link = affiliateLink(input.product, settings.associateTag);
    if (!link) {
      warnings.push({
        type: 'shortfall',
        message: 'the product has no url or affiliateUrl, so the description has no link',
      });
    } else if (!link.tagged) {
      warnings.push({
        type: 'other',
        message:
          'the link is not an affiliate link: set associateTag, or product.affiliateUrl, to earn from it',
      });
    }
    const hashtags = buildHashtags(facts, random, settings.extraHashtags, settings.maxHashtags).filter(
      (tag) => hashtagPattern.test(tag),
    );
    const copy = {
      body,
      facts,
      link,
      hashtags,
      disclosure: settings.disclosure,
      linkLabel: settings.linkLabel,
    };
    const script: Script = scriptSchema.parse({
      title: body.title,
      hook: body.hook,
      scenes: body.scenes,
      callToAction: body.callToAction,
      description: buildDescription(copy),
      hashtags,
      ...(input.platforms && input.platforms.length > 0
        ? { captions: buildCaptions(copy, input.platforms) }
        : {}),
    });
    signal?.throwIfAborted();
    return { script, cost: { usd: 0 }, warnings };
  }

  #warnings(input: ScriptInput): CallWarning[] {
    const warnings: CallWarning[] = [];
    if (input.language && !/^en(?:-|$)/i.test(input.language)) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'language',
        message: `the local script writer writes English only; "${input.language}" was ignored`,
      });
    }
    if (input.style && !calmStyle.test(input.style) && !energeticStyle.test(input.style)) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'style',
        message: `style "${input.style}" is not one the local writer knows (calm or energetic); energetic was used`,
      });
    }
    return warnings;
  }
}

/** A script writer with default settings (Amazon Associates disclosure, no tag). */
export const localScriptWriter: ScriptProvider = createLocalScriptWriter();
