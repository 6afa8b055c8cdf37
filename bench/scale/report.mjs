/**
 * Prints the scale benchmark's figures as one table (a column for the in-process baseline and one
 * per load), then the invariants and the goal, and returns whether every invariant held:
 * no job lost, no duplicate publish, neither shared limit exceeded (voice calls in flight counted
 * by the fake; publish slots granted in any window, read from the limiter, and no publish call
 * without a slot), every completed run published.
 * The completion rate under faults (goal ≥ 99.5 %) and the ratios are reported, not asserted.
 */

const fixed = (digits) => (value) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const int = fixed(0);
const one = fixed(1);
const two = fixed(2);
const three = fixed(3);
const seconds = (ms) => one(ms / 1000);
const pair = (format, a, b) => `${format(a)} / ${format(b)}`;
const percent = (part, whole) => `${((part / whole) * 100).toFixed(2)} %`;

/** Prints the table and the checks; returns true when every invariant held. */
export function printReport({ settings, baseline, loads }) {
  const voiceLimit = settings.limits.voice.concurrency;
  const { intervalCap: publishCap, intervalMs } = settings.limits.publish;
  const dash = '—';
  const rows = [
    ['jobs', baseline.jobs, ...loads.map((load) => load.enqueued)],
    ['injected fault rate per call', '0', ...loads.map((load) => `${(load.faultRate * 100).toFixed(1)} %`)],
    [
      'completed / failed',
      `${baseline.completed} / ${baseline.failed}`,
      ...loads.map((load) => `${load.completed} / ${load.failed}`),
    ],
    ['jobs lost (enqueued − completed − failed)', dash, ...loads.map((load) => load.lost)],
    [
      'completion rate',
      percent(baseline.completed, baseline.jobs),
      ...loads.map((load) => percent(load.completed, load.enqueued)),
    ],
    [
      'wall s (first enqueue → last finish)',
      seconds(baseline.wallMs),
      ...loads.map((load) => seconds(load.wallMs)),
    ],
    ['enqueue s (all jobs added)', dash, ...loads.map((load) => seconds(load.enqueueMs))],
    ['throughput runs/min', int(baseline.throughput), ...loads.map((load) => int(load.throughput))],
    ['throughput / baseline', three(1), ...loads.map((load) => three(load.throughput / baseline.throughput))],
    [
      'latency enqueue → done p50 / p95 s',
      dash,
      ...loads.map((load) => pair(two, load.latencyP50 / 1000, load.latencyP95 / 1000)),
    ],
    [
      'processing time p50 / p95 ms',
      pair(int, baseline.processingP50, baseline.processingP95),
      ...loads.map((load) => pair(int, load.processingP50, load.processingP95)),
    ],
    ['injected faults', baseline.meter.faultsTotal, ...loads.map((load) => load.meter.faultsTotal)],
    [
      '  of which after the post was made',
      dash,
      ...loads.map((load) => load.meter.faults['publish (after the post was made)'] ?? 0),
    ],
    ['job attempts failed (retried by BullMQ)', dash, ...loads.map((load) => load.failedAttempts)],
    [
      'Redis commands per run (server, all clients)',
      dash,
      ...loads.map((load) => one(load.serverCommandsPerRun)),
    ],
    [
      'Redis requests per run: SDK (workers + queue)',
      dash,
      ...loads.map((load) => one(load.sdkRequestsPerRun)),
    ],
    ['Redis requests per run: bench meters', dash, ...loads.map((load) => one(load.benchRequestsPerRun))],
    [
      `max voice calls in flight (limit ${voiceLimit})`,
      baseline.meter.maxVoiceInFlight,
      ...loads.map((load) => load.meter.maxVoiceInFlight),
    ],
    [
      `max publish slots granted in ${intervalMs} ms (cap ${publishCap})`,
      dash,
      ...loads.map((load) => load.slots.maxSlotsInWindow),
    ],
    [
      'publish calls / slots granted',
      dash,
      ...loads.map((load) => `${load.meter.publishCalls} / ${load.slots.slots}`),
    ],
    [
      'max publish calls started in a calendar second',
      `${baseline.meter.maxPublishesPerSecond}*`,
      ...loads.map((load) => `${load.meter.maxPublishesPerSecond}†`),
    ],
    [
      'posts / distinct draft markers',
      `${baseline.meter.posts} / ${baseline.meter.distinctMarkers}`,
      ...loads.map((load) => `${load.meter.posts} / ${load.meter.distinctMarkers}`),
    ],
    [
      'duplicate publishes',
      baseline.meter.duplicatePublishes,
      ...loads.map((load) => load.meter.duplicatePublishes),
    ],
  ];
  const header = [
    '',
    `baseline (1 process, no Redis)`,
    ...loads.map((load) => `${load.label} (${settings.workers} workers)`),
  ];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => String(row[column]).length)),
  );
  const line = (row) =>
    row
      .map((cell, column) =>
        column === 0 ? String(cell).padEnd(widths[0]) : String(cell).padStart(widths[column]),
      )
      .join('   ');
  console.log('');
  console.log(line(header));
  for (const row of rows) console.log(line(row));

  const checks = [];
  for (const load of loads) {
    const withPost = load.meter.distinctMarkers;
    checks.push(
      [`${load.label}: no job lost${load.timedOut ? ' (timed out)' : ''}`, load.lost === 0 && !load.timedOut],
      [`${load.label}: no duplicate publish`, load.meter.duplicatePublishes === 0],
      [`${load.label}: voice calls in flight ≤ ${voiceLimit}`, load.meter.maxVoiceInFlight <= voiceLimit],
      [
        `${load.label}: publish slots in any ${intervalMs} ms ≤ ${publishCap}`,
        load.slots.maxSlotsInWindow <= publishCap,
      ],
      [
        `${load.label}: every publish call had a slot (calls ≤ slots)`,
        load.meter.publishCalls <= load.slots.slots,
      ],
      [`${load.label}: every completed run published (${withPost} posts)`, withPost >= load.completed],
    );
  }
  console.log('');
  console.log('invariants:');
  for (const [label, ok] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${label}`);
  const faulty = loads.filter((load) => load.faultRate > 0);
  console.log('');
  for (const load of faulty) {
    const rate = load.completed / load.enqueued;
    console.log(
      `goal: completion rate with ${(load.faultRate * 100).toFixed(1)} % faults ≥ 99.5 %: ` +
        `${(rate * 100).toFixed(2)} % — ${rate >= 0.995 ? 'met' : 'NOT met'}`,
    );
  }
  const limited = loads.map(
    (load) =>
      `${load.label}: voice ${load.meter.maxVoiceInFlight === voiceLimit ? 'reached' : 'did not reach'} its limit, ` +
      `publishing ${load.slots.maxSlotsInWindow === publishCap ? 'reached' : 'did not reach'} its cap`,
  );
  console.log(`limits: ${limited.join('; ')}`);
  console.log(
    '* the baseline limits publishing in process (p-queue: fixed windows from its own start, so a ' +
      'calendar second may straddle two); the workers share a sliding window in Redis.',
  );
  console.log(
    '† counted by the fake at call start: a call starts a little after its slot is granted, so ' +
      'a second may hold a few more call starts than slots; the limit applies to the slots.',
  );
  console.log(
    'note: latency enqueue → done includes the wait in the queue (all jobs are enqueued at once); ' +
      'processing time is one run on a worker.',
  );
  return checks.every(([, ok]) => ok);
}
