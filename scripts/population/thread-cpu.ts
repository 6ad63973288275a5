/**
 * Processor time by thread, reported on stderr when DERIVE_CPU_REPORT=1 (the bench sets it): the process's total alone
 * cannot tell the main thread's share from the workers' or from the threads V8 runs beside them (its optimising
 * compiler and garbage collector, shared by every thread) and the module loader's. Linux only
 * (/proc/thread-self/schedstat); elsewhere the threads' figures are left out.
 */
import { readFileSync } from 'node:fs';

export const cpuReportWanted = process.env.DERIVE_CPU_REPORT === '1';

/** Seconds the calling thread has run on a processor, or null where the kernel does not say. */
export function threadCpuSeconds(): number | null {
  try {
    const ns = Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e9 : null;
  } catch {
    return null;
  }
}

/**
 * One line, `derive: cpu-seconds total=T main=M workers=W1,W2 other=O` (no workers with --workers 1), called on the main thread with the workers'
 * own figures (none with --workers 1); `other` is what no JavaScript thread ran.
 */
export function reportCpu(workers: Array<number | null>): void {
  if (!cpuReportWanted) return;
  const main = threadCpuSeconds();
  const usage = process.cpuUsage();
  const total = (usage.user + usage.system) / 1e6;
  const known = workers.every((w) => w !== null) && main !== null;
  const fields = [`total=${total.toFixed(2)}`];
  if (known) {
    fields.push(`main=${main.toFixed(2)}`);
    if (workers.length > 0) fields.push(`workers=${workers.map((w) => w.toFixed(2)).join(',')}`);
    fields.push(`other=${(total - main - workers.reduce((sum, w) => sum + w, 0)).toFixed(2)}`);
  }
  process.stderr.write(`derive: cpu-seconds ${fields.join(' ')}\n`);
}
