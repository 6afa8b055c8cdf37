/** The result of {@link wrapText}. */
export interface WrappedText {
  lines: string[];
  /** True when text was cut to fit `maxLines` (the last line then ends with `…`). */
  truncated: boolean;
}

/** Measures a line; by default its length in characters. */
export type Measure = (line: string) => number;

const characters: Measure = (line) => [...line].length;

/**
 * Greedy word wrap to lines no wider than `maxWidth` (as `measure` counts it; characters by
 * default) and at most `maxLines` lines. Words longer than a line are split; text that does not
 * fit ends with an ellipsis. Whitespace is collapsed.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  maxLines: number,
  measure: Measure = characters,
): WrappedText {
  const width = Math.max(measure('W'), maxWidth);
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => splitLongWord(word, width, measure));
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current === '') current = word;
    else if (measure(`${current} ${word}`) <= width) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, Math.max(1, maxLines));
  const lastIndex = kept.length - 1;
  kept[lastIndex] = withEllipsis(kept[lastIndex] ?? '', width, measure);
  return { lines: kept, truncated: true };
}

function splitLongWord(word: string, width: number, measure: Measure): string[] {
  const parts: string[] = [];
  let part = '';
  for (const character of word) {
    if (part !== '' && measure(part + character) > width) {
      parts.push(part);
      part = '';
    }
    part += character;
  }
  if (part !== '') parts.push(part);
  return parts;
}

function withEllipsis(line: string, width: number, measure: Measure): string {
  const fits = (base: string) => measure(`${base}…`) <= width;
  let base = line.replace(/[\s.,;:!?-]+$/, '');
  while (!fits(base) && base.includes(' ')) base = base.slice(0, base.lastIndexOf(' '));
  while (!fits(base) && base.length > 0) base = [...base].slice(0, -1).join('');
  return `${base}…`;
}
