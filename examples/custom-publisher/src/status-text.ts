import { discloseCaption, fitCaption, hasMarker, measure, type PublishDraft } from '@reelsmith/core';

/** How many characters Mastodon counts for any URL, whatever its length. */
export const urlCharacters = 23;

/** What {@link composeStatus} needs besides the draft. */
export interface StatusTextSettings {
  /** The server's limit, counted by {@link statusLength}. */
  maxCharacters: number;
  /** At most this many of the draft's tags become hashtags, while they fit. */
  hashtags: number;
  disclosure: string;
  adMarker: string;
  linkLabel: string;
}

const urlPattern = /https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'"]/giu;
const remoteMentionPattern =
  /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*)@[\p{L}\p{N}.-]*[\p{L}\p{N}]/gu;
const hashtagPattern = /(^|[^\p{L}\p{N}_&#/])#([\p{L}\p{N}_]+)/gu;

/**
 * The length of a status the way Mastodon counts it: user-perceived characters (an emoji is
 * one), every `http(s)://` URL as 23 whatever its length, and `@user@domain` as `@user`.
 *
 * @example
 * ```ts
 * statusLength('Cold for 24 h https://www.amazon.com/dp/B0000000000?tag=you-20'); // 14 + 23 = 37
 * ```
 */
export function statusLength(text: string): number {
  const countable = text
    .replace(urlPattern, 'x'.repeat(urlCharacters))
    .replace(remoteMentionPattern, (_match, before: string, user: string) => `${before}@${user}`);
  return measure(countable, 'graphemes');
}

/** The line that carries the publish marker; `findExisting` looks for it. */
export function markerLine(marker: string): string {
  return `ref: ${marker}`;
}

/**
 * Writes the status for a draft, within `maxCharacters` as Mastodon counts them:
 * 1. the description with the affiliate link plus `(paid link)`, the disclosure and `#ad` (each
 *    added when missing; core's `discloseCaption`);
 * 2. the draft's tags as hashtags, as many as fit;
 * 3. the marker line, last.
 *
 * When that is too long, the description is shortened with core's `fitCaption` and the link,
 * disclosure, `#ad` and marker line are kept whole. Resolves `undefined` when those alone do not fit.
 */
export function composeStatus(draft: PublishDraft, settings: StatusTextSettings): string | undefined {
  const link = draft.links?.[0];
  const parts = { ...(link ? { link } : {}), linkLabel: settings.linkLabel };
  const rule = {
    limit: Number.POSITIVE_INFINITY,
    unit: 'graphemes' as const,
    links: 'inline' as const,
    disclosure: settings.disclosure,
    marker: settings.adMarker,
  };
  const reference = markerLine(draft.marker);
  const whole = (discloseCaption(draft.description, rule, parts) ?? draft.description).trim();
  const present = new Set(hashtagsIn(whole));
  const tags = hashtagsOf(draft.tags).filter((tag) => !present.has(tag.toLowerCase()));
  for (let count = Math.min(settings.hashtags, tags.length); count >= 0; count -= 1) {
    const tail = [tags.slice(0, count).join(' '), reference].filter((line) => line !== '').join('\n');
    const text = `${whole}\n\n${tail}`;
    if (statusLength(text) <= settings.maxCharacters) return text;
  }
  // Too long: shorten the description; the link, the disclosures and the marker line stay whole.
  const required = [
    link ? `${link} ${settings.linkLabel}` : undefined,
    `${settings.disclosure} ${settings.adMarker}`,
    reference,
  ]
    .filter((line): line is string => line !== undefined)
    .join('\n');
  const body = withoutRequired(draft.description, link, settings);
  // fitCaption counts graphemes; give it the room Mastodon's URL rule saves, then correct the
  // estimate until the text fits (a short URL in the body counts more than its length).
  let room = settings.maxCharacters + measure(required, 'graphemes') - statusLength(required);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const text = fitCaption(body, required, room, 'graphemes');
    if (text === undefined) return undefined;
    const over = statusLength(text) - settings.maxCharacters;
    if (over <= 0) return text;
    room -= over;
  }
  return undefined;
}

/** The description without the link (and its label), the disclosure and the ad marker. */
function withoutRequired(text: string, link: string | undefined, settings: StatusTextSettings): string {
  let body = text;
  for (const part of [link ? `${link} ${settings.linkLabel}` : undefined, link, settings.disclosure]) {
    if (part) body = body.split(part).join(' ');
  }
  if (hasMarker(body, settings.adMarker)) {
    const escaped = settings.adMarker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    body = body.replace(new RegExp(`(^|\\s)${escaped}(?=$|\\s)`, 'giu'), ' ');
  }
  return body.replace(/[ \t]{2,}/g, ' ').trim();
}

/** The hashtags of `text`, lower-cased, without repeats. */
function hashtagsIn(text: string): string[] {
  return [...new Set([...text.matchAll(hashtagPattern)].map((match) => `#${match[2] ?? ''}`.toLowerCase()))];
}

/** Tags as `#word`: characters a hashtag cannot hold are dropped, repeats left out. */
function hashtagsOf(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const word = tag.replace(/^#+/, '').replace(/[^\p{L}\p{N}_]/gu, '');
    if (word === '' || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    out.push(`#${word}`);
  }
  return out;
}
