import { describe, expect, it } from 'vitest';
import { draftFixture, fakeOAuthClient } from './testing/fixtures.js';
import { describeWithMarker, hasMarkerLine, mergeTags, tagCharacters } from './video-metadata.js';
import { createYouTubePublisher } from './youtube-publisher.js';

const youtube = createYouTubePublisher({
  auth: fakeOAuthClient(),
  privacyStatus: 'public',
  selfDeclaredMadeForKids: false,
});
const { draft } = await draftFixture();
const fields = async (changes: object) =>
  (await youtube.validate({ ...draft, ...changes })).issues.map((issue) => issue.field);

describe('validate()', () => {
  it('accepts a vertical Short under 3 minutes', async () => {
    expect(await youtube.validate(draft)).toEqual({ ok: true, issues: [] });
  });

  it('rejects landscape and over-3-minute videos (YouTube would not make them Shorts)', async () => {
    expect(await fields({ width: 1920, height: 1080 })).toEqual(['width']);
    expect(await fields({ durationMs: 181_000 })).toEqual(['durationMs']);
    const regular = createYouTubePublisher({
      auth: fakeOAuthClient(),
      privacyStatus: 'public',
      selfDeclaredMadeForKids: false,
      requireShorts: false,
    });
    expect((await regular.validate({ ...draft, width: 1920, height: 1080, durationMs: 600_000 })).ok).toBe(
      true,
    );
  });

  it('counts the description in UTF-8 bytes with the marker line, and names the bytes to cut', async () => {
    const description = 'é'.repeat(2_490); // 4,980 bytes; the marker line pushes it over 5,000
    const result = await youtube.validate({ ...draft, description });
    expect(result.issues[0]?.field).toBe('description');
    expect(result.issues[0]?.fix).toMatch(/shorten it by \d+ bytes/);
    expect(result.issues[0]?.fix).toMatch(/fitCaption/);
  });

  it('rejects < and > in the description and tags', async () => {
    expect(await fields({ description: 'love it <3' })).toEqual(['description']);
    expect(await fields({ tags: ['<b>'] })).toEqual(['tags']);
  });

  it('counts tags as YouTube does: quotes around tags with spaces, commas between', async () => {
    expect(tagCharacters(['a b', 'cd'])).toBe(3 + 2 + 2 + 1);
    const tags = Array.from({ length: 50 }, (_, index) => `tag number ${index}`);
    expect(await fields({ tags })).toEqual(['tags']);
  });

  it('rejects a non-video media type and an empty title', async () => {
    expect(await fields({ video: { ...draft.video, mediaType: 'image/png' } })).toEqual(['video.mediaType']);
    expect(await fields({ title: '   ' })).toEqual(['title']);
  });
});

describe('marker line', () => {
  it('is the last line of the description and matches whole lines only', () => {
    const text = describeWithMarker('Great kettle. #ad\n', 'rsm-abc');
    expect(text).toBe('Great kettle. #ad\n\nref: rsm-abc');
    expect(hasMarkerLine(text, 'rsm-abc')).toBe(true);
    expect(hasMarkerLine(text, 'rsm-ab')).toBe(false);
    expect(hasMarkerLine(describeWithMarker('x', 'rsm-abc-1234'), 'rsm-abc')).toBe(false);
  });

  it('merges tags without # or duplicates', () => {
    expect(mergeTags(['#Kettle', 'kitchen', ''], ['kettle', 'deals'])).toEqual([
      'Kettle',
      'kitchen',
      'deals',
    ]);
  });
});
