const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => replacements[character] as string);
}

/** The URL, normalized, when it is an absolute `https:` URL; undefined otherwise (never `javascript:`). */
export function httpsUrl(value: string): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'https:' ? url.href : undefined;
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#039': "'",
  apos: "'",
};

/** Decodes the few entities WordPress puts in term names and rendered titles (`&amp;` → `&`). */
export function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#0?39|apos|#(\d+));/g, (whole, name: string, code?: string) =>
    code ? String.fromCodePoint(Number(code)) : (entities[name] ?? whole),
  );
}
