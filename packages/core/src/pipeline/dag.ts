import { ConfigError, type ConfigIssue } from '../errors/config-error.js';
import type { AnyPhase } from './phase.js';

/**
 * Checks that phases form a DAG — unique names, every dependency present, no cycle — and
 * returns them in a topological order (stable: definition order among ready phases).
 * Throws a `ConfigError` naming each problem.
 */
export function orderPhases(phases: readonly AnyPhase[]): AnyPhase[] {
  const issues: ConfigIssue[] = [];
  const byName = new Map<string, AnyPhase>();
  phases.forEach((phase, index) => {
    if (byName.has(phase.name)) {
      issues.push({
        field: `phases[${index}].name`,
        problem: `two phases are named "${phase.name}"`,
        fix: 'rename one, or remove the one you meant to replace',
      });
    }
    byName.set(phase.name, phase);
  });
  phases.forEach((phase, index) => {
    phase.needs.forEach((need, needIndex) => {
      if (!byName.has(need)) {
        issues.push({
          field: `phases[${index}].needs[${needIndex}]`,
          problem: `"${phase.name}" needs "${need}", which no phase provides`,
          fix: `add a phase named "${need}" or remove it from needs`,
        });
      }
      if (need === phase.name) {
        issues.push({
          field: `phases[${index}].needs[${needIndex}]`,
          problem: `"${phase.name}" needs itself`,
          fix: 'remove it from its own needs',
        });
      }
    });
  });
  if (issues.length > 0) throw new ConfigError('definePipeline', issues);

  const ordered: AnyPhase[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (phase: AnyPhase, path: string[]) => {
    const current = state.get(phase.name);
    if (current === 'done') return;
    if (current === 'visiting') {
      const cycle = [...path.slice(path.indexOf(phase.name)), phase.name].join(' → ');
      throw new ConfigError('definePipeline', [
        {
          field: 'phases',
          problem: `dependency cycle: ${cycle}`,
          fix: 'remove one of these needs so the phases form a DAG',
        },
      ]);
    }
    state.set(phase.name, 'visiting');
    for (const need of phase.needs) visit(byName.get(need)!, [...path, phase.name]);
    state.set(phase.name, 'done');
    ordered.push(phase);
  };
  for (const phase of phases) visit(phase, []);
  return ordered;
}

/** Longest chain of `durations` through the DAG: the critical-path time, a lower bound for a run. */
export function criticalPathMs(phases: readonly AnyPhase[], durations: Record<string, number>): number {
  const finish = new Map<string, number>();
  for (const phase of orderPhases(phases)) {
    const start = Math.max(0, ...phase.needs.map((need) => finish.get(need) ?? 0));
    finish.set(phase.name, start + (durations[phase.name] ?? 0));
  }
  return Math.max(0, ...finish.values());
}
