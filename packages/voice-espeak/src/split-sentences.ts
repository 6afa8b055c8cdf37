/** A piece of the input text (UTF-16 offsets, end exclusive). */
export interface TextPiece {
  start: number;
  end: number;
}

/** Longest piece synthesized in one go, in UTF-16 units; longer sentences are cut at a space. */
export const maxPieceLength = 600;

/**
 * Cuts `text` into the pieces synthesized one after another: sentences (ending in `.`, `!`, `?`
 * or `…`, optionally followed by closing quotes or brackets, then a space and not a lower-case
 * letter) and lines. Each piece is a short synchronous call into eSpeak NG, so between pieces the
 * event loop runs and an aborted signal stops the work. Pieces never start or end with spaces;
 * blank text gives no pieces.
 */
export function splitSentences(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const boundary = /[.!?…]+["'”’)\]]*(?=\s+(?![\p{Ll}]))|\n/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    pushPiece(text, start, end, pieces);
    start = end;
  }
  pushPiece(text, start, text.length, pieces);
  return pieces;
}

// ---------------------------------------------------------------------------------------------

function pushPiece(text: string, from: number, to: number, pieces: TextPiece[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/u.test(text[start] as string)) start += 1;
  while (end > start && /\s/u.test(text[end - 1] as string)) end -= 1;
  while (end - start > maxPieceLength) {
    const space = text.lastIndexOf(' ', start + maxPieceLength);
    let cut = space > start ? space : start + maxPieceLength;
    // Never split a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut -= 1;
    pieces.push({ start, end: cut });
    start = cut;
    while (start < end && /\s/u.test(text[start] as string)) start += 1;
  }
  if (end > start) pieces.push({ start, end });
}
