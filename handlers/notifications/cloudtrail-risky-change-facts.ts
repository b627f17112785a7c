import type { AlertFact } from '../../src/signals/index.ts';
import type { RdsRiskyChange } from './rds-risky-change.ts';

/** What the caller asked for along with a risky change: the final snapshot, when it applies. */
export function riskyChangeFacts(
  requestParameters: Record<string, unknown> | null | undefined,
  changes: readonly RdsRiskyChange[],
): AlertFact[] {
  if (changes.length === 0) return [];
  const request = requestParameters ?? {};
  const facts: AlertFact[] = [];
  if (changes.includes('deleted')) {
    const finalSnapshot = request['finalDBSnapshotIdentifier'] ?? request['finalDBClusterSnapshotIdentifier'];
    const skipped = changes.includes('deleted-without-final-snapshot');
    const value = skipped
      ? 'none (SkipFinalSnapshot)'
      : typeof finalSnapshot === 'string'
        ? finalSnapshot
        : '?';
    facts.push({ label: 'Final snapshot', value });
    const dropBackups = request['deleteAutomatedBackups'];
    if (typeof dropBackups === 'boolean') {
      facts.push({ label: 'Automated backups', value: dropBackups ? 'deleted as well' : 'kept' });
    }
  }
  const applyNow = request['applyImmediately'];
  if (!changes.includes('deleted') && typeof applyNow === 'boolean') {
    facts.push({ label: 'Applied', value: applyNow ? 'immediately' : 'in the next maintenance window' });
  }
  return facts;
}
