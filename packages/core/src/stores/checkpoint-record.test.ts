import { describe, expect, it } from 'vitest';
import { CheckpointCorruptError } from '../errors/checkpoint-corrupt-error.js';
import { ConfigError } from '../errors/config-error.js';
import {
  assertCheckpointAddress,
  checkpointRecordFormat,
  decodeCheckpointRecord,
  encodeCheckpointRecord,
  parseCheckpointRecord,
} from './checkpoint-record.js';

const corruptDetail = (text: string): string => {
  try {
    decodeCheckpointRecord('run-1', 'script', text);
  } catch (error) {
    expect(CheckpointCorruptError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a CheckpointCorruptError');
};

describe('checkpoint records', () => {
  it('encodes to JSON that decodes to a fresh, equal value', () => {
    const value = { b: [1, { c: 'x' }], a: null };
    const text = encodeCheckpointRecord('run-1', 'script', value, 'test', new Date(0));
    const record = parseCheckpointRecord('run-1', 'script', text);
    expect(record).toMatchObject({
      format: checkpointRecordFormat,
      savedAt: '1970-01-01T00:00:00.000Z',
      value,
    });
    expect(decodeCheckpointRecord('run-1', 'script', text)).not.toBe(value);
  });

  it('rejects bad addresses and values with a ConfigError', () => {
    expect(() => assertCheckpointAddress('', 'k'.repeat(201), 'test')).toThrow(/`runId`[\s\S]*`key`/);
    expect(() => assertCheckpointAddress('run\uD800', 'key', 'test')).toThrow(/surrogate/);
    expect(() => encodeCheckpointRecord('run-1', 'key', new Uint8Array(1), 'test')).toThrow(ConfigError);
  });

  it('reports every kind of damage as corrupt', () => {
    const text = encodeCheckpointRecord('run-1', 'script', { price: 10 }, 'test');
    expect(corruptDetail(text.slice(0, 20))).toMatch(/torn/);
    expect(corruptDetail('')).toMatch(/empty/);
    expect(corruptDetail('[1]')).toMatch(/not a JSON object/);
    expect(corruptDetail(text.replace('"price":10', '"price":10.5'))).toMatch(/checksum/);
    expect(corruptDetail(text.replace(/"sha256":"[0-9a-f]+",/, ''))).toMatch(/lacks/);
    expect(corruptDetail(encodeCheckpointRecord('run-2', 'script', 1, 'test'))).toMatch(
      /belongs to run-2\/script/,
    );
  });
});
