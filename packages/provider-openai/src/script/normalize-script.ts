import { type CallWarning, type Platform, type Product, type Script, scriptSchema } from '@reelsmith/core';
import type { ResolvedOpenAISettings } from '../openai-settings.js';
import { extractHashtags, limitHashtagsInText, removeHashtags, uniqueHashtags } from './hashtags.js';
import type { ScriptOutput } from './script-output-schema.js';

/** What {@link normalizeScript} needs besides the model's answer. */
export interface NormalizeScriptContext {
  product: Product;
  scenes: { min: number; max: number };
  platforms: readonly Platform[];
  settings: ResolvedOpenAISettings['script'];
  /** Throws the provider's error for an unusable answer. */
  fail: (message: string) => never;
}

const titleMax = 100;
const pricePattern = /[$€£¥]\s?\d|\d+(?:[.,]\d+)?\s?(?:USD|EUR|GBP|dollars?|euros?)\b/i;

/**
 * Turns the model's answer into a `scriptSchema`-valid script the code can vouch for: a title of
 * at most 100 characters without `<` or `>`, the scene count within bounds, `#ad` first and at
 * most `maxHashtags` hashtags, the affiliate link and disclosure in the description, and each
 * platform caption within its hashtag cap and length, with the disclosure and `#ad`.
 */
export function normalizeScript(
  output: ScriptOutput,
  context: NormalizeScriptContext,
): { script: Script; warnings: CallWarning[] } {
  const { settings, product } = context;
  const warnings: CallWarning[] = [];
  const hook = oneLine(output.hook);
  const callToAction = oneLine(output.callToAction);
  if (!hook) context.fail('the answer has an empty `hook`');
  if (!callToAction) context.fail('the answer has an empty `callToAction`');
  let scenes = output.scenes
    .map((scene) => ({ text: oneLine(scene.text), imagePrompt: oneLine(scene.imagePrompt) }))
    .filter((scene) => scene.text !== '' && scene.imagePrompt !== '');
  if (scenes.length === 0) context.fail('the answer has no scene with both `text` and `imagePrompt`');
  if (scenes.length > context.scenes.max) {
    warnings.push({
      type: 'other',
      message: `the model wrote ${scenes.length} scenes; the last ${scenes.length - context.scenes.max} were dropped (max ${context.scenes.max})`,
    });
    scenes = scenes.slice(0, context.scenes.max);
  } else if (scenes.length < context.scenes.min) {
    warnings.push({
      type: 'shortfall',
      message: `the model wrote ${scenes.length} scenes; ${context.scenes.min} were asked for`,
    });
  }
  const spoken = [hook, ...scenes.map((scene) => scene.text), callToAction].join(' ');
  if (pricePattern.test(spoken)) {
    warnings.push({
      type: 'other',
      message:
        'the spoken script states a price; prices baked into a video go stale (say "check today’s price")',
    });
  }
  const hashtags = uniqueHashtags(['#ad', ...output.hashtags]).slice(0, settings.maxHashtags);
  const script = {
    title: cleanTitle(output.title) || cleanTitle(product.title),
    hook,
    scenes,
    callToAction,
    description: composeDescription(output.description, product, settings),
    hashtags,
    ...(context.platforms.length > 0
      ? {
          captions: Object.fromEntries(
            context.platforms.map((platform) => [
              platform,
              composeCaption(output.captions?.[platform] ?? output.description, platform, settings),
            ]),
          ),
        }
      : {}),
  };
  const parsed = scriptSchema.safeParse(script);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    context.fail(`the script does not match the schema at \`${issue?.path.join('.')}\`: ${issue?.message}`);
  }
  return { script: parsed.data, warnings };
}

/** At most 100 characters (cut at a word), no `<` or `>` (YouTube rejects them), one line. */
export function cleanTitle(title: string): string {
  const flat = oneLine(title.replace(/[<>]/g, ''));
  if (flat.length <= titleMax) return flat;
  const cut = flat.slice(0, titleMax - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

function composeDescription(
  text: string,
  product: Product,
  settings: ResolvedOpenAISettings['script'],
): string {
  const maxLength = settings.captionMaxLength.youtube;
  let body = limitHashtagsInText(
    withoutDisclosure(text.replace(/[<>]/g, ''), settings.disclosure),
    settings.maxHashtags,
  );
  const link = product.affiliateUrl;
  const linkLine = link && !body.includes(link) ? `${link} ${settings.linkLabel}` : '';
  const tail = [linkLine, settings.disclosure].filter(Boolean).join('\n');
  body = clip(body, maxLength - tail.length - 2);
  return [body, tail].filter(Boolean).join('\n\n');
}

function composeCaption(
  text: string,
  platform: Platform,
  settings: ResolvedOpenAISettings['script'],
): string {
  const cap = settings.hashtagCaps[platform];
  const tags = uniqueHashtags(['#ad', ...extractHashtags(text)]).slice(0, cap);
  const tail = [settings.disclosure, tags.join(' ')].filter(Boolean).join('\n\n');
  const body = clip(
    removeHashtags(withoutDisclosure(text, settings.disclosure)),
    settings.captionMaxLength[platform] - tail.length - 2,
  );
  return [body, tail].filter(Boolean).join('\n\n');
}

function withoutDisclosure(text: string, disclosure: string): string {
  return text
    .split(disclosure)
    .join(' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function clip(text: string, length: number): string {
  if (length <= 0) return '';
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > length / 2 ? cut.slice(0, space) : cut}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
