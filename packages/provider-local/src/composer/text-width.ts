/**
 * Advance widths of DejaVu Sans Bold, in em, by glyph group (about 5 % over the measured
 * widths). Used to wrap caption lines without measuring the rendered text; other sans-serif
 * fonts are narrower.
 */
const groups: Array<[RegExp, number]> = [
  [/[ijlIJ'!|.,:;]/, 0.38],
  [/\s/, 0.35],
  [/[ftr]/, 0.5],
  [/m/, 1.05],
  [/w/, 0.93],
  [/M/, 1.0],
  [/W/, 1.12],
  [/[a-z]/, 0.7],
  [/[A-Z]/, 0.86],
  [/[0-9]/, 0.7],
  [/[“”‘’"-]/, 0.5],
];

/** Width of one character in em. CJK and other wide scripts count as 1 em. */
export function characterWidthEm(character: string): number {
  for (const [pattern, width] of groups) if (pattern.test(character)) return width;
  return (character.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.8;
}

/** Estimated width of `text` in em, in a bold sans-serif. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const character of text) width += characterWidthEm(character);
  return width;
}
