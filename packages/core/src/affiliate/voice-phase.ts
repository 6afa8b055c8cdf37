import { ProviderError } from '../errors/provider-error.js';
import { definePhase } from '../pipeline/phase.js';
import type { Script } from '../spec/script-provider.js';
import type { AffiliateSettings } from './affiliate-options.js';
import type { VoiceOutput } from './outputs.js';

/** The spoken segments of a script, in order: the hook, each scene line, the call to action. */
export function spokenSegments(script: Script): string[] {
  return [script.hook, ...script.scenes.map((scene) => scene.text), script.callToAction];
}

/** `voice`: synthesizes the voice-over with word timings. */
export function voicePhase({ options }: AffiliateSettings) {
  return definePhase({
    name: 'voice',
    needs: ['script', 'compliance'],
    run: async (ctx): Promise<VoiceOutput> => {
      const text = spokenSegments(ctx.inputs.script.script).join(' ');
      const result = await ctx.use(options.voice).synthesize(
        {
          text,
          ...(options.voiceOptions?.voice ? { voice: options.voiceOptions.voice } : {}),
          ...(options.voiceOptions?.speed ? { speed: options.voiceOptions.speed } : {}),
          ...(options.language ? { language: options.language } : {}),
        },
        { signal: ctx.signal, idempotencyKey: `${ctx.runId}:voice` },
      );
      if (result.audio.byteLength === 0 || !(result.durationMs > 0)) {
        throw new ProviderError({
          kind: 'unknown',
          provider: options.voice.id,
          message: `the voice provider returned ${result.audio.byteLength} bytes lasting ${result.durationMs} ms; a voice-over needs audio`,
        });
      }
      const extension = result.mediaType.includes('wav')
        ? 'wav'
        : result.mediaType.includes('mpeg')
          ? 'mp3'
          : 'audio';
      const audio = await ctx.media.put(`${ctx.runId}/voice.${extension}`, result.audio, result.mediaType);
      return { audio, durationMs: result.durationMs, words: result.words, text };
    },
  });
}
