/** What a WordPress answer's body turned out to be. */
export interface ParsedBody {
  /** `json`: parsed (maybe after skipping junk); `html`: a page (WAF, proxy, PHP error); `text`: anything else. */
  format: 'json' | 'html' | 'text' | 'empty';
  /** The parsed JSON, when `format` is `json`. */
  json?: unknown;
  /** The raw text, cut to 2 000 characters (for error bodies). */
  text: string;
  /** Text printed before the JSON (a BOM, a PHP notice, a plugin's `echo`), when there was any. */
  junk?: string;
}

const maxCandidates = 25;

/**
 * Reads a body defensively. WordPress answers JSON, but hosts and plugins put other things in
 * front: a UTF-8 BOM from a theme file, a PHP `Notice:`/`Deprecated:` line when `display_errors`
 * is on, or a whole HTML page from a firewall, a proxy or PHP itself. JSON preceded by junk is
 * still parsed (and the junk reported); HTML is never passed to `JSON.parse`.
 */
export function parseBody(text: string, contentType: string | null): ParsedBody {
  const clipped = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { format: 'empty', text: '' };
  const hadBom = text.startsWith('\uFEFF');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = tryParse(trimmed);
    if (json.ok)
      return { format: 'json', json: json.value, text: clipped, ...(hadBom ? { junk: 'BOM' } : {}) };
  }
  // JSON after a prefix: try each `{`/`[` that starts a line or follows a tag.
  let tried = 0;
  for (let index = 1; index < trimmed.length && tried < maxCandidates; index += 1) {
    const char = trimmed[index];
    if (char !== '{' && char !== '[') continue;
    const before = trimmed[index - 1];
    if (before !== '\n' && before !== '>' && before !== '\r') continue;
    tried += 1;
    const json = tryParse(trimmed.slice(index));
    if (json.ok) {
      return {
        format: 'json',
        json: json.value,
        text: clipped,
        junk: summarizeJunk(trimmed.slice(0, index)),
      };
    }
  }
  if (
    /^<(!doctype|html|head|body|\?xml|br|div|p|h1|center|title)\b/i.test(trimmed) ||
    /\bhtml\b/i.test(contentType ?? '')
  ) {
    return { format: 'html', text: clipped };
  }
  return { format: 'text', text: clipped };
}

/** A short, tag-free description of junk found before the JSON. */
export function summarizeJunk(junk: string): string {
  const plain = junk
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? 'markup' : plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

/** The `<title>` or first heading of an HTML page, for messages. */
export function htmlTitle(html: string): string | undefined {
  const match =
    /<title[^>]*>([^<]{1,200})<\/title>/i.exec(html) ?? /<h1[^>]*>([^<]{1,200})<\/h1>/i.exec(html);
  return match?.[1]?.replace(/\s+/g, ' ').trim() || undefined;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
