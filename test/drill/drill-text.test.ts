import { describe, expect, it } from 'vitest';
import { evaluateDebrief } from '../../src/drill/debrief.ts';
import { briefingText, debriefText } from '../../src/drill/drill-text.ts';
import { findScenario, loadScenarios } from '../../src/drill/scenarios/load-scenarios.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const scenario = findScenario(loadScenarios(), 'rds-alarm-storm').scenario;
// Local times: the terminal says them in its own zone, whatever the machine's is.
const at = (h: number, m: number, s = 0) => new Date(2026, 10, 22, h, m, s);

describe('the drill in the terminal', () => {
  it('prints the briefing without Markdown stars or backticks', () => {
    const text = briefingText(scenario);
    expect(text).toContain('One umbrella incident was declared (/incident declare …)');
    expect(text).not.toContain('`');
    expect(text).not.toContain('**');
  });

  it('counts every item it lists and says times as 24-hour hours and minutes', () => {
    const incident = openIncident({
      seq: 1,
      resource: { kind: 'rds-instance', id: 'orders-shard-01' },
      openedAt: at(14, 5, 30),
      acknowledgedAt: at(14, 7, 2),
      acknowledgedBy: 'U0ALICE',
      status: 'acknowledged',
    });
    const debrief = evaluateDebrief(scenario.expect, [{ incident, executions: [], notes: 1, reads: {} }]);
    const text = debriefText(scenario, debrief);
    expect(text).toContain('2 of 4 checks met, 1 for the team to answer (? = for the team to answer)');
    expect(text).toContain('INC-1 orders-shard-01 · opened 14:05 · acknowledged 14:07 by U0ALICE');
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(text).not.toContain('`');
  });

  it('explains the ? mark only when an item is for the team to answer', () => {
    const cpu = findScenario(loadScenarios(), 'rds-cpu-then-failover').scenario;
    const text = debriefText(cpu, evaluateDebrief(cpu.expect, []));
    expect(text).toContain('0 of 5 checks met\n');
    expect(text).not.toContain('?');
  });
});
