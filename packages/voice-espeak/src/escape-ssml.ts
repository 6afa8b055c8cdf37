/** Text escaped for eSpeak NG, with a way back to offsets in the original. */
export interface EscapedText {
  text: string;
  /**
   * The UTF-16 offset in the original text of the code point at `index` (0-based) of the escaped
   * text. eSpeak reports positions in code points of the text it was given.
   */
  sourceOffset(index: number): number;
}

const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Escapes `<`, `>` and `&`: eSpeak NG reads its input as SSML, so `x<y` or `fish &amp; chips`
 * would otherwise be read as markup and words would go missing.
 */
export function escapeSsml(original: string): EscapedText {
  let text = '';
  // offsets[i] is the original UTF-16 offset of code point i of the escaped text.
  const offsets: number[] = [];
  let offset = 0;
  for (const character of original) {
    const replacement = entities[character] ?? character;
    for (const _ of replacement) offsets.push(offset);
    text += replacement;
    offset += character.length;
  }
  offsets.push(offset);
  return {
    text,
    sourceOffset: (index) => offsets[Math.min(Math.max(index, 0), offsets.length - 1)] as number,
  };
}
