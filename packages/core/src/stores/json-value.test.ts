import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { assertJsonValue, canonicalJson } from './json-value.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson('x')).toBe('"x"');
  });
});

describe('assertJsonValue', () => {
  const issueOf = (value: unknown) => {
    try {
      assertJsonValue(value, 'test', 'value');
      return undefined;
    } catch (error) {
      expect(ConfigError.isInstance(error)).toBe(true);
      return (error as ConfigError).issues[0];
    }
  };

  it('accepts plain JSON, shared references and null-prototype objects', () => {
    const shared = { a: 1 };
    expect(issueOf({ list: [shared, shared], nothing: null, gone: undefined })).toBeUndefined();
    expect(issueOf(Object.assign(Object.create(null), { a: 1 }))).toBeUndefined();
  });

  it('names the path of the first bad part', () => {
    expect(issueOf({ scenes: [{ image: new Uint8Array(1) }] })).toMatchObject({
      field: 'value.scenes[0].image',
      fix: expect.stringMatching(/MediaStore/),
    });
    expect(issueOf([1, undefined])?.field).toBe('value[1]');
    expect(issueOf({ when: new Date() })?.fix).toMatch(/toISOString/);
    expect(issueOf(Buffer.from('x'))?.problem).toMatch(/bytes/);
    expect(issueOf(new ArrayBuffer(2))?.problem).toMatch(/bytes/);
    expect(issueOf(new (class Custom {})())?.problem).toMatch(/Custom/);
    expect(issueOf(-Infinity)?.problem).toMatch(/finite/);
  });
});
