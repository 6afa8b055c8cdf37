import { createHash } from 'node:crypto';
import { CheckpointCorruptError } from '../errors/checkpoint-corrupt-error.js';
import { ConfigError, type ConfigIssue } from '../errors/config-error.js';
import { assertJsonValue, canonicalJson } from './json-value.js';

/** The `format` of a serialized checkpoint record. */
export const checkpointRecordFormat = 'reelsmith.checkpoint/v1';

/** The longest run id or key a checkpoint store accepts, in UTF-16 code units. */
export const maxCheckpointNameLength = 200;

/** A checkpoint as stored: the value with what is needed to trust it again. */
export interface CheckpointRecord {
  format: typeof checkpointRecordFormat;
  runId: string;
  key: string;
  /** When it was written (ISO 8601). */
  savedAt: string;
  /** Hex SHA-256 of the canonical JSON of `value` (see {@link canonicalJson}). */
  sha256: string;
  value: unknown;
}

/**
 * Throws a {@link ConfigError} naming `runId` or `key` unless both are non-empty strings of at most
 * {@link maxCheckpointNameLength} characters of well-formed Unicode. Checkpoint stores call it first
 * in every method.
 */
export function assertCheckpointAddress(runId: unknown, key: unknown, source: string): void {
  const issues = [nameIssue('runId', runId), nameIssue('key', key)].filter((issue) => issue !== undefined);
  if (issues.length > 0) throw new ConfigError(source, issues);
}

/** Throws a {@link ConfigError} unless `runId` is a valid run id (see {@link assertCheckpointAddress}). */
export function assertCheckpointRunId(runId: unknown, source: string): void {
  const issue = nameIssue('runId', runId);
  if (issue) throw new ConfigError(source, [issue]);
}

/**
 * Serializes a checkpoint to the text a store keeps. Throws a {@link ConfigError} when `value` is not
 * plain JSON (bytes belong in the MediaStore; checkpoints keep the `MediaRef`).
 */
export function encodeCheckpointRecord(
  runId: string,
  key: string,
  value: unknown,
  source: string,
  now: Date = new Date(),
): string {
  assertCheckpointAddress(runId, key, source);
  assertJsonValue(value, source, 'value');
  const canonical = canonicalJson(value);
  const header = JSON.stringify({
    format: checkpointRecordFormat,
    runId,
    key,
    savedAt: now.toISOString(),
    sha256: sha256Hex(canonical),
  });
  return `${header.slice(0, -1)},"value":${canonical}}`;
}

/**
 * Parses and checks text written by {@link encodeCheckpointRecord}, returning a fresh copy of the value.
 * Throws {@link CheckpointCorruptError} when the text is torn, has another format, belongs to another
 * run or key, or fails its checksum: a corrupt record is never returned.
 */
export function decodeCheckpointRecord(runId: string, key: string, text: string): unknown {
  return parseCheckpointRecord(runId, key, text).value;
}

/** Like {@link decodeCheckpointRecord}, returning the whole record. */
export function parseCheckpointRecord(runId: string, key: string, text: string): CheckpointRecord {
  const corrupt = (detail: string) => new CheckpointCorruptError(runId, key, detail);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw corrupt(
      text.length === 0 ? 'the record is empty' : 'the record is not valid JSON; the write was torn',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw corrupt('the record is not a JSON object');
  }
  const record = parsed as Partial<CheckpointRecord>;
  if (record.format !== checkpointRecordFormat) {
    throw corrupt(`unknown format ${JSON.stringify(record.format)}, expected "${checkpointRecordFormat}"`);
  }
  if (record.runId !== runId || record.key !== key) {
    throw corrupt(`the record belongs to ${String(record.runId)}/${String(record.key)}`);
  }
  if (typeof record.sha256 !== 'string' || typeof record.savedAt !== 'string' || !('value' in record)) {
    throw corrupt('the record lacks its sha256, savedAt or value');
  }
  if (sha256Hex(canonicalJson(record.value)) !== record.sha256) {
    throw corrupt('the checksum does not match the value');
  }
  return record as CheckpointRecord;
}

// ---------------------------------------------------------------------------------------------

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function nameIssue(field: 'runId' | 'key', name: unknown): ConfigIssue | undefined {
  const fix = `use a non-empty string of at most ${maxCheckpointNameLength} characters`;
  if (typeof name !== 'string') return { field, problem: `expected a string, got ${typeof name}`, fix };
  if (name.length === 0) return { field, problem: 'it is empty', fix };
  if (name.length > maxCheckpointNameLength) {
    return { field, problem: `it is ${name.length} characters long`, fix };
  }
  if (/\p{Cs}/u.test(name))
    return { field, problem: 'it holds a lone UTF-16 surrogate', fix: 'use valid Unicode' };
  return undefined;
}
