/** A word of the input text and where it is (UTF-16 offsets, end exclusive). */
export interface TextWord {
  /** The word as written, with its punctuation (`Hello,`), plus any symbol-only tokens beside it. */
  text: string;
  start: number;
  end: number;
}

const letterOrDigit = /[\p{L}\p{N}]/u;

/**
 * Splits `text` into the words a caption track shows: runs of non-space characters holding at
 * least one letter or digit, kept as written (`Don't`, `$24.99`, `great!`). A token with no letter
 * or digit (`—`, `&`, an emoji) is joined to the word before it (or, at the start, the word after
 * it), so every character of the text stays on screen and the word count matches what is spoken.
 */
export function splitWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let pending: TextWord | undefined;
  for (const match of text.matchAll(/\S+/gu)) {
    const token: TextWord = { text: match[0], start: match.index, end: match.index + match[0].length };
    const previous = words.at(-1);
    if (letterOrDigit.test(token.text)) {
      words.push(
        pending ? { text: `${pending.text} ${token.text}`, start: pending.start, end: token.end } : token,
      );
      pending = undefined;
    } else if (previous) {
      previous.text = `${previous.text} ${token.text}`;
      previous.end = token.end;
    } else {
      pending = pending
        ? { text: `${pending.text} ${token.text}`, start: pending.start, end: token.end }
        : token;
    }
  }
  return words;
}

/** The index of the word at UTF-16 offset `position`: the last word starting at or before it (0 before the first). */
export function wordIndexAt(words: readonly TextWord[], position: number): number {
  let low = 0;
  let high = words.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((words[middle] as TextWord).start <= position) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
