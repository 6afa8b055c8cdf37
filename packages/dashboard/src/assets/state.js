// What the page shows: the period, the history filters and page, the live runs, the open run.
export const view = {
  /** Period of the overview, in days. */
  days: 14,
  /** History filters (`status`, `platform`, `from`, `to`), as the API takes them. */
  filters: {},
  /**
   * History paging: `before` of the page shown (undefined: the newest runs), the `before` of each
   * newer page (for "Newer runs"), and the start of the oldest run shown when there are older ones.
   */
  page: { before: undefined, newer: [], oldest: undefined },
  /** Full views of recent runs, by run id, kept current by the event stream. */
  live: new Map(),
  /** The run whose detail is open. */
  selected: undefined,
};
