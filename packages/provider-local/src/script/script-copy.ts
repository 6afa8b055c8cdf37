import type { Platform } from '@reelsmith/core';
import type { ProductFacts } from './product-facts.js';
import { clip } from './text-tools.js';
import type { ScriptBody } from './write-script.js';

/** What the description and captions are written from. */
export interface CopyInput {
  body: ScriptBody;
  facts: ProductFacts;
  link: { url: string; tagged: boolean } | undefined;
  hashtags: string[];
  /** The affiliate program's statement, e.g. the Amazon Associates sentence. */
  disclosure: string;
  /** The link-level disclosure next to every link, e.g. `(paid link)`. */
  linkLabel: string;
}

/** Caption length limits per platform (characters) and hashtag limits. */
const limits: Record<Platform, { chars: number; hashtags: number }> = {
  youtube: { chars: 5000, hashtags: 15 },
  instagram: { chars: 2200, hashtags: 30 },
  tiktok: { chars: 2200, hashtags: 8 },
  wordpress: { chars: 20_000, hashtags: 0 },
};

const priceNote = 'Prices and availability change; check the current price at the link.';

/**
 * The long description: hook, highlights, the link with its link-level disclosure, a price
 * note (no price is ever stated), the program disclosure and the hashtags.
 */
export function buildDescription(input: CopyInput): string {
  return compose(input, 'youtube', linkLine(input), false);
}

/** Captions for each platform asked for, each with both disclosures and within its limits. */
export function buildCaptions(
  input: CopyInput,
  platforms: readonly Platform[],
): Partial<Record<Platform, string>> {
  const captions: Partial<Record<Platform, string>> = {};
  for (const platform of platforms) {
    const inBio = platform === 'instagram' || platform === 'tiktok';
    // Instagram and TikTok captions cannot hold clickable links: the link goes in the bio.
    const link = inBio ? (input.link ? `Link in bio ${input.linkLabel}.` : undefined) : linkLine(input);
    captions[platform] = compose(input, platform, link, platform === 'youtube');
  }
  return captions;
}

function linkLine({ link, linkLabel }: CopyInput): string | undefined {
  if (!link) return undefined;
  return link.tagged ? `Get it here: ${link.url} ${linkLabel}` : `Product page: ${link.url}`;
}

function compose(input: CopyInput, platform: Platform, link: string | undefined, shorts: boolean): string {
  const limit = limits[platform];
  const tags = [...input.hashtags.slice(0, limit.hashtags)];
  if (shorts && !tags.some((tag) => tag.toLowerCase() === '#shorts')) tags.push('#Shorts');
  // The program statement plus `#ad` keep the ad disclosed even without hashtags.
  const disclosure =
    limit.hashtags === 0 || !tags.includes('#ad') ? `${input.disclosure} #ad` : input.disclosure;
  const highlights = input.body.highlights.slice(0, platform === 'tiktok' ? 2 : 5).map((line) => `• ${line}`);
  const build = (lines: string[]) =>
    [
      input.body.hook,
      lines.join('\n'),
      [link, input.facts.hasPrice ? priceNote : undefined].filter(Boolean).join('\n'),
      disclosure,
      tags.join(' '),
    ]
      .filter((part) => part !== '')
      .join('\n\n');
  let text = build(highlights);
  while (text.length > limit.chars && highlights.length > 0) {
    highlights.pop();
    text = build(highlights);
  }
  return text.length > limit.chars ? clip(text, limit.chars) : text;
}
