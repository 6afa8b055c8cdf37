// Requests to the dashboard's own API (same origin; the session cookie rides along).

/** GETs `path` as JSON; throws with the API's message on an error answer. */
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || body.problem || `HTTP ${response.status}`);
  return body;
}

/** GETs an SVG chart and returns its root element, or undefined when it is missing or not SVG. */
export async function getSvg(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) return undefined;
  const parsed = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
  const root = parsed.documentElement;
  return root.nodeName === 'svg' ? document.importNode(root, true) : undefined;
}
