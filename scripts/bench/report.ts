/** A row of the bench's table, the formatting of its figures, the progress log and the printed table. */
export interface Row {
  measure: string;
  figure: string;
  target: string;
  pass: boolean | null;
  note?: string;
}

export const ms = (x: number) => (x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
export const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

export function printTable(rows: Row[]): void {
  const result = (r: Row) => (r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL');
  const lines = [
    '| measure | figure | target | result |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.measure} | ${r.figure}${r.note ? ` (${r.note})` : ''} | ${r.target} | ${result(r)} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
