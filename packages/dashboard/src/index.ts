// Public API of @reelsmith/dashboard: the server, the report, their options and view types.
export { createDashboard, type Dashboard } from './create-dashboard.js';
export {
  type DashboardBudget,
  type DashboardOptions,
  isLoopbackHost,
} from './dashboard-options.js';
export {
  dashboardDefaults,
  defaultQuotaLimits,
  type QuotaLimit,
  type QuotaWindow,
  type UsageCounter,
} from './dashboard-defaults.js';
export { createReport, formatReport, type Report, type ReportOptions } from './report.js';
export type { AttentionItem } from './state/dashboard-state.js';
export type {
  FallbackView,
  OutputView,
  PhaseStatus,
  PhaseView,
  RunSummaryView,
  RunView,
  RunViewStatus,
} from './state/run-view.js';
export type { DashboardStats, DayStats, PhaseTime, ProviderUsage } from './stats/compute-stats.js';
export type { QuotaUsage } from './stats/quota-usage.js';
export { costPerDayChart, phaseTimesChart, successRateChart } from './charts/charts.js';
