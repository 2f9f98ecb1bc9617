import { createRequire } from 'node:module';
import type { Canvas as CanvasSurface } from '@napi-rs/canvas';

/**
 * The part of ECharts used here. Its bundled typings (`export =` of a UMD namespace) do not
 * resolve under NodeNext, so the CommonJS build is loaded with require and typed by hand.
 */
interface ECharts {
  setPlatformAPI(api: { createCanvas(): unknown }): void;
  init(
    dom: unknown,
    theme: null,
    options: { width: number; height: number; renderer: 'canvas' },
  ): EChartsInstance;
}

interface EChartsInstance {
  setOption(option: Record<string, unknown>, opts?: { notMerge?: boolean }): void;
  dispose(): void;
}

const require = createRequire(import.meta.url);

import type { KpiSnapshot } from '../../modules/kpis/kpi.types.js';

const FONT_FAMILY = 'Noto Sans SC';
const WIDTH = 900;
const HEIGHT = 420;

type Canvas = typeof import('@napi-rs/canvas');

let loaded: { createCanvas: Canvas['createCanvas']; echarts: ECharts; pngOptions: PngOptions } | undefined;

/**
 * zlib level 1 with the "up" row filter: ≈ 3 ms to encode a chart instead of ≈ 60 ms at the
 * defaults (level 6, every filter tried per row), for a file about a third larger (≈ 25 KB).
 */
type PngOptions = { compressionLevel: number; filters: number };

/** One canvas and one chart for the process, redrawn for each PNG (rendering is synchronous). */
let surface: { canvas: CanvasSurface; chart: EChartsInstance } | null = null;

/**
 * Loads ECharts and the canvas on the first chart, not at start: a process that never draws
 * a chart (most of them, and every one on a workspace without KPIs) does not carry them
 * (≈ 27 MB for the canvas alone; bench/README.md, footprint). Then registers the CJK font
 * once per process (the TTF is ~10 MB; loading it per chart is what made the SVG → resvg
 * path take seconds), and tells ECharts to measure text on a @napi-rs/canvas canvas.
 */
function prepare(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const { createCanvas, GlobalFonts, PngFilter } = require('@napi-rs/canvas') as Canvas;
  const echarts = require('echarts') as ECharts;
  const ttf = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  GlobalFonts.registerFromPath(ttf, FONT_FAMILY);
  echarts.setPlatformAPI({ createCanvas: () => createCanvas(32, 32) });
  loaded = { createCanvas, echarts, pngOptions: { compressionLevel: 1, filters: PngFilter.Up } };
  return loaded;
}

export interface ChartLabels {
  title: string;
  target: string;
  /** "level {n}" in the reader's language. */
  level(level: number): string;
}

export interface ChartLine {
  level: number;
  value: number;
}

/**
 * A KPI's trend as a PNG: its recent values oldest first, the target as a dashed line and any
 * absolute threshold levels as coloured lines, labels in the reader's language.
 */
export function renderKpiChart(
  snapshot: KpiSnapshot,
  labels: ChartLabels,
  thresholds: readonly ChartLine[] = [],
): Buffer {
  const { createCanvas, echarts, pngOptions } = prepare();
  const points = [...snapshot.recent].reverse();
  if (!surface) {
    const canvas = createCanvas(WIDTH, HEIGHT);
    surface = {
      canvas,
      chart: echarts.init(canvas, null, { width: WIDTH, height: HEIGHT, renderer: 'canvas' }),
    };
  }
  const { canvas, chart } = surface;
  const levelColours = ['#d4a017', '#e67e22', '#c0392b'];
  const markLines = [
    ...(snapshot.kpi.target !== null
      ? [
          {
            yAxis: snapshot.kpi.target,
            name: labels.target,
            lineStyle: { color: '#27ae60', type: 'dashed' as const },
            label: { formatter: labels.target },
          },
        ]
      : []),
    ...thresholds.map((line) => ({
      yAxis: line.value,
      name: labels.level(line.level),
      lineStyle: { color: levelColours[line.level - 1] ?? '#c0392b', type: 'dotted' as const },
      label: { formatter: labels.level(line.level) },
    })),
  ];
  chart.setOption(
    {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      title: { text: labels.title, left: 16, top: 10, textStyle: { fontFamily: FONT_FAMILY, fontSize: 18 } },
      grid: { left: 70, right: 90, top: 60, bottom: 50 },
      xAxis: {
        type: 'category',
        data: points.map((p) => p.period.slice(5)),
        axisLabel: { fontFamily: FONT_FAMILY },
      },
      yAxis: { type: 'value', scale: true, axisLabel: { fontFamily: FONT_FAMILY } },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.value),
          showSymbol: false,
          lineStyle: { width: 2, color: '#2c3e50' },
          markLine: { symbol: 'none', data: markLines, label: { fontFamily: FONT_FAMILY } },
        },
      ],
    },
    { notMerge: true },
  );
  return canvas.toBuffer('image/png', pngOptions);
}
