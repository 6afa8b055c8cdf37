const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** True for the code points XML 1.0 allows in a document. */
function allowedInXml(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    codePoint >= 0x10000
  );
}

/**
 * Escapes text for an XML/SVG text node or attribute, and drops characters XML 1.0 forbids
 * (control characters other than tab and line breaks, lone surrogates).
 */
export function escapeXml(text: string): string {
  let out = '';
  for (const character of text) {
    if (!allowedInXml(character.codePointAt(0) ?? 0)) continue;
    out += entities[character] ?? character;
  }
  return out;
}
