import { ConfigError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { parseImagenSettings, resolveConnection } from './imagen-settings.js';

const configError = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('settings', () => {
  it('rejects bad fields with the field and the fix', () => {
    expect(configError(() => parseImagenSettings({ baseURL: 'not a url' })).field).toBe('baseURL');
    expect(configError(() => parseImagenSettings({ apikey: 'x' })).message).toMatch(/apikey/);
    const prices = configError(() => parseImagenSettings({ prices: { date: 'today', perImage: {} } }));
    expect(prices.field).toBe('prices.date');
    expect(prices.message).toMatch(/YYYY-MM-DD/);
  });

  it('takes GEMINI_API_KEY before GOOGLE_API_KEY, and an explicit key before both', () => {
    const env = { GEMINI_API_KEY: 'gemini-key-123', GOOGLE_API_KEY: 'google-key-456' };
    expect(resolveConnection({}, env)).toEqual({ vertexai: false, apiKey: 'gemini-key-123' });
    expect(resolveConnection({}, { GOOGLE_API_KEY: 'google-key-456' })).toEqual({
      vertexai: false,
      apiKey: 'google-key-456',
    });
    expect(resolveConnection({ apiKey: 'explicit-key-789' }, env)).toEqual({
      vertexai: false,
      apiKey: 'explicit-key-789',
    });
  });

  it('names the variable to set when the key is missing', () => {
    const error = configError(() => resolveConnection({}, { GEMINI_API_KEY: ' ' }));
    expect(error.field).toBe('apiKey');
    expect(error.message).toMatch(/set GEMINI_API_KEY/);
  });

  it('Vertex AI: project from settings or GOOGLE_CLOUD_PROJECT, location defaulting to global', () => {
    expect(resolveConnection({ vertexai: true, project: 'p1' }, {})).toEqual({
      vertexai: true,
      project: 'p1',
      location: 'global',
    });
    expect(
      resolveConnection(
        {},
        {
          GOOGLE_GENAI_USE_VERTEXAI: 'true',
          GOOGLE_CLOUD_PROJECT: 'p2',
          GOOGLE_CLOUD_LOCATION: 'us-central1',
        },
      ),
    ).toEqual({ vertexai: true, project: 'p2', location: 'us-central1' });
    expect(configError(() => resolveConnection({ vertexai: true }, {})).message).toMatch(
      /GOOGLE_CLOUD_PROJECT/,
    );
    expect(
      configError(() => resolveConnection({ vertexai: true, project: 'p', apiKey: 'k' }, {})).field,
    ).toBe('apiKey');
  });
});
