import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The unit, its region and the country, in the same three colours on every chart. */
export const LEVEL_COLOURS = ['#1f5fbf', '#e08a1e', '#6b7a90', '#2e9e6a'];

/**
 * A Chart.js chart on a canvas (no inline script or style sheet: the CSP allows it), rebuilt when
 * its configuration changes. The table beside every chart carries the same numbers for screen
 * readers and for print.
 */
export function ChartCanvas({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element || !element.getContext?.('2d')) return undefined;
    const chart = new Chart(element, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="report-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

/** Draws dashed vertical lines at the grade boundaries of a histogram (category indices). */
export const boundaryLines = (boundaries: number[]) => ({
  id: 'gradeBoundaries',
  afterDatasetsDraw(chart: Chart) {
    const x = chart.scales.x;
    if (!x) return;
    const { top, bottom } = chart.chartArea;
    const context = chart.ctx;
    context.save();
    context.strokeStyle = '#b3261e';
    context.setLineDash([4, 4]);
    context.fillStyle = '#b3261e';
    context.font = '12px sans-serif';
    boundaries.forEach((boundary, index) => {
      const position = x.getPixelForValue(boundary) - x.width / (x.ticks.length || 1) / 2;
      context.beginPath();
      context.moveTo(position, top);
      context.lineTo(position, bottom);
      context.stroke();
      context.fillText(`«${index + 3}»`, position + 3, top + 12);
    });
    context.restore();
  },
});
