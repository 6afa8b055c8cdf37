import { discloseCaption, hasMarker, measure, type PublishDraft } from '@reelsmith/core';
import { instagramDefaults } from './instagram-defaults.js';
import { type InstagramCaptionSettings, resolveCaptionSettings } from './instagram-settings.js';

/** Settings of {@link adaptCaption}; every field is optional. */
export interface AdaptCaptionSettings {
  /** Caption length and hashtag cap. Default `instagramDefaults.limits`. */
  limits?: { captionGraphemes?: number; hashtags?: number };
  caption?: InstagramCaptionSettings;
}

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/giu;
const hashtagPattern = /(^|[^\p{L}\p{N}_&#/])#([\p{L}\p{N}_]+)/gu;
const mentionPattern = /(^|[^\p{L}\p{N}_.@/])@([A-Za-z0-9._]{1,30})/gu;

/** The hashtags of `text`, lower-cased, in order, without repeats (`#ad` included). */
export function hashtagsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(hashtagPattern)) found.add(`#${(match[2] ?? '').toLowerCase()}`);
  return [...found];
}

/** How many `@mentions` `text` holds (e-mail addresses are not mentions). */
export function countMentions(text: string): number {
  return [...text.matchAll(mentionPattern)].length;
}

/** The caption line that carries the publish marker, e.g. `ref: rsm-1a2b…`. */
export function markerLine(marker: string, prefix = 'ref:'): string {
  return `${prefix} ${marker}`;
}

/**
 * Writes the Instagram caption of a draft:
 * 1. raw URLs become "Link in bio" (Instagram captions have no clickable links);
 * 2. `draft.metadata.callToAction` is added as a line before the disclosures when missing;
 * 3. the disclosure and `#ad` (already in `draft.description` from the compliance guard, or added
 *    when the draft carries affiliate `links`) are kept whole: when the text is too long the body
 *    is shortened with core's `discloseCaption`/`fitCaption`, never the disclosures;
 * 4. hashtags from `draft.tags` and `draft.metadata.hashtags` are added up to the hashtag cap
 *    (hashtags already in the text, `#ad` included, count), and only while they fit without
 *    shortening the body;
 * 5. the last line is `ref: <marker>`, which `findExisting` looks for. It is plain text, so it does
 *    not count against the hashtag cap.
 *
 * Resolves `undefined` when the disclosures and the marker line alone exceed the limit.
 *
 * @example
 * ```ts
 * adaptCaption({ ...draft, description: 'Cold for 24 h https://amzn.to/x (paid link) #ad' });
 * // 'Cold for 24 h Link in bio (paid link) #ad\nAs an Amazon Associate …\n\n#bottle\nref: rsm-…'
 * ```
 */
export function adaptCaption(draft: PublishDraft, settings: AdaptCaptionSettings = {}): string | undefined {
  const limit = settings.limits?.captionGraphemes ?? instagramDefaults.limits.captionGraphemes;
  const cap = settings.limits?.hashtags ?? instagramDefaults.limits.hashtags;
  const options = resolveCaptionSettings(settings.caption);
  const link = draft.links?.[0];
  let body = replaceLinks(draft.description, options.linkInBio);
  const callToAction = draft.metadata?.callToAction;
  if (options.callToAction && typeof callToAction === 'string' && callToAction.trim() !== '') {
    body = withCallToAction(body, callToAction.trim(), options);
  }
  const affiliate = link !== undefined;
  const rule = {
    limit: Number.POSITIVE_INFINITY,
    unit: 'graphemes' as const,
    links: 'bio' as const,
    disclosure:
      options.disclosure !== false && (affiliate || flat(body).includes(flat(options.disclosure)))
        ? options.disclosure
        : (false as const),
    marker:
      options.adMarker !== false && (affiliate || hasMarker(body, options.adMarker))
        ? options.adMarker
        : (false as const),
  };
  const parts = { ...(link ? { link } : {}), linkLabel: options.linkLabel };
  const reference = markerLine(draft.marker, options.markerPrefix);
  const whole = discloseCaption(body, rule, parts) ?? body;
  const present = new Set(hashtagsIn(whole));
  const extra = tagsOf(draft).filter((tag) => !present.has(tag.toLowerCase()));
  const room = Math.max(0, cap - present.size);
  for (let count = Math.min(room, extra.length); count >= 0; count -= 1) {
    const tail = [extra.slice(0, count).join(' '), reference].filter((line) => line !== '').join('\n');
    const caption = `${whole.trim()}\n\n${tail}`;
    if (measure(caption, 'graphemes') <= limit) return caption;
  }
  // Too long even without extra hashtags: shorten the body, keep every disclosure and the marker line.
  const bodyLimit = limit - measure(`\n\n${reference}`, 'graphemes');
  const fitted = discloseCaption(body, { ...rule, limit: bodyLimit }, parts);
  return fitted === undefined ? undefined : `${fitted.trim()}\n\n${reference}`;
}

/** Replaces the first raw URL with `linkInBio` (unless the text says it already) and drops the rest. */
function replaceLinks(text: string, linkInBio: string): string {
  let said = flat(text).includes(flat(linkInBio));
  const replaced = text.replace(urlPattern, () => {
    if (said) return '';
    said = true;
    return linkInBio;
  });
  return replaced
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').trimEnd())
    .join('\n')
    .trim();
}

/** Puts the call to action before the first disclosure line ("Link in bio", the statement, `#ad`), or at the end. */
function withCallToAction(
  body: string,
  callToAction: string,
  options: Required<InstagramCaptionSettings>,
): string {
  if (flat(body).includes(flat(callToAction))) return body;
  const lines = body.split('\n');
  const statements = [options.disclosure, options.adMarker].filter(
    (value): value is string => typeof value === 'string',
  );
  const index = lines.findIndex(
    (line) =>
      flat(line).startsWith(flat(options.linkInBio)) ||
      statements.some((statement) => flat(line).includes(flat(statement))),
  );
  const line = `👉 ${callToAction}`;
  if (index < 0) return `${body}\n\n${line}`;
  return [...lines.slice(0, index), line, ...lines.slice(index)].join('\n');
}

/** `draft.tags` then `draft.metadata.hashtags`, as `#tag`, without repeats or characters hashtags cannot hold. */
function tagsOf(draft: PublishDraft): string[] {
  const fromMetadata = draft.metadata?.hashtags;
  const all = [...draft.tags, ...(Array.isArray(fromMetadata) ? fromMetadata : [])];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of all) {
    if (typeof value !== 'string') continue;
    const word = value.replace(/^#+/, '').replace(/[^\p{L}\p{N}_]/gu, '');
    if (word === '' || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    tags.push(`#${word}`);
  }
  return tags;
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
