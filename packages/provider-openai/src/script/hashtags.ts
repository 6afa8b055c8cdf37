/** Hashtags inside a text: `#` then letters, digits or underscores (any script). */
const hashtagInText = /(^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;

/**
 * `'pour-over kettle'` → `#PourOverKettle`, `'#ad'` → `#ad`; `undefined` when no letter is left.
 * One word keeps its case; several are joined in CamelCase.
 */
export function toHashtag(text: string): string | undefined {
  const parts = text
    .replace(/^#+/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const joined =
    parts.length === 1
      ? (parts[0] ?? '')
      : parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
  const tag = `#${joined.slice(0, 60)}`;
  return /\p{L}/u.test(joined) ? tag : undefined;
}

/** Normalizes tags and drops duplicates (ignoring case), keeping the first spelling and the order. */
export function uniqueHashtags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const candidate of tags) {
    const tag = toHashtag(candidate);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** The hashtags written in a text, in order. */
export function extractHashtags(text: string): string[] {
  return [...text.matchAll(hashtagInText)].map((match) => `#${match[2]}`);
}

/** The text without its hashtags, spaces tidied. */
export function removeHashtags(text: string): string {
  return tidy(text.replace(hashtagInText, '$1'));
}

/** Keeps the first `cap` hashtags of a text and removes the others. */
export function limitHashtagsInText(text: string, cap: number): string {
  let kept = 0;
  const limited = text.replace(hashtagInText, (whole, before: string) => {
    kept += 1;
    return kept <= cap ? whole : before;
  });
  return kept <= cap ? text : tidy(limited);
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
