// DOM helpers: every text goes through textContent or text nodes, never through HTML parsing.

/** The first element matching `selector`. */
export const $ = (selector) => document.querySelector(selector);

/** An HTML element: `text` sets its text, `className` its class, other props become attributes. */
export function h(tag, props, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children || []) {
    if (child === undefined || child === null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** An SVG element with `attributes` and `children`. */
export function svg(tag, attributes, children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
  for (const child of children || []) node.append(child);
  return node;
}
