import type { CompliancePlatformRule } from './compliance-defaults.js';
import { fitCaption } from './fit-caption.js';
import { measure } from './graphemes.js';

/** What {@link discloseCaption} adds to a caption. */
export interface DisclosureParts {
  /** The affiliate link, when there is one. */
  link?: string;
  /** Written after the link, e.g. `(paid link)`. */
  linkLabel: string;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `text` holds `marker` as its own token (`#ad` is not found in `#adventure`). */
export function hasMarker(text: string, marker: string): boolean {
  return new RegExp(`(^|[\\s(\\[])${escapeRegExp(marker)}(?=$|[\\s.,;:!?)\\]])`, 'iu').test(text);
}

/**
 * The caption for one platform with the affiliate link (or "link in bio" where captions have no
 * clickable links), the ad marker and the program disclosure, within the platform's limit.
 * Parts already present are not repeated; when the text is too long, the body is shortened and
 * the disclosures are kept. Resolves `undefined` when the disclosures alone exceed the limit.
 */
export function discloseCaption(
  text: string,
  rule: CompliancePlatformRule,
  parts: DisclosureParts,
): string | undefined {
  const missing = requiredParts(text, rule, parts);
  const whole = missing.length === 0 ? text : `${text.trim()}\n\n${missing.join('\n')}`.trim();
  if (measure(whole, rule.unit) <= rule.limit) return whole;
  // Too long: take every part out of the body and put them all after the shortened body.
  let body = text;
  if (parts.link) body = body.split(parts.link).join(' ');
  if (rule.disclosure !== false) body = body.replace(new RegExp(escapeRegExp(rule.disclosure), 'giu'), ' ');
  if (rule.marker !== false) {
    body = body.replace(new RegExp(`(^|\\s)${escapeRegExp(rule.marker)}(?=$|\\s)`, 'giu'), ' ');
  }
  body = body.replace(/[ \t]{2,}/g, ' ');
  return fitCaption(body, requiredParts('', rule, parts).join('\n'), rule.limit, rule.unit);
}

/** The parts `text` lacks: the link line (or "link in bio"), then the disclosure and marker. */
function requiredParts(text: string, rule: CompliancePlatformRule, parts: DisclosureParts): string[] {
  const required: string[] = [];
  const flat = normalize(text);
  if (parts.link) {
    if (rule.links === 'bio') {
      if (!flat.includes('link in bio') && !flat.includes('link in my bio')) {
        required.push(`Link in bio ${parts.linkLabel}`);
      }
    } else if (!text.includes(parts.link)) {
      required.push(`${parts.link} ${parts.linkLabel}`);
    }
  }
  const closing: string[] = [];
  if (rule.disclosure !== false && !flat.includes(normalize(rule.disclosure))) closing.push(rule.disclosure);
  if (rule.marker !== false && !hasMarker(text, rule.marker)) closing.push(rule.marker);
  if (closing.length > 0) required.push(closing.join(' '));
  return required;
}
