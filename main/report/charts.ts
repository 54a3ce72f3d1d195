/** Inline SVG charts for the report: no script, no external file, so the page prints the same everywhere. */
import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  /** Stacked parts, drawn left to right. */
  parts: { value: number; color: string; name: string }[];
}

const WIDTH = 640;
const LABEL = 170;
const ROW = 22;

export function barChart(title: string, bars: Bar[]): string {
  if (bars.length === 0) return '';
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((a, p) => a + p.value, 0)));
  const scale = (WIDTH - LABEL - 60) / max;
  const rows = bars.map((bar, i) => {
    let x = LABEL;
    const y = i * ROW;
    const rects = bar.parts
      .filter((p) => p.value > 0)
      .map((p) => {
        const w = Math.max(1, p.value * scale);
        const rect = `<rect x="${x}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${p.color}"><title>${escapeHtml(`${p.name}: ${p.value}`)}</title></rect>`;
        x += w;
        return rect;
      })
      .join('');
    const total = bar.parts.reduce((a, p) => a + p.value, 0);
    return `<text x="${LABEL - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${escapeHtml(bar.label)}</text>${rects}<text x="${x + 6}" y="${y + ROW / 2 + 4}">${total.toLocaleString('en')}</text>`;
  });
  const legend = [...new Map(bars.flatMap((b) => b.parts.map((p) => [p.name, p.color]))).entries()]
    .map(([name, color]) => `<span class="key"><i style="background:${color}"></i>${escapeHtml(name)}</span>`)
    .join(' ');
  return `<figure><svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${WIDTH} ${bars.length * ROW}" width="100%" font-size="12">${rows.join('')}</svg><figcaption>${escapeHtml(title)} ${legend}</figcaption></figure>`;
}
