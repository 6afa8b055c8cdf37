/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Attribute values: `undefined` leaves the attribute out; numbers are rounded to 2 decimals. */
export type Attributes = Record<string, string | number | undefined>;

/**
 * One SVG element as a string. Attribute values and `text` are escaped; `children` must come
 * from `el` (already safe).
 */
export function el(
  tag: string,
  attributes: Attributes = {},
  children: readonly string[] | string = [],
): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(
      ([name, value]) =>
        ` ${name}="${escapeXml(typeof value === 'number' ? String(Math.round(value * 100) / 100) : String(value))}"`,
    )
    .join('');
  const inner = typeof children === 'string' ? escapeXml(children) : children.join('');
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

/** A chart's outer element: sized by its view box, titled for screen readers. */
export function svgRoot(options: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  children: readonly string[];
}): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${options.width} ${options.height}`,
      role: 'img',
      'aria-labelledby': `${options.id}-title ${options.id}-desc`,
      class: 'chart',
      'data-chart': options.id,
    },
    [
      el('title', { id: `${options.id}-title` }, options.title),
      el('desc', { id: `${options.id}-desc` }, options.description),
      ...options.children,
    ],
  );
}

/** A chart with nothing to draw yet: still an SVG, with a readable note. */
export function emptyChart(id: string, title: string, note: string): string {
  return svgRoot({
    id,
    title,
    description: note,
    width: 480,
    height: 80,
    children: [el('text', { x: 240, y: 44, 'text-anchor': 'middle', class: 'chart-note' }, note)],
  });
}

/** Formats milliseconds as `850 ms`, `12.4 s` or `3.1 min`. */
export function formatMs(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** Formats US dollars with 2 decimals, or 4 under a dollar. */
export function formatUsd(usd: number): string {
  return `$${usd.toFixed(usd !== 0 && Math.abs(usd) < 1 ? 4 : 2)}`;
}
