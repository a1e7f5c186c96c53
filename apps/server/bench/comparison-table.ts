import type { Latency, ModeFigures, StartFigure } from './mode-figures';
import { fmt, median, percentile } from './stats';

/** Container mode's figures, or why there are none. */
export type ContainerResult = { figures: ModeFigures; floor: number[] } | { skipped: string };

type Row = [figure: string, venv: string, container: string, floor: string, target: string];

const HEAD: Row = ['', 'venv', 'container', 'floor', 'target'];
const WIDTHS = [24, 18, 18, 11, 0] as const;
const P99_TARGET_MS = 20;
const WARM_RATIO_TARGET = 1.5;
const VENV_WARM_TARGET_MS = 3_000;

/** Lines of a table with each container figure beside the venv one, the floor and targets. */
export function comparisonTable(venv: ModeFigures, container: ContainerResult): string[] {
  const boxed = 'figures' in container ? container : undefined;
  const other = boxed?.figures;
  const rows: Row[] = [HEAD];
  const cell = (figures: ModeFigures | undefined, read: (f: ModeFigures) => string) =>
    figures ? read(figures) : '-';

  rows.push(['start, cold', fmt(startMedian(venv.cold)), cell(other, (f) => coldCell(f)), '', '']);
  rows.push([
    'start, warm',
    fmt(startMedian(venv.warm)),
    cell(other, (f) => fmt(startMedian(f.warm))),
    boxed ? fmt(median(boxed.floor)) : '-',
    `venv < 3 s: ${verdict(startMedian(venv.warm) < VENV_WARM_TARGET_MS)}`,
  ]);
  if (other) rows.push(['', '', '', '', warmRatioTarget(venv, other)]);
  for (const [label, pick] of latencyRows()) {
    const p99 = (l: Latency) => percentile(l.samples, 99);
    rows.push([
      `events ${label} p50 / p99`,
      latencyCell(pick(venv)),
      cell(other, (f) => latencyCell(pick(f))),
      '',
      `p99 < ${P99_TARGET_MS} ms: ${verdicts(venv, other, (f) => p99(pick(f)) < P99_TARGET_MS)}`,
    ]);
    rows.push([
      '  lost / reordered',
      lossCell(pick(venv)),
      cell(other, (f) => lossCell(pick(f))),
      '',
      '',
    ]);
  }
  rows.push(['builds on warm start', '-', cell(other, warmBuildsCell), '', buildTarget(other)]);
  return rows.map(formatRow);
}

function latencyRows(): [string, (f: ModeFigures) => Latency][] {
  return [
    ['paced', (f) => f.paced],
    ['burst', (f) => f.burst],
  ];
}

function startMedian(starts: readonly StartFigure[]): number {
  return median(starts.map((s) => s.ms));
}

function coldCell(figures: ModeFigures): string {
  const built = figures.cold.filter((s) => s.image?.built).length;
  const note = built === figures.cold.length ? '' : ` (${built} built)`;
  return `${fmt(startMedian(figures.cold))}${note}`;
}

function latencyCell(latency: Latency): string {
  const p50 = percentile(latency.samples, 50).toFixed(1);
  return `${p50} / ${fmt(percentile(latency.samples, 99))}`;
}

function lossCell(latency: Latency): string {
  return `${latency.lost} / ${latency.reordered}`;
}

function warmBuildsCell(figures: ModeFigures): string {
  const builds = figures.warm.filter((s) => s.image?.built).length;
  return `${builds} of ${figures.warm.length}`;
}

function warmRatioTarget(venv: ModeFigures, container: ModeFigures): string {
  const ratio = startMedian(container.warm) / startMedian(venv.warm);
  const met = verdict(ratio <= WARM_RATIO_TARGET);
  return `container <= ${WARM_RATIO_TARGET}x venv: ${ratio.toFixed(2)}x, ${met}`;
}

function buildTarget(container: ModeFigures | undefined): string {
  if (!container) return 'none';
  const builds = container.warm.filter((s) => s.image?.built).length;
  const ids = new Set(container.warm.map((s) => s.image?.imageId));
  return `none, same image: ${verdict(builds === 0 && ids.size === 1)}`;
}

function verdicts(
  venv: ModeFigures,
  container: ModeFigures | undefined,
  meets: (figures: ModeFigures) => boolean,
): string {
  const venvPart = verdict(meets(venv));
  return container ? `${venvPart} / ${verdict(meets(container))}` : venvPart;
}

function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

function formatRow(row: Row): string {
  return row
    .map((text, i) => text.padEnd(WIDTHS[i] ?? 0))
    .join('')
    .trimEnd();
}
