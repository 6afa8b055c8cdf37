/**
 * The scale benchmark's worker processes: `startWorker(config)` forks worker.mjs with its JSON
 * config and resolves with `{ child, ready }` once it reports ready (`ready`: the Redis requests
 * it had sent by then); `stopWorker(worker)` asks it to stop (active runs finish) and resolves
 * with its `stopped` report, or kills it after 30 s; `killWorkers()` kills every worker still
 * running (SIGKILL, by process id), for the cleanup after a failure or Ctrl+C.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

const workerPath = path.join(import.meta.dirname, 'worker.mjs');
const children = new Set();

/** Forks a worker and waits until it is ready. */
export function startWorker(config) {
  const child = fork(workerPath, [JSON.stringify(config)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a worker did not start within 30 s')), 30_000);
    child.on('message', (message) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ child, ready: message.requests });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`a worker exited (code ${code}) before it was ready`));
    });
  });
}

/** Stops a worker and resolves with its report (undefined when it had to be killed). */
export function stopWorker({ child }) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(undefined);
    }, 30_000);
    child.on('message', (message) => {
      if (message?.type !== 'stopped') return;
      clearTimeout(timer);
      resolve(message);
    });
    child.send({ type: 'stop' });
  });
}

/** Kills the workers still running. */
export function killWorkers() {
  for (const child of children) child.kill('SIGKILL');
}
