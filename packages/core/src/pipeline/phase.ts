import type {
  CaptionsOutput,
  ComplianceOutput,
  ImagesOutput,
  ProductOutput,
  ReportOutput,
  ScriptOutput,
  VerifyImagesOutput,
  VideoOutput,
  VoiceOutput,
} from '../affiliate/outputs.js';
import { ConfigError } from '../errors/config-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { CallWarning, Progress } from '../spec/call-options.js';
import type { Job } from '../spec/job.js';
import type { MediaStore } from '../spec/media-store.js';
import type { Provider } from '../spec/provider.js';
import type { PublishDraft, PublishedPost, Publisher } from '../spec/publisher.js';
import type { RunSummary } from './run-record.js';

/**
 * Outputs of phases known by name: the standard affiliate phases are listed; add your own with
 * declaration merging so `needs: ['my-phase']` is typed:
 *
 * ```ts
 * declare module '@reelsmith/core' {
 *   interface PhaseOutputs { 'my-phase': { score: number } }
 * }
 * ```
 */
export interface PhaseOutputs {
  product: ProductOutput;
  script: ScriptOutput;
  compliance: ComplianceOutput;
  images: ImagesOutput;
  'verify-images': VerifyImagesOutput;
  voice: VoiceOutput;
  captions: CaptionsOutput;
  render: VideoOutput;
  store: VideoOutput;
  report: ReportOutput;
}

/** A dependency: a phase name, or the phase itself (which types its output). */
export type Need = string | AnyPhase;

type NeedName<N> = N extends Phase<infer Name, unknown> ? Name : N extends string ? N : never;
type NeedOutput<N> =
  N extends Phase<string, infer Output> ? Output : N extends keyof PhaseOutputs ? PhaseOutputs[N] : unknown;

/** The outputs of a phase's dependencies, by name. */
export type PhaseInputs<Needs extends readonly Need[]> = {
  [N in Needs[number] as NeedName<N>]: NeedOutput<N>;
};

/** A draft without the marker: the engine derives and adds it. */
export type DraftWithoutMarker = Omit<PublishDraft, 'marker'>;

/** What a phase's `run` receives. */
export interface PhaseContext<Inputs = Record<string, unknown>> {
  readonly runId: string;
  readonly job: Job;
  /** This phase's name. */
  readonly phase: string;
  /** Outputs of the phases in `needs`. */
  readonly inputs: Inputs;
  /** Aborts when the run is cancelled or another phase failed. */
  readonly signal: AbortSignal;
  readonly media: MediaStore;
  readonly events: EventBus;
  /** US dollars spent by the run so far. */
  readonly costUsd: number;
  /**
   * Returns `provider` with the run's resilience applied: breaker, limits, budget, retry,
   * cost and events (a `fallback()` chain gets it per member). Call providers through it.
   */
  use<P extends Provider>(provider: P): P;
  /** Publishes exactly once per run and platform (intent record, reconcile on resume). */
  publish(publisher: Publisher, draft: DraftWithoutMarker): Promise<PublishedPost>;
  progress(progress: Progress): void;
  warn(warning: CallWarning): void;
  /** Finished phases so far (time, cost, providers) and the run's spending: for reports and metadata. */
  summary(): RunSummary;
}

/** A step of a pipeline. Its output must be JSON (media go to the MediaStore as references). */
export interface Phase<Name extends string = string, Output = unknown> {
  readonly name: Name;
  readonly needs: readonly string[];
  run(context: PhaseContext<any>): Promise<Output>;
  /** Type-only: the output type. */
  readonly __output?: Output;
}

/** Any phase. */
export type AnyPhase = Phase<string, any>;

/** What {@link definePhase} takes. */
export interface PhaseDefinition<Name extends string, Needs extends readonly Need[], Output> {
  /** Unique in the pipeline; letters, digits, `-`, `_`, `:` (e.g. `publish:youtube`). */
  name: Name;
  needs?: Needs;
  run(context: PhaseContext<PhaseInputs<Needs>>): Promise<Output> | Output;
}

const namePattern = /^[a-z0-9][a-z0-9:_-]{0,63}$/i;

/**
 * Defines a phase. `needs` lists phases (by name or by the phase object, which types
 * `ctx.inputs`); the phase starts when they have finished.
 *
 * @example
 * ```ts
 * const shout = definePhase({ name: 'shout', needs: [script], run: ({ inputs }) => inputs.script.title.toUpperCase() });
 * ```
 */
export function definePhase<
  const Name extends string,
  const Needs extends readonly Need[] = [],
  Output = unknown,
>(definition: PhaseDefinition<Name, Needs, Output>): Phase<Name, Awaited<Output>> {
  const where = `definePhase(${JSON.stringify(definition?.name)})`;
  if (typeof definition?.name !== 'string' || !namePattern.test(definition.name)) {
    throw new ConfigError(where, [
      {
        field: 'name',
        problem: `${JSON.stringify(definition?.name)} is not a valid phase name`,
        fix: 'use 1–64 letters, digits, "-", "_" or ":", starting with a letter or digit (e.g. "publish:youtube")',
      },
    ]);
  }
  if (typeof definition.run !== 'function') {
    throw new ConfigError(where, [
      { field: 'run', problem: 'missing run function', fix: 'pass run: async (ctx) => output' },
    ]);
  }
  const needs = (definition.needs ?? []).map((need, index) => {
    const name = typeof need === 'string' ? need : need?.name;
    if (typeof name !== 'string' || name === '') {
      throw new ConfigError(where, [
        {
          field: `needs[${index}]`,
          problem: 'expected a phase name or a phase',
          fix: 'list the phases this one reads',
        },
      ]);
    }
    return name;
  });
  const duplicate = needs.find((name, index) => needs.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw new ConfigError(where, [
      { field: 'needs', problem: `"${duplicate}" is listed twice`, fix: 'list each dependency once' },
    ]);
  }
  const run = definition.run;
  return Object.freeze({
    name: definition.name,
    needs: Object.freeze(needs),
    run: async (context: PhaseContext<any>): Promise<Awaited<Output>> => await run(context),
  }) as Phase<Name, Awaited<Output>>;
}
