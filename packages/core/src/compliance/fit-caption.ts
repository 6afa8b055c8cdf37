import { clipTo, type LengthUnit, measure } from './graphemes.js';

/**
 * Fits `body` plus a `required` block (the disclosures and link) into `limit`: the body is
 * shortened with an ellipsis, the required block never. Resolves `undefined` when the required
 * block alone does not fit (the caller reports it; nothing is dropped silently).
 *
 * Publishers that shorten captions use it so the disclosure survives truncation.
 *
 * @example
 * ```ts
 * fitCaption(longText, 'As an Amazon Associate I earn from qualifying purchases. #ad', 2200, 'graphemes');
 * ```
 */
export function fitCaption(
  body: string,
  required: string,
  limit: number,
  unit: LengthUnit = 'graphemes',
): string | undefined {
  const separator = '\n\n';
  const trimmed = body.trim();
  const whole = trimmed === '' ? required : `${trimmed}${separator}${required}`;
  if (measure(whole, unit) <= limit) return whole;
  const room = limit - measure(required, unit) - measure(separator, unit) - measure('…', unit);
  if (room < 0) return measure(required, unit) <= limit ? required : undefined;
  const clipped = clipTo(trimmed, room, unit);
  return clipped === '' ? required : `${clipped}…${separator}${required}`;
}
