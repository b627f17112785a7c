import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../../src/work/single-flight.ts';

describe('SingleFlight', () => {
  it('runs once more after the current pass however often it was kicked meanwhile', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const flight = new SingleFlight(async () => {
      passes++;
      if (passes === 1) await gate;
    });
    void flight.kick();
    for (let i = 0; i < 20; i++) void flight.kick();
    expect(flight.busy).toBe(true);
    release();
    await flight.idle();
    expect(passes).toBe(2);
    expect(flight.busy).toBe(false);
  });
});
