import { AbsoluteFill, Sequence, useVideoConfig } from 'remotion';
import { Captions } from './components/captions.js';
import { EndCard } from './components/end-card.js';
import { PriceBadge } from './components/price-badge.js';
import { SceneTrack } from './components/scene-track.js';
import { Soundtrack } from './components/soundtrack.js';
import { TitleCard } from './components/title-card.js';
import type { ReelProps } from './reel-props.js';
import { sectionFrames } from './sections.js';

/**
 * The `classic` composition: Ken Burns on each scene image, a title card, a price and rating
 * badge, word-by-word captions with the spoken word highlighted, and a call-to-action end card.
 */
export function Classic(props: ReelProps) {
  const { fps, durationInFrames } = useVideoConfig();
  const sections = sectionFrames(durationInFrames, fps);
  const still = props.mode === 'thumbnail';
  return (
    <AbsoluteFill style={{ backgroundColor: '#000' }}>
      <SceneTrack scenes={props.scenes} />
      <AbsoluteFill
        style={{
          background:
            'linear-gradient(180deg, rgba(0,0,0,0.45) 0%, rgba(0,0,0,0) 28%, rgba(0,0,0,0) 52%, rgba(0,0,0,0.55) 100%)',
        }}
      />
      {still ? (
        <>
          <TitleCard
            title={props.title}
            brand={props.product.brand}
            durationInFrames={durationInFrames}
            still
          />
          <PriceBadge product={props.product} still />
        </>
      ) : (
        <>
          <Sequence durationInFrames={sections.openingEnd} layout="none">
            <TitleCard
              title={props.title}
              brand={props.product.brand}
              durationInFrames={sections.openingEnd}
            />
          </Sequence>
          {sections.endCardStart > sections.badgeStart ? (
            <Sequence
              from={sections.badgeStart}
              durationInFrames={sections.endCardStart - sections.badgeStart}
              layout="none"
            >
              <PriceBadge product={props.product} />
            </Sequence>
          ) : null}
          <Sequence durationInFrames={sections.endCardStart} layout="none">
            <Captions words={props.captions} variant="classic" />
          </Sequence>
          <Sequence from={sections.endCardStart} layout="none">
            <EndCard
              callToAction={props.callToAction}
              title={props.product.title}
              price={props.product.price}
              variant="classic"
            />
          </Sequence>
          <Soundtrack voice={props.voice} captions={props.captions} music={props.music} />
        </>
      )}
    </AbsoluteFill>
  );
}
