import type { Alert } from '../alert.js';
import { alertsDefaults } from '../alerts-defaults.js';
import { clip } from '../delivery/clip.js';
import { alertPlainText, contextLine, severityIcon } from '../format/alert-text.js';

/** Slack message limits (see `alertsDefaults.slack`). */
export interface SlackLimits {
  maxBlocks: number;
  maxSectionText: number;
  maxText: number;
}

/** A Slack Block Kit block as this package builds them. */
export type SlackBlock =
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: Array<{ type: 'mrkdwn'; text: string }> };

/** The JSON body of a Slack incoming-webhook message. */
export interface SlackPayload {
  /** The notification fallback; always present. */
  text: string;
  blocks?: SlackBlock[];
}

/** Escapes the three characters Slack's mrkdwn reserves. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const section = (text: string, limits: SlackLimits): SlackBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, limits.maxSectionText) },
});

/**
 * Builds `{ text, blocks }` for an alert within Slack's limits: a headline section, the fix,
 * one section per summary section, and a context line (severity, rule, run/job ids, time).
 */
export function buildSlackPayload(alert: Alert, limits: SlackLimits = alertsDefaults.slack): SlackPayload {
  const icon = severityIcon[alert.severity];
  const blocks: SlackBlock[] = [
    section(`${icon} *${escapeSlack(alert.title)}*\n${escapeSlack(alert.message)}`, limits),
  ];
  if (alert.fix) blocks.push(section(`*Fix:* ${escapeSlack(alert.fix)}`, limits));
  for (const part of alert.sections ?? []) {
    const lines = part.lines.length > 0 ? part.lines.map(escapeSlack).join('\n') : '_none_';
    blocks.push(section(`*${escapeSlack(part.title)}*\n${lines}`, limits));
  }
  // Keep room for the context block.
  const kept = blocks.slice(0, limits.maxBlocks - 1);
  kept.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: clip(escapeSlack(contextLine(alert)), limits.maxSectionText) }],
  });
  return {
    text: clip(escapeSlack(`${icon} ${alert.title}: ${alert.message}`), limits.maxText),
    blocks: kept,
  };
}

/** The text-only fallback sent after Slack refuses the blocks (`invalid_blocks`). */
export function buildSlackTextOnly(alert: Alert, limits: SlackLimits = alertsDefaults.slack): SlackPayload {
  return {
    text: clip(escapeSlack(`${severityIcon[alert.severity]} ${alertPlainText(alert)}`), limits.maxText),
  };
}
