// Public API of @reelsmith/cli: the `reelsmith` command, callable from code and tests.
export { runCli, type CliIo } from './cli.js';
export { exitCodes, UsageError } from './exit-codes.js';
export { readJobsFile } from './jobs/read-jobs-file.js';
export { runChecks, providerCredentials, type CheckResult, type DoctorEnvironment } from './doctor/checks.js';
export { loadConfig, type ConfigContext } from './offline/load-config.js';
export { offlineOptions, loadOfflineVoice, type OfflineSettings } from './offline/offline-options.js';
