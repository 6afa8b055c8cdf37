/** The ellipsis that marks clipped text. */
const ellipsis = '…';

/**
 * Clips `text` to at most `max` UTF-16 code units (how Slack and Discord count), ending with
 * an ellipsis when something was cut. Never splits a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ellipsis;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ellipsis}`;
}
