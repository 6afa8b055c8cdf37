import type { Platform, Product, ScriptInput } from '@reelsmith/core';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ResolvedOpenAISettings } from '../openai-settings.js';

/** Settings the prompt reads. */
type ScriptPromptSettings = ResolvedOpenAISettings['script'];

/** The platforms a script writes captions for, without duplicates. */
export function requestedPlatforms(input: ScriptInput): Platform[] {
  return [...new Set(input.platforms ?? [])];
}

/**
 * The system and user messages for a script: the rules of short affiliate videos (no exact
 * prices, paraphrased reviews, the disclosure) and the product's own facts.
 */
export function scriptMessages(
  input: ScriptInput,
  settings: ScriptPromptSettings,
): ChatCompletionMessageParam[] {
  const scenes = input.scenes ?? { min: 5, max: 8 };
  const platforms = requestedPlatforms(input);
  const rules = [
    'You write scripts for short vertical affiliate videos (about 30–45 seconds) that a voice reads over one image per scene.',
    `Write ${scenes.min === scenes.max ? scenes.min : `${scenes.min} to ${scenes.max}`} scenes. Each scene \`text\` is one spoken sentence of at most 20 words.`,
    'Each scene `imagePrompt` describes a photorealistic vertical 9:16 picture that shows this exact product (same shape, colours, labels) in a setting that fits the line; no on-image text, no logos other than the product’s own.',
    'The `hook` stops the scroll in at most 12 words. The `callToAction` sends viewers to the link in the description.',
    'Use only the facts given. Never state a price or a discount: say "check today’s price". Do not imply that Amazon endorses the video. Paraphrase reviews; never quote them at length.',
    'The `title` has at most 90 characters and no < or >.',
    `The \`description\` is 2–4 sentences and ends with the disclosure, word for word: "${settings.disclosure}"`,
    `\`hashtags\`: at most ${settings.maxHashtags}, starting with #ad, letters and digits only.`,
  ];
  if (platforms.length > 0) {
    const caps = platforms
      .map(
        (platform) =>
          `${platform}: at most ${settings.hashtagCaps[platform]} hashtags and ${settings.captionMaxLength[platform]} characters`,
      )
      .join('; ');
    rules.push(
      `Write one caption per platform in \`captions\` (${caps}). Each caption includes #ad and the disclosure.`,
    );
  }
  if (input.language) rules.push(`Write every text field in the language ${input.language}.`);
  if (input.style) rules.push(`Tone and style: ${input.style}.`);
  return [
    { role: 'system', content: rules.join('\n') },
    { role: 'user', content: productFacts(input.product, settings.includeRatings) },
  ];
}

/** The product's facts as a short labelled list (prices are left out on purpose). */
export function productFacts(product: Product, includeRatings: boolean): string {
  const lines = [`Product: ${product.title}`];
  if (product.brand) lines.push(`Brand: ${product.brand}`);
  if (product.category) lines.push(`Category: ${product.category}`);
  if (includeRatings && product.rating !== undefined) {
    const count = product.reviewCount !== undefined ? ` from ${product.reviewCount} ratings` : '';
    lines.push(`Rating: ${product.rating} out of 5${count}`);
  }
  const bullets = product.bullets ?? [];
  if (bullets.length > 0) lines.push('Features:', ...bullets.slice(0, 10).map((bullet) => `- ${bullet}`));
  const reviews = product.reviews ?? [];
  if (reviews.length > 0) {
    lines.push(
      'What reviewers say (paraphrase only):',
      ...reviews
        .slice(0, 5)
        .map((review) => `- ${review.title ? `${review.title}: ` : ''}${clip(review.text, 300)}`),
    );
  }
  if (product.affiliateUrl) lines.push(`Affiliate link: ${product.affiliateUrl}`);
  return lines.join('\n');
}

function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}
