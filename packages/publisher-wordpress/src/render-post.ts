import type { PublishDraft } from '@reelsmith/core';
import { escapeHtml, httpsUrl } from './escape-html.js';

/** An uploaded media item, as the post template sees it. */
export interface PostMedia {
  /** WordPress attachment id. */
  id: number;
  /** Its public URL (`source_url`). */
  url: string;
  mediaType: string;
}

/** What a {@link PostTemplate} gets besides the draft. */
export interface PostContext {
  /** The draft's marker; the publisher adds `markerComment(marker)` when the HTML lacks it. */
  marker: string;
  video: PostMedia;
  thumbnail?: PostMedia;
  /** The disclosure to show near the top, or `false` when none is shown. */
  disclosure: string | false;
  /** The draft's links that are https URLs, affiliate link first. */
  links: string[];
}

/** Builds the post's HTML. Everything taken from the draft must be HTML-escaped (see `escapeHtml` in this package). */
export type PostTemplate = (draft: PublishDraft, context: PostContext) => string;

/** The HTML comment that carries the marker (kept by WordPress for every role). */
export function markerComment(marker: string): string {
  // WordPress collapses `--` inside comments; a marker never has it, but be safe.
  return `<!-- reelsmith-marker ${marker.replace(/-{2,}/g, '-')} -->`;
}

/** `rel` of every affiliate link: paid (`sponsored`), not endorsed (`nofollow`), no opener access. */
export const affiliateRel = 'sponsored nofollow noopener';

/**
 * The default post: block-editor HTML (each part is a core block, so editors can change it).
 * Order: the disclosure (top, before any link), the video as a core `wp:video` block (a
 * `<video>` tag, allowed for every role, poster = thumbnail), the description (links made
 * clickable), a product summary (title and bullets) and one button per link. The marker
 * goes in an HTML comment at the end.
 */
export const renderPost: PostTemplate = (draft, context) => {
  const parts: string[] = [];
  if (context.disclosure !== false) {
    parts.push(
      block('paragraph', `<p class="reelsmith-disclosure"><em>${escapeHtml(context.disclosure)}</em></p>`, {
        className: 'reelsmith-disclosure',
      }),
    );
  }
  const poster = context.thumbnail ? ` poster="${escapeHtml(context.thumbnail.url)}"` : '';
  parts.push(
    block(
      'video',
      `<figure class="wp-block-video"><video controls playsinline preload="metadata"${poster} src="${escapeHtml(context.video.url)}"></video></figure>`,
      { id: context.video.id },
    ),
  );
  for (const paragraph of descriptionParagraphs(draft.description, context.disclosure)) {
    parts.push(block('paragraph', `<p>${paragraph}</p>`));
  }
  const product = draft.product;
  if (product) {
    parts.push(block('heading', `<h2 class="wp-block-heading">${escapeHtml(product.title)}</h2>`));
    const bullets = product.bullets.filter((bullet) => bullet.trim() !== '').slice(0, 10);
    if (bullets.length > 0) {
      const items = bullets
        .map((bullet) => block('list-item', `<li>${escapeHtml(bullet.trim())}</li>`))
        .join('');
      parts.push(block('list', `<ul class="wp-block-list">${items}</ul>`));
    }
  }
  if (context.links.length > 0) {
    const buttons = context.links
      .map((link, index) =>
        block(
          'button',
          `<div class="wp-block-button">${anchor(link, buttonLabel(link, index), 'wp-block-button__link wp-element-button')}</div>`,
        ),
      )
      .join('');
    parts.push(block('buttons', `<div class="wp-block-buttons">${buttons}</div>`));
  }
  parts.push(markerComment(context.marker));
  return parts.join('\n\n');
};

/**
 * The description as escaped paragraph HTML: blank lines split paragraphs, single newlines
 * become `<br>`, https URLs become sponsored links. A disclosure shown at the top is not repeated.
 */
export function descriptionParagraphs(description: string, disclosure: string | false): string[] {
  let text = description;
  if (disclosure !== false && disclosure !== '') text = text.split(disclosure).join(' ');
  return text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => linkify(line.trim().replace(/[ \t]{2,}/g, ' ')))
        .filter((line) => line !== '')
        .join('<br>'),
    )
    .filter((paragraph) => paragraph !== '');
}

function linkify(line: string): string {
  const out: string[] = [];
  let last = 0;
  for (const match of line.matchAll(/https:\/\/[^\s<>"']+/g)) {
    const raw = match[0].replace(/[.,;:!?)]+$/, '');
    const url = httpsUrl(raw);
    const start = match.index;
    out.push(escapeHtml(line.slice(last, start)));
    out.push(url ? anchor(url, raw) : escapeHtml(raw));
    last = start + raw.length;
  }
  out.push(escapeHtml(line.slice(last)));
  return out.join('');
}

function anchor(url: string, label: string, className?: string): string {
  const classes = className ? ` class="${className}"` : '';
  return `<a${classes} href="${escapeHtml(url)}" rel="${affiliateRel}" target="_blank">${escapeHtml(label)}</a>`;
}

function buttonLabel(link: string, index: number): string {
  const host = new URL(link).hostname.replace(/^www\./, '');
  if (/(^|\.)amazon\.|(^|\.)amzn\.to$/.test(host))
    return index === 0 ? 'Check the price on Amazon' : 'See it on Amazon';
  return index === 0 ? `View it on ${host}` : `Also on ${host}`;
}

function block(name: string, html: string, attributes?: Record<string, unknown>): string {
  const json = attributes ? ` ${JSON.stringify(attributes)}` : '';
  return `<!-- wp:${name}${json} -->${html}<!-- /wp:${name} -->`;
}
