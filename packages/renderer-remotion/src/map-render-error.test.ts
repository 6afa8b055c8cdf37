import { ConfigError, ProviderError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { mapRenderError } from './map-render-error.js';

describe('mapRenderError', () => {
  it.each([
    'Protocol error (Runtime.callFunctionOn): Target closed.',
    'Page crashed!',
    'A delayRender() "Loading <Img>" was called but not cleared after 28000ms.',
    'Navigation timeout of 30000 ms exceeded',
    'Failed to launch the browser process!',
  ])('classifies %j as transient', (message) => {
    const mapped = mapRenderError(new Error(message), 'rendering classic');
    expect(ProviderError.isInstance(mapped)).toBe(true);
    expect(mapped).toMatchObject({ kind: 'transient', provider: 'remotion', retryable: true });
  });

  it('classifies an image the browser cannot load as invalid input', () => {
    const mapped = mapRenderError(
      new Error('Error loading image with src: http://localhost/x.png'),
      'rendering',
    );
    expect(mapped).toMatchObject({ kind: 'invalid_input', retryable: false });
  });

  it('classifies other failures as unknown and passes Reelsmith errors through', () => {
    expect(mapRenderError(new Error('Cannot read properties of undefined'), 'rendering')).toMatchObject({
      kind: 'unknown',
    });
    const config = new ConfigError('x', [{ field: 'a', problem: 'b', fix: 'c' }]);
    expect(mapRenderError(config, 'rendering')).toBe(config);
  });
});
