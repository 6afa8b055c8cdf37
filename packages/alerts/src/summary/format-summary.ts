import type { Alert, AlertSection } from '../alert.js';
import type { RunsSummary } from './build-summary.js';

/** How {@link formatSummary} writes: plain text (email, terminal), Markdown (Discord, files) or Slack mrkdwn. */
export type SummaryStyle = 'text' | 'markdown' | 'slack';

const usd = (value: number) => `$${value.toFixed(2)}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const day = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/** The headline of a summary: `12 videos, 10 posts, 2 failed runs, $3.21`. */
export function summaryHeadline(summary: RunsSummary): string {
  const posts = Object.values(summary.published).reduce((sum, count) => sum + count, 0);
  return `${summary.videos} video${summary.videos === 1 ? '' : 's'}, ${posts} post${posts === 1 ? '' : 's'}, ${summary.runs.failed} failed run${summary.runs.failed === 1 ? '' : 's'}, ${usd(summary.cost.totalUsd)}`;
}

/** The summary as titled sections of lines (what every format renders). */
export function summarySections(summary: RunsSummary): AlertSection[] {
  const { runs } = summary;
  const sections: AlertSection[] = [
    {
      title: 'Videos',
      lines: [
        `${summary.videos} made (${runs.total} runs: ${runs.succeeded} succeeded, ${runs.failed} failed, ${runs.cancelled} cancelled)`,
      ],
    },
    {
      title: 'Published',
      lines: Object.entries(summary.published).map(([platform, count]) => `${platform}: ${count}`),
    },
    {
      title: 'Failures by cause',
      lines: summary.failures.map(
        (group) =>
          `${group.cause} ×${group.count}: ${group.example}${group.fix ? ` Fix: ${group.fix}` : ''} (runs ${group.runIds.join(', ')})`,
      ),
    },
    {
      title: 'Cost',
      lines: [
        `${usd(summary.cost.totalUsd)} in all${summary.cost.perVideoUsd !== undefined ? `, ${usd(summary.cost.perVideoUsd)} per video` : ''}`,
        ...Object.entries(summary.cost.byProvider)
          .sort((a, b) => b[1] - a[1])
          .map(([provider, spent]) => `${provider}: ${usd(spent)}`),
      ],
    },
    {
      title: 'Slowest phases',
      lines: summary.slowestPhases.map(
        (phase) =>
          `${phase.phase}: average ${seconds(phase.averageMs)}, max ${seconds(phase.maxMs)} (${phase.count}×)`,
      ),
    },
  ];
  if (summary.breakers.length > 0) {
    sections.push({
      title: 'Circuit breakers opened',
      lines: summary.breakers.map((breaker) => `${breaker.provider}: ${breaker.reason} (${breaker.count}×)`),
    });
  }
  if (summary.tokens.length > 0) {
    sections.push({
      title: 'Tokens',
      lines: summary.tokens.map(
        (token) => `${token.account} (${token.provider}): ${token.state}, ${token.detail}`,
      ),
    });
  }
  return sections;
}

/**
 * Renders a summary for people: `text` for email and the terminal (`reelsmith report`),
 * `markdown` for Discord and files, `slack` for Slack's mrkdwn.
 *
 * @example
 * ```ts
 * console.log(formatSummary(await buildSummary(log, { since: parseSince('24h') }), { style: 'text' }));
 * ```
 */
export function formatSummary(summary: RunsSummary, options: { style?: SummaryStyle } = {}): string {
  const style = options.style ?? 'markdown';
  const title = `Reelsmith report ${day(summary.since)} → ${day(summary.until)} UTC: ${summaryHeadline(summary)}`;
  const heading = (text: string) =>
    style === 'markdown' ? `## ${text}` : style === 'slack' ? `*${text}*` : text.toUpperCase();
  const bullet = style === 'slack' ? '• ' : style === 'markdown' ? '- ' : '  - ';
  const blocks = [style === 'markdown' ? `# ${title}` : style === 'slack' ? `*${title}*` : title];
  for (const section of summarySections(summary)) {
    const lines = section.lines.length > 0 ? section.lines : ['none'];
    blocks.push([heading(section.title), ...lines.map((line) => `${bullet}${line}`)].join('\n'));
  }
  return blocks.join('\n\n');
}

/** The summary as an `info` alert, ready for any channel. */
export function summaryAlert(summary: RunsSummary): Alert {
  return {
    rule: 'daily-summary',
    key: `daily-summary|${summary.until}`,
    severity: 'info',
    title: `Reelsmith summary: ${summaryHeadline(summary)}`,
    message: `From ${day(summary.since)} to ${day(summary.until)} UTC.`,
    sections: summarySections(summary),
    at: summary.until,
  };
}
