/**
 * Splits text into parts of at most `maxCharacters`, at sentence ends where possible, then at
 * spaces; a single word longer than the limit is cut. Parts keep their words in order, so the
 * audio of the parts can be joined and the word timings offset part by part.
 */
export function splitForSpeech(text: string, maxCharacters: number): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxCharacters) return flat === '' ? [] : [flat];
  const sentences = (flat.match(/[^.!?…]+(?:[.!?…]+["'”’)\]]*|$)/gu) ?? [flat])
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  const parts: string[] = [];
  let current = '';
  const joined = (head: string, tail: string) => (head === '' ? tail : `${head} ${tail}`);
  const push = () => {
    if (current !== '') parts.push(current);
    current = '';
  };
  for (const sentence of sentences) {
    if (joined(current, sentence).length <= maxCharacters) {
      current = joined(current, sentence);
      continue;
    }
    push();
    if (sentence.length <= maxCharacters) {
      current = sentence;
      continue;
    }
    for (const word of sentence.split(' ')) {
      if (word.length > maxCharacters) {
        push();
        for (let at = 0; at < word.length; at += maxCharacters)
          parts.push(word.slice(at, at + maxCharacters));
        continue;
      }
      if (joined(current, word).length > maxCharacters) push();
      current = joined(current, word);
    }
  }
  push();
  return parts;
}
