import type { Alert, AlertSeverity } from '../alert.js';
import { alertsDefaults } from '../alerts-defaults.js';
import { clip } from '../delivery/clip.js';
import { alertFacts, alertPlainText, severityIcon } from '../format/alert-text.js';

/** Discord message limits (see `alertsDefaults.discord`). */
export interface DiscordLimits {
  maxContent: number;
  maxEmbedTotal: number;
  maxTitle: number;
  maxDescription: number;
  maxFields: number;
  maxFieldName: number;
  maxFieldValue: number;
  maxFooter: number;
}

/** One embed field. */
export interface DiscordField {
  name: string;
  value: string;
  inline?: boolean;
}

/** One embed as this package builds them. */
export interface DiscordEmbed {
  title: string;
  description: string;
  color: number;
  fields: DiscordField[];
  footer: { text: string };
  timestamp: string;
}

/** The JSON body of a Discord webhook execution. */
export interface DiscordPayload {
  content: string;
  embeds?: DiscordEmbed[];
  username?: string;
  avatar_url?: string;
  /** Always empty: an alert never pings `@everyone` or a user, whatever its text says. */
  allowed_mentions: { parse: [] };
}

/** Embed colour per severity (red, orange, blue). */
export const discordColors: Record<AlertSeverity, number> = {
  critical: 15158332,
  warning: 15105570,
  info: 3447003,
};

/** Identity overrides of a Discord message. */
export interface DiscordIdentity {
  username?: string | undefined;
  avatarUrl?: string | undefined;
}

function embedSize(embed: DiscordEmbed): number {
  return (
    embed.title.length +
    embed.description.length +
    embed.footer.text.length +
    embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function withIdentity(payload: DiscordPayload, identity: DiscordIdentity): DiscordPayload {
  if (identity.username) payload.username = identity.username;
  if (identity.avatarUrl) payload.avatar_url = identity.avatarUrl;
  return payload;
}

/**
 * Builds `{ content, embeds }` for an alert within Discord's limits: the headline as content,
 * one embed with what happened and the fix, the facts as inline fields, each summary section
 * as a field; fields are dropped from the end while the embed is over its total limit.
 */
export function buildDiscordPayload(
  alert: Alert,
  limits: DiscordLimits = alertsDefaults.discord,
  identity: DiscordIdentity = {},
): DiscordPayload {
  const field = (name: string, value: string, inline: boolean): DiscordField => ({
    name: clip(name, limits.maxFieldName),
    value: clip(value === '' ? '—' : value, limits.maxFieldValue),
    inline,
  });
  const fields = [
    ...alertFacts(alert).map(([name, value]) => field(name, value, true)),
    ...(alert.sections ?? []).map((section) =>
      field(section.title, section.lines.join('\n') || 'none', false),
    ),
  ].slice(0, limits.maxFields);
  const description = alert.fix ? `${alert.message}\n\n**Fix:** ${alert.fix}` : alert.message;
  const footer = alert.repeats
    ? `reelsmith · ${alert.rule} · seen ${alert.repeats} more time${alert.repeats === 1 ? '' : 's'}`
    : `reelsmith · ${alert.rule}`;
  const embed: DiscordEmbed = {
    title: clip(alert.title, limits.maxTitle),
    description: clip(description, limits.maxDescription),
    color: discordColors[alert.severity],
    fields,
    footer: { text: clip(footer, limits.maxFooter) },
    timestamp: alert.at,
  };
  while (embedSize(embed) > limits.maxEmbedTotal && embed.fields.length > 0) embed.fields.pop();
  const over = embedSize(embed) - limits.maxEmbedTotal;
  if (over > 0) embed.description = clip(embed.description, Math.max(1, embed.description.length - over));
  const content = clip(`${severityIcon[alert.severity]} **${alert.title}**`, limits.maxContent);
  return withIdentity({ content, embeds: [embed], allowed_mentions: { parse: [] } }, identity);
}

/** The last-resort message: plain content only, well under the limit. */
export function buildDiscordCompact(
  alert: Alert,
  limits: DiscordLimits = alertsDefaults.discord,
  identity: DiscordIdentity = {},
): DiscordPayload {
  const content = clip(
    `${severityIcon[alert.severity]} ${alertPlainText(alert)}`,
    Math.floor(limits.maxContent / 2),
  );
  return withIdentity({ content, allowed_mentions: { parse: [] } }, identity);
}

/**
 * Applies Discord's 50035 "Invalid Form Body" answer: every string the `errors` tree says is too
 * long (`BASE_TYPE_MAX_LENGTH`, "Must be 1024 or fewer in length.") is clipped to the length
 * named. Returns undefined when nothing could be clipped that way.
 */
export function truncateByFormErrors(payload: unknown, errors: unknown): unknown | undefined {
  const copy = structuredClone(payload) as Record<string, unknown>;
  let changed = false;
  const visit = (node: unknown, path: string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, inner] of Object.entries(node)) {
      if (key === '_errors' && Array.isArray(inner)) {
        for (const error of inner as Array<{ code?: unknown; message?: unknown }>) {
          const max = /(\d+) or fewer/.exec(String(error.message ?? ''))?.[1];
          if (error.code === 'BASE_TYPE_MAX_LENGTH' && max !== undefined)
            changed = clipAt(copy, path, Number(max)) || changed;
        }
      } else visit(inner, [...path, key]);
    }
  };
  visit(errors, []);
  return changed ? copy : undefined;
}

function clipAt(root: Record<string, unknown>, path: string[], max: number): boolean {
  let parent: Record<string, unknown> | undefined = root;
  for (const key of path.slice(0, -1)) {
    const next: unknown = parent?.[key];
    parent = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : undefined;
  }
  const last = path.at(-1);
  if (!parent || last === undefined || typeof parent[last] !== 'string') return false;
  const value = parent[last] as string;
  if (value.length <= max) return false;
  parent[last] = clip(value, max);
  return true;
}
