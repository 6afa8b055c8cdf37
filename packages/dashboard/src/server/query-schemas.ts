import { z } from 'zod';
import { dashboardDefaults } from '../dashboard-defaults.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar date');
const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Query of `GET /api/runs`. Unknown parameters are refused. */
export const runsQuerySchema = z
  .object({
    status: z.enum(['running', 'succeeded', 'failed', 'cancelled']).optional(),
    platform: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'expected a platform name such as youtube')
      .optional(),
    /** First day (UTC) a run started on. */
    from: day.optional(),
    /** Last day (UTC) a run started on. */
    to: day.optional(),
    limit: intParam(1, dashboardDefaults.maxPageSize).optional(),
    /** Runs started before this ISO time (paging: pass the last run's `startedAt`). */
    before: z.iso.datetime({ message: 'expected an ISO 8601 time' }).optional(),
  })
  .strict();

/** Query of `GET /api/stats` and the chart endpoints. */
export const statsQuerySchema = z.object({ days: intParam(1, 365).optional() }).strict();

/** A run id in a path: what core accepts (1–200 characters), without control characters. */
export const runIdSchema = z
  .string()
  .min(1, 'run id is empty')
  .max(200, 'run id is longer than 200 characters')
  .refine((value) => !/[\p{Cc}\p{Cs}]/u.test(value), 'run id holds control characters');

/** Query of `GET /login`. */
export const loginQuerySchema = z
  .object({ code: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'malformed login code') })
  .strict();

/** The first problem of a failed parse as `{ param, problem }`. */
export function firstIssue(error: z.ZodError, fallbackParam: string): { param: string; problem: string } {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys')
    return { param: issue.keys[0] ?? fallbackParam, problem: 'unknown parameter' };
  const param = issue?.path[0] !== undefined ? String(issue.path[0]) : fallbackParam;
  return { param, problem: issue?.message ?? 'invalid' };
}

/** Turns `URLSearchParams` into an object; a repeated parameter is an error. */
export function searchToObject(
  search: URLSearchParams,
): { value: Record<string, string> } | { repeated: string } {
  const value: Record<string, string> = {};
  for (const [key, item] of search) {
    if (Object.hasOwn(value, key)) return { repeated: key };
    value[key] = item;
  }
  return { value };
}
