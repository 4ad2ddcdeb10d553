/**
 * Text cut to a width with an ellipsis, measured rather than clipped. The graph's nodes cannot let CSS do it
 * (`text-overflow` needs `overflow: hidden`): Chromium gives text inside a clip of its own a compositor layer
 * so that it keeps LCD antialiasing, which at 500 types zoomed in meant dozens of extra layers and three
 * times the compositor's work per frame.
 */
export interface TextRun {
  text: string;
  /** A CSS font shorthand, e.g. `600 12px system-ui`. */
  font: string;
}

export type Measure = (text: string, font: string) => number;

const ELLIPSIS = '…';

/**
 * The runs (drawn one after another on a line) that fit in `maxWidth`: whole runs while they fit, then the
 * first one that does not, cut short with an ellipsis; the rest are dropped.
 */
export function fitRuns(runs: readonly TextRun[], maxWidth: number, measure: Measure = measureText): TextRun[] {
  const fitted: TextRun[] = [];
  let used = 0;
  for (const run of runs) {
    const width = measure(run.text, run.font);
    if (used + width <= maxWidth) {
      fitted.push(run);
      used += width;
      continue;
    }
    // The longest prefix that fits with the ellipsis after it.
    let low = 0;
    let high = run.text.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (used + measure(run.text.slice(0, mid).trimEnd() + ELLIPSIS, run.font) <= maxWidth) low = mid;
      else high = mid - 1;
    }
    fitted.push({ text: run.text.slice(0, low).trimEnd() + ELLIPSIS, font: run.font });
    break;
  }
  return fitted;
}

export function fitText(text: string, font: string, maxWidth: number, measure: Measure = measureText): string {
  return fitRuns([{ text, font }], maxWidth, measure)[0]?.text ?? '';
}

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/** Canvas text metrics, remembered (nodes mount again as they come into view); outside a browser, nothing is cut. */
export function measureText(text: string, font: string): number {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return 0;
  const key = `${font}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    context.font = font;
    width = context.measureText(text).width;
    widths.set(key, width);
  }
  return width;
}

let families: { sans: string; mono: string } | undefined;

/** The workbench's sans and mono families (globals.css), for canvas fonts. */
export function fontFamilies(): { sans: string; mono: string } {
  if (families) return families;
  if (typeof document === 'undefined') return { sans: 'sans-serif', mono: 'monospace' };
  const style = getComputedStyle(document.documentElement);
  families = { sans: style.getPropertyValue('--font-sans').trim() || 'sans-serif', mono: style.getPropertyValue('--font-mono').trim() || 'monospace' };
  return families;
}
