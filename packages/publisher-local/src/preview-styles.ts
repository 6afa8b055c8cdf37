/** The preview page's style sheet (inline: the page works offline and from `file://`). */
export const previewStyles = `
:root { color-scheme: dark; --bg: #0f1115; --card: #181b22; --line: #2a2f3a; --text: #e8eaf0;
  --muted: #9aa3b2; --accent: #ff5a5f; --chip: #232834; }
* { box-sizing: border-box; }
body { margin: 0; background: radial-gradient(circle at top, #1b1f2a, var(--bg) 60%); color: var(--text);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 32px 20px 48px; display: grid; gap: 28px;
  grid-template-columns: minmax(260px, 380px) 1fr; align-items: start; }
@media (max-width: 760px) { main { grid-template-columns: 1fr; } }
.player { position: sticky; top: 24px; }
video { width: 100%; aspect-ratio: var(--aspect, 9 / 16); background: #000; border-radius: 18px;
  box-shadow: 0 20px 60px rgb(0 0 0 / 45%); display: block; object-fit: contain; }
.meta { color: var(--muted); font-size: 13px; margin-top: 10px; text-align: center; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 0 0 10px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 14px; padding: 16px 18px;
  margin-bottom: 16px; }
.description, .caption { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; }
.chips li { background: var(--chip); border-radius: 999px; padding: 3px 11px; color: #c9d3ff; font-size: 14px; }
.links { margin: 0; padding-left: 18px; }
a { color: #8ab4ff; overflow-wrap: anywhere; }
.product { display: flex; flex-wrap: wrap; gap: 6px 18px; color: var(--muted); }
.product strong { color: var(--text); }
.platform { font-weight: 600; margin: 10px 0 4px; }
.platform:first-of-type { margin-top: 0; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 500; font-size: 13px; }
td.number, th.number { text-align: right; }
tfoot td { font-weight: 600; border-bottom: 0; }
.skipped { color: var(--muted); font-size: 12px; }
pre { margin: 0; overflow: auto; font-size: 12.5px; color: var(--muted); }
footer { grid-column: 1 / -1; color: var(--muted); font-size: 12px; text-align: center; }
code { background: var(--chip); padding: 1px 6px; border-radius: 6px; }
`;
