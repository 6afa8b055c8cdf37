import type { CostLedger } from '../budget/cost-ledger.js';
import type { CallWarning } from '../spec/call-options.js';

/** Where wrapped provider calls happen: the run and phase, their ledger and abort signal. */
export interface CallScope {
  runId?: string;
  phase?: string;
  /** Receives costs and enforces the budget before paid calls. */
  ledger?: CostLedger;
  /** Aborts every call made in the scope. */
  signal?: AbortSignal;
  /** Receives each result's warnings. */
  onWarning?: (warning: CallWarning, provider: string) => void;
}
