// How durations, amounts, shares and times are written on the page.

export function formatMs(ms) {
  if (ms === undefined || ms === null) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

export function formatUsd(usd) {
  if (usd === undefined || usd === null) return '–';
  return `$${usd.toFixed(usd !== 0 && Math.abs(usd) < 1 ? 4 : 2)}`;
}

export const percent = (value) =>
  value === null || value === undefined ? 'n/a' : `${Math.round(value * 100)}%`;

/** An ISO time as `YYYY-MM-DD HH:MM:SS` (UTC). */
export const time = (iso) => (iso ? iso.replace('T', ' ').slice(0, 19) : '–');
