/** Words of `text` (runs of non-space characters). */
export function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** Number of words in `text`. */
export function countWords(text: string): number {
  return words(text).length;
}

/** Collapses whitespace and strips stray quotes, bullets and trailing punctuation. */
export function tidy(text: string): string {
  return text
    .replace(/[\u2022\u25cf\u25aa\u2713\u2714\u2705]/g, ' ')
    .replace(/["“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-–—:;,.\s]+/, '')
    .replace(/[-–—:;,.\s]+$/, '');
}

const acronyms = new Set([
  'usb',
  'usb-c',
  'bpa',
  'led',
  'uv',
  'anc',
  'enc',
  'hd',
  'ai',
  'bt',
  'ipx',
  'diy',
  'tv',
  'pc',
]);

/**
 * Sentence case for Amazon-style ALL-CAPS headings (`KEEPS DRINKS COLD` → `Keeps drinks cold`):
 * words with digits and known acronyms stay upper case. Text that is not mostly upper case is
 * only capitalized.
 */
export function sentenceCase(text: string): string {
  const letters = text.replace(/[^A-Za-z]/g, '');
  const upper = letters.replace(/[^A-Z]/g, '').length;
  const shouting = letters.length >= 4 && upper / letters.length > 0.7;
  const cased = shouting
    ? words(text)
        .map((word) =>
          acronyms.has(word.toLowerCase())
            ? word
            : word
                .split('-')
                .map((part) => (keepsCase(part) ? part : lowerWord(part)))
                .join('-'),
        )
        .join(' ')
    : text;
  return capitalize(cased);
}

const properNames: Record<string, string> = {
  bluetooth: 'Bluetooth',
  wifi: 'WiFi',
  'wi-fi': 'Wi-Fi',
  alexa: 'Alexa',
};

function keepsCase(word: string): boolean {
  return /\d/.test(word) || acronyms.has(word.toLowerCase());
}

function lowerWord(word: string): string {
  const lower = word.toLowerCase();
  return properNames[lower] ?? lower;
}

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless the first word looks like an acronym or a name with digits. */
export function decapitalize(text: string): string {
  const [first = ''] = words(text);
  if (/^[A-Z0-9-]{2,}$/.test(first) || /\d/.test(first)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `text` ending with exactly one sentence mark. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]["”’]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const clauseBoundary =
  /[;.!?]\s|,\s(?=(?:so|and|but|which|while|plus|making|even|then|for|from|perfect|ideal|great)\b)|\s[-–—]\s|\s(?:and|but|so|while|with|plus)\s/g;
const listPattern = /[\w/-]+(?:\s[\w/-]+)?(?:,\s[\w/-]+(?:\s[\w/-]+)?)+,?\s(?:and|or)\s[\w/-]+/g;

/**
 * The longest leading part of `text` that ends at a clause boundary (`,` `;` `.` `—` ` - ` ` and `)
 * and has at most `maxWords` words, or `undefined` when even the first clause is longer.
 */
export function leadingClause(text: string, maxWords: number): string | undefined {
  const clean = tidy(text);
  if (countWords(clean) <= maxWords) return clean;
  // Never cut inside a list ("gas, electric and induction"): the cut would change the meaning.
  const lists = [...clean.matchAll(listPattern)].map(
    (list) => [list.index, list.index + list[0].length] as const,
  );
  // Cut at sentence marks, dashes, conjunctions, and commas that open a new clause (not a list of adjectives).
  const boundaries = [...clean.matchAll(clauseBoundary)].filter(
    (boundary) => !lists.some(([start, end]) => boundary.index > start && boundary.index < end),
  );
  let best: string | undefined;
  for (const boundary of boundaries) {
    const part = tidy(clean.slice(0, boundary.index));
    if (countWords(part) > maxWords) break;
    if (countWords(part) >= 3) best = part;
  }
  return best;
}

/** The first `maxWords` words of `text`. */
export function firstWords(text: string, maxWords: number): string {
  return words(text).slice(0, maxWords).join(' ');
}

/** Cuts `text` to at most `maxLength` characters at a word boundary. */
export function clip(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const space = cut.lastIndexOf(' ');
  return tidy(space > maxLength * 0.5 ? cut.slice(0, space) : text.slice(0, maxLength));
}

/** `12480` → `over 12,000`; `845` → `845`. For spoken review counts. */
export function roughCount(count: number): string {
  if (count < 1000) return String(count);
  const magnitude = 10 ** (Math.floor(Math.log10(count)) - 1);
  const floored = Math.floor(count / magnitude) * magnitude;
  return `${floored === count ? '' : 'over '}${floored.toLocaleString('en-US')}`;
}
