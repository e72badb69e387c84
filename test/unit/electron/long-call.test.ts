import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/contracts/result';
import { checkpoint, inStep, LongCalls } from '../../../electron/services/long-call';

/** A promise the test settles when it chooses. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('long calls: progress and cancel between steps', () => {
  it('reports the step a running call is at, and its end', async () => {
    const calls = new LongCalls();
    calls.register('key-00001', 'compare.scenarios');
    expect(calls.status('key-00001')).toMatchObject({ ok: true, value: { state: 'waiting', done: 0 } });
    const g = gate();
    const running = calls.run('key-00001', async () => {
      await checkpoint('Scenario 1 of 2', 0, 2);
      await g.wait;
      await checkpoint('Scenario 2 of 2', 1, 2);
      return ok(42);
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.status('key-00001')).toMatchObject({ ok: true, value: { state: 'running', step: 'Scenario 1 of 2', done: 0, total: 2 } });
    g.open();
    expect(await running).toEqual(ok(42));
    expect(calls.status('key-00001')).toMatchObject({ ok: true, value: { state: 'done', done: 2, total: 2 } });
  });

  it('stops a cancelled call at its next step with the cancelled value, without running the rest', async () => {
    const calls = new LongCalls();
    calls.register('key-00002', 'dashboard.get');
    const g = gate();
    const steps: string[] = [];
    const running = calls.run('key-00002', async () => {
      await checkpoint('first', 0, 2);
      steps.push('first');
      await g.wait;
      await checkpoint('second', 1, 2);
      steps.push('second');
      return ok('finished');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.cancel('key-00002')).toMatchObject({ ok: true, value: { state: 'running' } });
    g.open();
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(steps).toEqual(['first']);
    expect(calls.status('key-00002')).toMatchObject({ ok: true, value: { state: 'cancelled', step: 'Cancelled' } });
  });

  it('never starts a call cancelled while it waits; unknown keys are not found', async () => {
    const calls = new LongCalls();
    calls.register('key-00003', 'report.html');
    expect(calls.cancel('key-00003')).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    let ran = false;
    expect(await calls.run('key-00003', async () => ((ran = true), ok(1)))).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(ran).toBe(false);
    expect(calls.status('nobody-calls')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('does nothing outside a tracked call (the CLI and direct calls run straight through)', async () => {
    await expect(checkpoint('step', 0, 1)).resolves.toBeUndefined();
  });
});

describe('a nested part of a long call', () => {
  it('counts its steps as fractions of one step of the call, so progress never goes back', async () => {
    const calls = new LongCalls();
    calls.register('key-00004', 'report.html');
    const seen: number[] = [];
    const doneOf = (): number => {
      const s = calls.status('key-00004');
      return s.ok ? s.value.done : -1;
    };
    const g = gate();
    const running = calls.run('key-00004', async () => {
      await checkpoint('Comparing', 0, 3);
      await inStep(0, 3, async () => {
        await checkpoint('Scenario 1 of 2', 0, 2);
        seen.push(doneOf());
        await checkpoint('Scenario 2 of 2', 1, 2);
        seen.push(doneOf());
      });
      await checkpoint('Dashboard', 1, 3);
      await g.wait;
      return ok(1);
    });
    await new Promise((resolve) => setImmediate(resolve));
    await vi.waitFor(() => expect(calls.status('key-00004')).toMatchObject({ ok: true, value: { step: 'Dashboard', done: 1, total: 3 } }));
    expect(seen).toEqual([0, 0.5]);
    g.open();
    await running;
  });
});
