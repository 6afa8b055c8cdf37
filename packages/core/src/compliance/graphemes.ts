const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const encoder = new TextEncoder();

/** How a platform counts caption length. */
export type LengthUnit = 'graphemes' | 'utf8-bytes';

/** The length of `text` in `unit`: user-perceived characters (an emoji is one) or UTF-8 bytes. */
export function measure(text: string, unit: LengthUnit): number {
  if (unit === 'utf8-bytes') return encoder.encode(text).byteLength;
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/**
 * The longest prefix of `text` whose length in `unit` is at most `max`, cut between graphemes
 * (never inside an emoji or a combined character) and preferably at a word boundary.
 */
export function clipTo(text: string, max: number, unit: LengthUnit): string {
  if (measure(text, unit) <= max) return text;
  let kept = '';
  let size = 0;
  for (const { segment } of segmenter.segment(text)) {
    const next = unit === 'utf8-bytes' ? encoder.encode(segment).byteLength : 1;
    if (size + next > max) break;
    kept += segment;
    size += next;
  }
  const space = kept.search(/\s\S*$/);
  return (space > kept.length * 0.6 ? kept.slice(0, space) : kept).trimEnd();
}
