// Samples the memory of this process and all its descendants (Chromium, ffmpeg, child Node
// processes) from /proc every `intervalMs`, keeping the peak of the summed RSS and PSS.
import { readdirSync, readFileSync } from 'node:fs';

function readProcessTable() {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}

function descendantsOf(root) {
  const parents = readProcessTable();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

function memoryOf(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    return { rss: kb('Rss') * 1024, pss: kb('Pss') * 1024 };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

/** Starts sampling; `stop()` returns `{ peakRss, peakPss, peakProcesses }` in bytes. */
export function sampleProcessTreeMemory(intervalMs = 200) {
  const peak = { peakRss: 0, peakPss: 0, peakProcesses: 0 };
  let marks = { ...peak };
  const sample = () => {
    let rss = 0;
    let pss = 0;
    const tree = descendantsOf(process.pid);
    for (const pid of tree) {
      const memory = memoryOf(pid);
      rss += memory.rss;
      pss += memory.pss;
    }
    for (const target of [peak, marks]) {
      target.peakRss = Math.max(target.peakRss, rss);
      target.peakPss = Math.max(target.peakPss, pss);
      target.peakProcesses = Math.max(target.peakProcesses, tree.size);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    /** The peaks since the previous `mark()` (or the start), then starts a new section. */
    mark() {
      sample();
      const section = marks;
      marks = { peakRss: 0, peakPss: 0, peakProcesses: 0 };
      return section;
    },
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
