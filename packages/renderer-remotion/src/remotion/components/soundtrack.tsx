import { useMemo } from 'react';
import { Html5Audio, staticFile, useVideoConfig } from 'remotion';
import type { ReelMusic, ReelWord } from '../reel-props.js';
import { duckedVolume, speechIntervals } from '../timeline.js';

/** Props of {@link Soundtrack}. */
export type SoundtrackProps = {
  /** A public path. */
  voice: string;
  captions: readonly ReelWord[];
  music?: ReelMusic;
};

/** The voice-over, and the music bed (looped) ducked under the spoken words. */
export function Soundtrack(props: SoundtrackProps) {
  const { fps } = useVideoConfig();
  const intervals = useMemo(() => speechIntervals(props.captions), [props.captions]);
  const music = props.music;
  return (
    <>
      <Html5Audio src={staticFile(props.voice)} />
      {music ? (
        <Html5Audio
          src={staticFile(music.src)}
          loop
          volume={(frame) => duckedVolume((frame / fps) * 1000, intervals, music)}
        />
      ) : null}
    </>
  );
}
