import { statfs } from 'node:fs/promises';
import type { AlertSeverity } from '../alert.js';
import { defaultDedupeWindows } from '../alerts-defaults.js';
import type { AlertRule } from './alert-rule.js';

/** The part of `fs.statfs` the rule reads. */
export interface DiskStats {
  /** Free blocks available to unprivileged users. */
  bavail: number;
  /** Total blocks. */
  blocks: number;
  /** Block size in bytes. */
  bsize: number;
}

/** Options of the `diskSpace` rule. */
export interface DiskSpaceRuleOptions {
  /** The folder to watch: the media store's folder (e.g. `.reelsmith/media`). */
  path: string;
  /** Alert below this many free bytes; default 2 GiB (a few renders). */
  minFreeBytes?: number;
  /** Alert below this fraction free; default 0.05. */
  minFreeFraction?: number;
  /** How often to check, in ms; default 300 000 (5 min). The first check runs at start. */
  intervalMs?: number;
  /** Default `warning` (`critical` under a quarter of `minFreeBytes`). */
  severity?: AlertSeverity;
  /** De-duplication window; default 6 h. */
  windowMs?: number;
  /** Replaces `fs.statfs` (tests). */
  statfs?: (path: string) => Promise<DiskStats>;
}

const gib = 1024 ** 3;
const formatBytes = (bytes: number) =>
  bytes >= gib ? `${(bytes / gib).toFixed(1)} GiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

/**
 * Checks the free space of the media store's folder with `fs.statfs` at start and every
 * `intervalMs`; alerts when it is under `minFreeBytes` or `minFreeFraction` (renders fail
 * half-written when the disk fills). A folder that cannot be read raises one warning.
 */
export function diskSpaceRule(options: DiskSpaceRuleOptions): AlertRule {
  const minFreeBytes = options.minFreeBytes ?? 2 * gib;
  const minFreeFraction = options.minFreeFraction ?? 0.05;
  const read = options.statfs ?? ((path: string) => statfs(path));
  return {
    name: 'disk-space',
    start({ raise }) {
      let stopped = false;
      const check = async () => {
        let stats: DiskStats;
        try {
          stats = await read(options.path);
        } catch (error) {
          if (stopped) return;
          raise('disk-space', {
            key: `disk-space-unreadable|${options.path}`,
            severity: 'warning',
            title: `Cannot check free disk space of ${options.path}`,
            message: `fs.statfs failed: ${(error as Error).message}`,
            fix: 'Create the folder, or set `rules.diskSpace.path` to the media store folder.',
            windowMs: options.windowMs ?? defaultDedupeWindows.diskSpace,
          });
          return;
        }
        if (stopped) return;
        const free = stats.bavail * stats.bsize;
        const total = stats.blocks * stats.bsize;
        const fraction = total > 0 ? free / total : 1;
        if (free >= minFreeBytes && fraction >= minFreeFraction) return;
        raise('disk-space', {
          key: `disk-space|${options.path}`,
          severity: options.severity ?? (free < minFreeBytes / 4 ? 'critical' : 'warning'),
          title: `Low disk space: ${formatBytes(free)} free at ${options.path}`,
          message: `${formatBytes(free)} free of ${formatBytes(total)} (${(fraction * 100).toFixed(1)} %) in the media folder; renders and uploads fail when it fills.`,
          fix: 'Delete media of finished runs with `reelsmith cleanup` (by age or total size), move the media store to a bigger disk, or use a remote store (Google Drive).',
          cause: 'disk-space',
          details: { path: options.path, free: formatBytes(free) },
          windowMs: options.windowMs ?? defaultDedupeWindows.diskSpace,
        });
      };
      void check();
      const timer = setInterval(() => void check(), options.intervalMs ?? 300_000);
      timer.unref?.();
      return () => {
        stopped = true;
        clearInterval(timer);
      };
    },
  };
}
