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

/** The URL when it is an absolute `http:`, `https:` or `mailto:` URL, else undefined (never `javascript:`). */
export function safeLinkUrl(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:' ? value : undefined;
}
