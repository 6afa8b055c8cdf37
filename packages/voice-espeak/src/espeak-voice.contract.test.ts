import { describeVoiceProviderContract } from '@reelsmith/testkit';
import { createEspeakVoice } from './espeak-voice.js';

// Long enough (many sentences) that synthesis is still running when the suite's abort check
// aborts after 50 ms: the provider yields between sentences, where it honours the signal.
const sentence = 'This kettle pours a slow, steady stream and keeps the water hot for an hour.';
const text = Array.from({ length: 40 }, (_, index) => `${sentence} Cup number ${index + 1} is ready.`).join(
  ' ',
);

describeVoiceProviderContract({
  name: 'createEspeakVoice (testkit voice contract)',
  create: () => createEspeakVoice(),
  input: { text },
});
