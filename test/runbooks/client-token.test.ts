import { describe, expect, it } from 'vitest';
import { runbookClientToken } from '../../src/runbooks/client-token.ts';

describe('the runbook ClientToken', () => {
  it('is a version-5 UUID, 36 characters, as SSM requires', () => {
    const token = runbookClientToken(7, 'reboot-instance', 'view:V123');
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(token).toHaveLength(36);
  });

  it('is the same for the same request and differs when incident, runbook or request differ', () => {
    const token = runbookClientToken(7, 'reboot-instance', 'view:V123');
    expect(runbookClientToken(7, 'reboot-instance', 'view:V123')).toBe(token);
    expect(
      new Set([
        token,
        runbookClientToken(8, 'reboot-instance', 'view:V123'),
        runbookClientToken(7, 'stop-instance', 'view:V123'),
        runbookClientToken(7, 'reboot-instance', 'view:V124'),
      ]).size,
    ).toBe(4);
  });
});
