/**
 * The engine-and-page warm-up that runs while the record is read (src/views/shell/warm-up.tsx): it must leave no trace
 * on the page, send nothing anywhere and run once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as clinical from '../../../src/clinical/index';
import type { Derivation } from '../../../src/clinical/types';

afterEach(() => vi.restoreAllMocks());

describe('warm-up while the record is read', () => {
  it('derives a made-up record with trials, then draws and lays out its page out of sight in a second task, leaving nothing behind, without any request, once', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const derive = vi.spyOn(clinical, 'derivePatient');
    const { warmUp } = await import('../../../src/views/shell/warm-up');
    document.body.innerHTML = '<div id="root"><p>boot</p></div>';
    const tasks: Array<() => void> = [];
    warmUp('2026-11-22', (task) => tasks.push(task));
    warmUp('2026-11-22', (task) => tasks.push(task));
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
});
