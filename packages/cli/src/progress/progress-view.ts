import type { EventBus, Listener, ReelsmithEventName } from '@reelsmith/core';

/** Where progress goes: a TTY gets redrawn bars; anything else gets plain lines. */
export interface ProgressOutput {
  write(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

interface RunLine {
  label: string;
  done: number;
  phase: string;
  fraction: number | undefined;
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
}

/**
 * Shows run progress from pipeline events: on a TTY, one bar per run with its current phase
 * and progress, redrawn in place; otherwise one plain line per phase start, end or skip.
 */
export function attachProgressView(
  events: EventBus,
  output: ProgressOutput,
  options: { phaseCount: number; labels: Map<string, string> },
): () => void {
  const runs = new Map<string, RunLine>();
  const tty = output.isTTY === true;
  let drawnLines = 0;
  const labelOf = (runId: string) => options.labels.get(runId) ?? runId;

  const draw = () => {
    if (!tty) return;
    const width = Math.max(20, Math.min(30, (output.columns ?? 80) - 60));
    let text = drawnLines > 0 ? `\u001b[${drawnLines}A` : '';
    for (const run of runs.values()) {
      const filled = Math.round((run.done / options.phaseCount) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const detail =
        run.status === 'running'
          ? `${run.phase}${run.fraction !== undefined ? ` ${Math.round(run.fraction * 100)}%` : ''}`
          : run.status;
      text += `\u001b[2K${run.label.slice(0, 28).padEnd(28)} ${bar} ${run.done}/${options.phaseCount} ${detail}\n`;
    }
    drawnLines = runs.size;
    output.write(text);
  };
  const line = (text: string) => {
    if (!tty) output.write(`${text}\n`);
  };

  const listeners: Array<() => void> = [];
  const on = <E extends ReelsmithEventName>(event: E, listener: Listener<E>) => {
    events.on(event, listener);
    listeners.push(() => events.off(event, listener));
  };

  on('run:start', (event) => {
    runs.set(event.runId, {
      label: labelOf(event.runId),
      done: 0,
      phase: 'starting',
      fraction: undefined,
      status: 'running',
    });
    line(`${labelOf(event.runId)}: ${event.resumed ? 'resuming' : 'started'} (run ${event.runId})`);
    draw();
  });
  on('phase:start', (event) => {
    const run = runs.get(event.runId);
    if (run) Object.assign(run, { phase: event.phase, fraction: undefined });
    line(`${labelOf(event.runId)}: ${event.phase} …`);
    draw();
  });
  on('phase:skip', (event) => {
    const run = runs.get(event.runId);
    if (run) run.done += 1;
    line(`${labelOf(event.runId)}: ${event.phase} skipped (already done)`);
    draw();
  });
  on('phase:end', (event) => {
    const run = runs.get(event.runId);
    if (run) run.done += 1;
    line(`${labelOf(event.runId)}: ${event.phase} done in ${(event.durationMs / 1000).toFixed(1)} s`);
    draw();
  });
  on('progress', (event) => {
    const run = event.runId ? runs.get(event.runId) : undefined;
    if (run && event.fraction !== undefined) {
      run.fraction = event.fraction;
      draw();
    }
  });
  on('provider:fallback', (event) => {
    if (event.runId) line(`${labelOf(event.runId)}: ${event.from} → ${event.to ?? 'none'} (${event.reason})`);
  });
  on('run:end', (event) => {
    const run = runs.get(event.runId);
    if (run) run.status = event.status;
    line(`${labelOf(event.runId)}: ${event.status}${event.error ? ` — ${event.error.message}` : ''}`);
    draw();
  });
  return () => {
    for (const off of listeners) off();
  };
}
