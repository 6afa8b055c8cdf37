import { escapeHtml, safeLinkUrl } from './escape-html.js';
import { type PhaseRow, previewKeys, readPreviewDetails } from './preview-details.js';
import { previewStyles } from './preview-styles.js';
import type { RunMetadata } from './run-metadata.js';

/**
 * Renders `index.html`: a self-contained page (inline styles, no script, no network) that plays
 * the video with its thumbnail as poster and shows the title, description, hashtags, links,
 * product, per-platform captions, a cost and timing table and any other metadata. Every value is
 * HTML-escaped, and a Content-Security-Policy forbids scripts as a second line of defence.
 *
 * @param extra - The extra metadata (settings and draft), read for captions, costs and timings.
 */
export function renderPreview(metadata: RunMetadata, extra: Record<string, unknown>): string {
  const details = readPreviewDetails(extra);
  const rest = Object.fromEntries(Object.entries(extra).filter(([key]) => !previewKeys.includes(key)));
  const { video } = metadata;
  const sections = [
    section('Description', `<p class="description">${escapeHtml(metadata.description)}</p>`),
    metadata.hashtags.length > 0 ? section('Hashtags', chips(metadata.hashtags)) : '',
    metadata.links.length > 0 ? section('Links', links(metadata.links)) : '',
    metadata.product ? section('Product', product(metadata.product)) : '',
    details.captions.length > 0
      ? section(
          'Captions per platform',
          details.captions
            .map(
              ([platform, text]) =>
                `<p class="platform">${escapeHtml(platform)}</p><p class="caption">${escapeHtml(text)}</p>`,
            )
            .join(''),
        )
      : '',
    details.phases.length > 0 ? section('Costs and timings', phaseTable(details)) : '',
    Object.keys(rest).length > 0
      ? section('More metadata', `<pre>${escapeHtml(JSON.stringify(rest, null, 2))}</pre>`)
      : '',
  ].join('\n');
  const poster = metadata.thumbnail ? ` poster="${escapeHtml(metadata.thumbnail.file)}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(metadata.title)}</title>
<style>${previewStyles}</style>
</head>
<body>
<main>
<div class="player" style="--aspect: ${number(video.width)} / ${number(video.height)}">
<video controls playsinline preload="metadata" src="${escapeHtml(video.file)}"${poster}></video>
<p class="meta">${number(video.width)}×${number(video.height)} · ${seconds(video.durationMs)} · ${escapeHtml(formatBytes(video.size))}</p>
</div>
<div>
<h1>${escapeHtml(metadata.title)}</h1>
<p class="meta" style="text-align:left">Published to <code>${escapeHtml(metadata.platform)}</code> on ${escapeHtml(metadata.publishedAt)}</p>
${sections}
</div>
<footer>Marker <code>${escapeHtml(metadata.marker)}</code> · written by Reelsmith (${escapeHtml(metadata.publisher)})</footer>
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------

function section(title: string, body: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function chips(items: readonly string[]): string {
  return `<ul class="chips">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function links(items: readonly string[]): string {
  const entries = items.map((item) => {
    const url = safeLinkUrl(item);
    return url
      ? `<li><a href="${escapeHtml(url)}" rel="noopener noreferrer sponsored" target="_blank">${escapeHtml(item)}</a></li>`
      : `<li>${escapeHtml(item)}</li>`;
  });
  return `<ul class="links">${entries.join('')}</ul>`;
}

function product(summary: NonNullable<RunMetadata['product']>): string {
  const parts: string[] = [`<strong>${escapeHtml(summary.title)}</strong>`];
  if (summary.brand) parts.push(`by ${escapeHtml(summary.brand)}`);
  if (summary.price) {
    parts.push(
      `${escapeHtml(Number(summary.price.amount).toFixed(2))} ${escapeHtml(summary.price.currency)} (as of ${escapeHtml(summary.price.readAt)})`,
    );
  }
  if (summary.rating !== undefined) {
    const reviews =
      summary.reviewCount === undefined
        ? ''
        : ` from ${escapeHtml(summary.reviewCount.toLocaleString('en-US'))} reviews`;
    parts.push(`★ ${escapeHtml(summary.rating)}${reviews}`);
  }
  const link = safeLinkUrl(summary.affiliateUrl ?? summary.url ?? '');
  if (link) parts.push(`<a href="${escapeHtml(link)}" rel="noopener noreferrer sponsored">product page</a>`);
  return `<div class="product">${parts.map((part) => `<span>${part}</span>`).join('')}</div>`;
}

function phaseTable(details: ReturnType<typeof readPreviewDetails>): string {
  const row = (phase: PhaseRow) =>
    `<tr><td>${escapeHtml(phase.phase)}${phase.skipped ? ' <span class="skipped">(from checkpoint)</span>' : ''}</td>` +
    `<td>${escapeHtml(phase.providers.join(', ') || '—')}</td>` +
    `<td class="number">${phase.durationMs === undefined ? '—' : seconds(phase.durationMs)}</td>` +
    `<td class="number">${phase.costUsd === undefined ? '—' : usd(phase.costUsd)}</td></tr>`;
  const total =
    details.totalCostUsd !== undefined || details.totalDurationMs !== undefined
      ? `<tfoot><tr><td>Total</td><td></td><td class="number">${details.totalDurationMs === undefined ? '' : seconds(details.totalDurationMs)}</td>` +
        `<td class="number">${details.totalCostUsd === undefined ? '' : usd(details.totalCostUsd)}</td></tr></tfoot>`
      : '';
  return (
    '<table><thead><tr><th>Phase</th><th>Provider</th><th class="number">Time</th><th class="number">Cost</th></tr></thead>' +
    `<tbody>${details.phases.map(row).join('')}</tbody>${total}</table>`
  );
}

function number(value: number): string {
  return escapeHtml(Number.isFinite(value) ? String(value) : '?');
}

function seconds(ms: number): string {
  return escapeHtml(ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
}

function usd(value: number): string {
  return escapeHtml(`$${value < 0.01 && value > 0 ? value.toFixed(4) : value.toFixed(2)}`);
}

function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}
