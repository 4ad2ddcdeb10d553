/**
 * A Chrome trace around one interaction, and where its CPU time went, by thread time (which a busy machine
 * inflates far less than wall time): the renderer's main thread and the parts of it that layout and paint
 * take, raster (worker threads) and the software compositor's drawing. Open the saved trace in Perfetto
 * (ui.perfetto.dev) or chrome://tracing for the rest.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

export interface TraceCpu {
  mainMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  hitTestMs: number;
  paintMs: number;
  layerizeMs: number;
  rasterMs: number;
  compositorDrawMs: number;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz'];

// Trace event name -> the figure it adds to. Only events on the renderer's main thread count there.
const MAIN_THREAD: Record<string, keyof TraceCpu> = {
  RunTask: 'mainMs',
  FunctionCall: 'scriptMs',
  UpdateLayoutTree: 'styleMs',
  Layout: 'layoutMs',
  'LayoutView::HitTest': 'hitTestMs',
  Paint: 'paintMs',
  Layerize: 'layerizeMs',
};

export async function traceCpu(browser: Browser, page: Page, path: string, act: () => Promise<void>): Promise<TraceCpu> {
  await browser.startTracing(page, { path, categories: CATEGORIES });
  await act();
  await browser.stopTracing();
  return summarise(JSON.parse(readFileSync(path, 'utf8')).traceEvents);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

function summarise(events: readonly TraceEvent[]): TraceCpu {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const cpu: TraceCpu = { mainMs: 0, scriptMs: 0, styleMs: 0, layoutMs: 0, hitTestMs: 0, paintMs: 0, layerizeMs: 0, rasterMs: 0, compositorDrawMs: 0 };
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined) continue;
    const thread = threads.get(`${e.pid}:${e.tid}`);
    const figure = thread === 'CrRendererMain' ? MAIN_THREAD[e.name] : e.name === 'RasterTask' ? 'rasterMs' : thread === 'VizCompositorThread' && e.name === 'DirectRenderer::DrawFrame' ? 'compositorDrawMs' : undefined;
    if (figure) cpu[figure] += e.tdur / 1000;
  }
  return cpu;
}
