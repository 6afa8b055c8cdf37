import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Options of {@link getCompositionBundle}. */
export interface CompositionBundleOptions {
  /** Receives webpack progress, 0–100. */
  onProgress?: (percent: number) => void;
}

/** A bundle of the compositions, ready to serve. */
export interface CompositionBundle {
  /** The bundle folder: pass it as `serveUrl` to Remotion. */
  serveUrl: string;
  /** Its `public` folder, served under `staticFile()` paths. */
  publicDir: string;
}

let cached: Promise<CompositionBundle> | undefined;

/**
 * Bundles the `classic` and `wow` compositions with webpack once per process and returns the same
 * bundle on every later call (a failed bundle is retried on the next call). The bundle lives in a
 * temporary folder removed when the process exits. Webpack runs in a worker thread, so bundling
 * neither changes the working directory nor keeps webpack's memory, and it writes no webpack cache
 * into the project.
 */
export function getCompositionBundle(options: CompositionBundleOptions = {}): Promise<CompositionBundle> {
  cached ??= createBundle(options).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function createBundle(options: CompositionBundleOptions): Promise<CompositionBundle> {
  const emptyPublicDir = mkdtempSync(path.join(os.tmpdir(), 'reelsmith-public-'));
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'reelsmith-bundle-'));
  process.once('exit', () => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(emptyPublicDir, { recursive: true, force: true });
  });
  const serveUrl = await bundleInWorker(
    {
      entryPoint: compositionEntryPoint(),
      outDir,
      // An empty public dir: nothing of the project is copied into the bundle.
      rootDir: process.cwd(),
      publicDir: emptyPublicDir,
      // No webpack cache written into the user's project.
      enableCaching: false,
      ignoreRegisterRootWarning: true,
    },
    options.onProgress,
  );
  return { serveUrl, publicDir: path.join(serveUrl, 'public') };
}

// Runs in a worker thread (CommonJS, like @remotion/bundler). In a worker Remotion does not
// `chdir` into the root, and webpack's memory goes away with the worker (≈300 MB kept otherwise).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { bundle } = require(workerData.bundlerPath);
bundle({
  ...workerData.options,
  onProgress: (percent) => parentPort.postMessage({ type: 'progress', percent }),
  webpackOverride: (config) => ({
    ...config,
    // Sources use NodeNext-style './x.js' imports of '.ts'/'.tsx' files.
    resolve: { ...config.resolve, extensionAlias: { '.js': ['.tsx', '.ts', '.js'] } },
  }),
}).then(
  (serveUrl) => parentPort.postMessage({ type: 'done', serveUrl }),
  (error) => parentPort.postMessage({ type: 'error', message: String((error && error.stack) || error) }),
);
`;

type WorkerMessage =
  | { type: 'progress'; percent: number }
  | { type: 'done'; serveUrl: string }
  | { type: 'error'; message: string };

function bundleInWorker(
  options: Record<string, unknown>,
  onProgress?: (percent: number) => void,
): Promise<string> {
  const bundlerPath = createRequire(import.meta.url).resolve('@remotion/bundler');
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(workerSource, { eval: true, workerData: { bundlerPath, options } });
    const finish = (error: Error | undefined, serveUrl?: string) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(serveUrl!);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.percent);
      else if (message.type === 'done') finish(undefined, message.serveUrl);
      else finish(new Error(`bundling the compositions failed: ${message.message}`));
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => finish(new Error(`the bundler worker exited with code ${code}`)));
  });
}

/**
 * The file webpack starts from: the built `remotion-entry.js` next to the package's `dist`
 * files, or the `.tsx` source when running from `src` (tests).
 */
export function compositionEntryPoint(): string {
  const candidates = ['./remotion-entry.js', './remotion/entry.tsx'];
  for (const candidate of candidates) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error(
    `[reelsmith] [renderer-remotion] the composition entry point is missing (looked for ${candidates.join(', ')} ` +
      'next to the package files); reinstall @reelsmith/renderer-remotion.',
  );
}
