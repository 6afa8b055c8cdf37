import { AbsoluteFill, Sequence, useVideoConfig } from 'remotion';
import { Captions } from './components/captions.js';
import { EndCard } from './components/end-card.js';
import { LightSweep } from './components/light-sweep.js';
import { Particles } from './components/particles.js';
import { ProductReveal } from './components/product-reveal.js';
import { ReviewCard } from './components/review-card.js';
import { SceneTrack } from './components/scene-track.js';
import { Soundtrack } from './components/soundtrack.js';
import type { ReelProps, ReelReview } from './reel-props.js';
import { sectionFrames } from './sections.js';
import { msToFrame } from './timeline.js';

/**
 * The `wow` composition: a product reveal, light sweeps at every cut, particles, animated review
 * stars with a review quote, bold popping captions and a pulsing call to action.
 */
export function Wow(props: ReelProps) {
  const { fps, durationInFrames } = useVideoConfig();
  const sections = sectionFrames(durationInFrames, fps);
  const still = props.mode === 'thumbnail';
  const review = pickReview(props.product.reviews);
  const firstImage = props.scenes[0]?.image;
  const reviewFrames = sections.endCardStart - sections.openingEnd;
  return (
    <AbsoluteFill style={{ backgroundColor: '#000' }}>
      <SceneTrack scenes={props.scenes} zoom={[1.08, 1.28]} flash={!still} />
      <AbsoluteFill
        style={{
          background: 'radial-gradient(circle at 50% 45%, rgba(0,0,0,0) 45%, rgba(20,0,40,0.7) 100%)',
        }}
      />
      <Particles seed={props.title} />
      {still ? (
        firstImage ? (
          <ProductReveal
            image={firstImage}
            title={props.product.title}
            brand={props.product.brand}
            durationInFrames={durationInFrames}
            still
          />
        ) : null
      ) : (
        <>
          {props.scenes.map((scene, index) => (
            <Sequence
              key={`sweep-${scene.startMs}`}
              from={index === 0 ? 0 : msToFrame(scene.startMs, fps)}
              layout="none"
            >
              <LightSweep />
            </Sequence>
          ))}
          {firstImage ? (
            <Sequence durationInFrames={sections.openingEnd} layout="none">
              <ProductReveal
                image={firstImage}
                title={props.product.title}
                brand={props.product.brand}
                durationInFrames={sections.openingEnd}
              />
            </Sequence>
          ) : null}
          {reviewFrames > 0 ? (
            <Sequence from={sections.openingEnd} durationInFrames={reviewFrames} layout="none">
              <ReviewCard
                rating={props.product.rating}
                review={review}
                reviewCount={props.product.reviewCount}
                durationInFrames={reviewFrames}
              />
            </Sequence>
          ) : null}
          <Sequence durationInFrames={sections.endCardStart} layout="none">
            <Captions words={props.captions} variant="wow" top={0.62} />
          </Sequence>
          <Sequence from={sections.endCardStart} layout="none">
            <EndCard
              callToAction={props.callToAction}
              title={props.product.title}
              price={props.product.price}
              variant="wow"
            />
          </Sequence>
          <Soundtrack voice={props.voice} captions={props.captions} music={props.music} />
        </>
      )}
    </AbsoluteFill>
  );
}

/** The review to quote: the best-rated one of a readable length, else the first. */
export function pickReview(reviews: readonly ReelReview[]): ReelReview | undefined {
  const readable = reviews.filter((review) => review.text.trim().length >= 12);
  const sorted = [...readable].sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0));
  return sorted[0] ?? reviews[0];
}
