import { describeVoiceProviderContract } from '@reelsmith/testkit';
import { createEspeakVoice } from './espeak-voice.js';

describeVoiceProviderContract({
  name: 'createEspeakVoice (testkit voice contract)',
  create: () => createEspeakVoice(),
  input: {
    text: 'This kettle pours a slow, steady stream. It keeps water hot for an hour. Grab yours today.',
  },
});
