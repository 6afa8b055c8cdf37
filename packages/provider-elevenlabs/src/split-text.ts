/** Counts characters the way ElevenLabs bills and limits them: Unicode code points. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Where the text may be cut, from the best place to the worst. */
const boundaries: readonly RegExp[] = [
  // Sentence ends (with closing quotes or brackets) before a space, and line breaks.
  /[.!?…。！？]+["'”’)\]]*(?=\s)|\n/gu,
  // Clause punctuation before a space.
  /[,;:–—](?=\s)/gu,
  // Any space.
  /(?=\s)/gu,
];

interface Range {
  start: number;
  end: number;
}

/**
 * Splits `text` into chunks of at most `maxCharacters` characters each (code points), cutting at
 * sentence ends where possible, then at clause punctuation, then at spaces, and only inside a
 * word when a single word is longer than the limit. Chunks are as long as the limit allows,
 * keep the text between their first and last sentence as written, and never start or end with
 * spaces. Blank text gives no chunks.
 */
export function splitText(text: string, maxCharacters: number): string[] {
  if (!(maxCharacters >= 1)) throw new RangeError('maxCharacters must be at least 1');
  const splitter = new Splitter(text, Math.floor(maxCharacters));
  const whole = splitter.trim({ start: 0, end: text.length });
  if (!whole) return [];
  return splitter.split(whole, 0).map((range) => text.slice(range.start, range.end));
}

// ---------------------------------------------------------------------------------------------

class Splitter {
  /** `prefix[i]`: code points in `text.slice(0, i)`. */
  private readonly prefix: Uint32Array;

  constructor(
    private readonly text: string,
    private readonly max: number,
  ) {
    this.prefix = new Uint32Array(text.length + 1);
    for (let index = 0; index < text.length; index += 1) {
      const low = isLowSurrogate(text, index) && index > 0 && isHighSurrogate(text, index - 1);
      this.prefix[index + 1] = (this.prefix[index] as number) + (low ? 0 : 1);
    }
  }

  split(range: Range, level: number): Range[] {
    if (this.count(range) <= this.max) return [range];
    const pattern = boundaries[level];
    if (!pattern) return this.hardCut(range);
    const pieces: Range[] = [];
    let start = range.start;
    for (const match of this.text.slice(range.start, range.end).matchAll(pattern)) {
      const cut = range.start + match.index + match[0].length;
      const piece = this.trim({ start, end: cut });
      if (piece) pieces.push(...this.split(piece, level + 1));
      start = cut;
    }
    const last = this.trim({ start, end: range.end });
    if (last) pieces.push(...this.split(last, level + 1));
    return this.pack(pieces);
  }

  trim(range: Range): Range | undefined {
    let { start, end } = range;
    while (start < end && /\s/u.test(this.text[start] as string)) start += 1;
    while (end > start && /\s/u.test(this.text[end - 1] as string)) end -= 1;
    return end > start ? { start, end } : undefined;
  }

  /** Joins neighbouring pieces while the joined text fits. */
  private pack(pieces: readonly Range[]): Range[] {
    const packed: Range[] = [];
    for (const piece of pieces) {
      const previous = packed.at(-1);
      if (previous && this.count({ start: previous.start, end: piece.end }) <= this.max) {
        previous.end = piece.end;
      } else {
        packed.push({ ...piece });
      }
    }
    return packed;
  }

  /** Cuts every `max` code points (a word longer than the limit). */
  private hardCut(range: Range): Range[] {
    const pieces: Range[] = [];
    let start = range.start;
    while (start < range.end) {
      let end = start;
      let taken = 0;
      while (end < range.end && taken < this.max) {
        end += isHighSurrogate(this.text, end) && isLowSurrogate(this.text, end + 1) ? 2 : 1;
        taken += 1;
      }
      pieces.push({ start, end });
      start = end;
    }
    return pieces;
  }

  private count(range: Range): number {
    return (this.prefix[range.end] as number) - (this.prefix[range.start] as number);
  }
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
