import { describe, expect, it } from 'vitest';
import { deduplicationId, toQueuedJob } from './job-data.js';

describe('deduplicationId', () => {
  it('is the same for one product however it is named', () => {
    const asin = deduplicationId({ id: '1', asin: 'b0c1234567' });
    expect(
      deduplicationId({ id: '2', url: 'https://www.amazon.com/Bottle/dp/B0C1234567/ref=sr_1_1?th=1' }),
    ).toBe('asin:B0C1234567');
    expect(asin).toBe('asin:B0C1234567');
    expect(deduplicationId({ id: '3', title: '  Steel   Bottle ' })).toBe(
      deduplicationId({ id: '4', title: 'steel bottle' }),
    );
    expect(deduplicationId({ id: '5', url: 'https://shop.example/p/1?utm=x' })).toBe(
      'url:https://shop.example/p/1',
    );
  });

  it('counts one ASIN in two marketplaces as one product', () => {
    expect(deduplicationId({ id: '1', url: 'https://www.amazon.de/dp/B0C1234567' })).toBe(
      deduplicationId({ id: '2', url: 'https://www.amazon.com/dp/B0C1234567' }),
    );
  });
});

describe('toQueuedJob', () => {
  it('fixes a readable run id at enqueue and names a bad job', () => {
    expect(toQueuedJob('Steel Bottle!', 0).runId).toMatch(/^steel-bottle-[0-9a-f]{8}$/);
    expect(() => toQueuedJob({ fields: {} } as never, 3)).toThrow(/`jobs\[3\]`/);
  });
});
