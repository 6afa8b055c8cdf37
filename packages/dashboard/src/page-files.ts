/**
 * The page's files in `assets/`: the only files the dashboard serves, and the only ones the build
 * copies to `dist/assets` (tsup.config.ts). A new module or stylesheet must be listed here.
 */
export const pageFiles = [
  'index.html',
  // Stylesheets, linked from index.html in this order.
  'app.css',
  'charts.css',
  'runs.css',
  // Script modules: app.js is the entry, the others are imported by it or by each other.
  'app.js',
  'api.js',
  'dom.js',
  'format.js',
  'history.js',
  'live-runs.js',
  'live-updates.js',
  'overview.js',
  'run-detail.js',
  'run-timeline.js',
  'state.js',
  'status.js',
  'widgets.js',
] as const;

/** A file of the page. */
export type PageFile = (typeof pageFiles)[number];
