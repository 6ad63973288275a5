/**
 * The engine-and-page warm-up that runs while the record is read (src/views/shell/warm-up.tsx): it must leave no trace
 * on the page, send nothing anywhere and run once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Derivation } from '../../../src/clinical/types';

// The warm-up runs once per page: each test loads it afresh, with the engine it calls.
beforeEach(() => vi.resetModules());
afterEach(() => vi.restoreAllMocks());

async function load() {
  const clinical = await import('../../../src/clinical/index');
  const derive = vi.spyOn(clinical, 'derivePatient');
  const { warmUp } = await import('../../../src/views/shell/warm-up');
  return { derive, warmUp };
}

describe('warm-up while the record is read', () => {
  it('derives a made-up record with trials, then draws and lays out its page out of sight in a second task, leaving nothing behind, without any request, once', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { derive, warmUp } = await load();
    document.body.innerHTML = '<div id="root"><p>boot</p></div>';
    const tasks: Array<() => void> = [];
    warmUp('2026-11-22', { later: (task) => tasks.push(task) });
    warmUp('2026-11-22', { later: (task) => tasks.push(task) });
    // The render is a second task.
    expect(tasks).toHaveLength(1);
    tasks[0]!();
    expect(document.body.innerHTML).toBe('<div id="root"><p>boot</p></div>');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(derive).toHaveBeenCalledTimes(1);
    const derivation = derive.mock.results[0]!.value as Derivation;
    // The record exercises the engine's main paths: several trials and an MDD assessment.
    expect(derivation.trials.map((t) => t.ingredient).sort()).toEqual(['bupropion', 'sertraline', 'venlafaxine']);
    expect(derivation.assessments.map((a) => a.condition)).toEqual(['mdd']);
  });

  it('derives nothing once the record has begun to arrive before it starts', async () => {
    const { derive, warmUp } = await load();
    const tasks: Array<() => void> = [];
    warmUp('2026-11-22', { worthIt: () => false, later: (task) => tasks.push(task) });
    expect(derive).not.toHaveBeenCalled();
    expect(tasks).toHaveLength(0);
  });

  it('derives the made-up record but draws nothing when the record begins to arrive between the two steps', async () => {
    const { derive, warmUp } = await load();
    document.body.innerHTML = '<div id="root"><p>boot</p></div>';
    const appended = vi.spyOn(document.body, 'appendChild');
    let waiting = true;
    const tasks: Array<() => void> = [];
    warmUp('2026-11-22', { worthIt: () => waiting, later: (task) => tasks.push(task) });
    expect(derive).toHaveBeenCalledTimes(1);
    waiting = false;
    tasks[0]!();
    expect(appended).not.toHaveBeenCalled();
    expect(document.body.innerHTML).toBe('<div id="root"><p>boot</p></div>');
  });

  it('derives the made-up record but draws nothing when answers have begun to arrive though the read is still under way', async () => {
    const { derive, warmUp } = await load();
    document.body.innerHTML = '<div id="root"><p>boot</p></div>';
    const appended = vi.spyOn(document.body, 'appendChild');
    const tasks: Array<() => void> = [];
    warmUp('2026-11-22', { worthIt: () => true, worthDrawing: () => false, later: (task) => tasks.push(task) });
    expect(derive).toHaveBeenCalledTimes(1);
    tasks[0]!();
    expect(appended).not.toHaveBeenCalled();
    expect(document.body.innerHTML).toBe('<div id="root"><p>boot</p></div>');
  });
});
