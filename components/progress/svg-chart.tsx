import type { ReactNode } from "react";

/**
 * Small charts drawn on the server: the data as SVG stretched to the plot's box, the words (axis labels) as
 * HTML laid over it, so they stay readable at any width and nothing runs in the browser. A chart library
 * hydrating its component tree cost Progress 1.2 s of blocked main thread on a mid-range phone.
 *
 * Both charts are decorative for screen readers (`aria-hidden`): each has a table of the same figures.
 */

export type ChartPoint = { label: string; value: number };

const PLOT_HEIGHT_PX = 180;

/** Whole-number ticks for a count axis, from 0 to at least `max`, in steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, count = 4): number[] {
  const rough = Math.max(max, 1) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude);
  const ticks = [0];
  while ((ticks.at(-1) ?? 0) < max) ticks.push((ticks.at(-1) ?? 0) + step);
  return ticks.length > 1 ? ticks : [0, 1];
}

/** At most `count` labels of the category axis, evenly spread, the first and the last always among them. */
function spreadIndexes(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, index) => index);
  return Array.from({ length: count }, (_, index) => Math.round((index * (length - 1)) / (count - 1)));
}

function Frame({ ticks, low, high, unit = "", xLabels, children }: { ticks: number[]; low: number; high: number; unit?: string; xLabels: { text: string; at: number }[]; children: ReactNode }) {
  const heightOf = (value: number) => ((value - low) / (high - low)) * 100;
  return (
    <div className="svg-chart" aria-hidden="true">
      <div className="svg-chart-y" style={{ height: PLOT_HEIGHT_PX }}>
        {ticks.map((tick) => (
          <span key={tick} style={{ bottom: `${heightOf(tick)}%` }}>
            {tick}
            {unit}
          </span>
        ))}
      </div>
      <div className="svg-chart-plot" style={{ height: PLOT_HEIGHT_PX }}>
        {ticks.map((tick) => (
          <span key={tick} className={`svg-chart-grid${tick === 0 ? " svg-chart-zero" : ""}`} style={{ bottom: `${heightOf(tick)}%` }} />
        ))}
        {children}
      </div>
      <div className="svg-chart-x">
        {/* The first and last labels align with the plot's edges, so that neither sticks out of the card. */}
        {xLabels.map(({ text, at }, index) => (
          <span key={`${index}-${text}`} className={index === 0 || index === xLabels.length - 1 ? "svg-chart-x-edge" : undefined} style={index === 0 ? { left: 0 } : index === xLabels.length - 1 ? { right: 0 } : { left: `${at}%` }}>
            {text}
          </span>
        ))}
      </div>
    </div>
  );
}

/** One bar per point, from zero up; the value axis in whole numbers. The bars are one path: the figures are in the chart's table. */
export function BarChartSvg({ points }: { points: ChartPoint[] }) {
  const ticks = niceTicks(Math.max(...points.map((point) => point.value), 1));
  const high = ticks.at(-1) ?? 1;
  const xLabels = spreadIndexes(points.length, 4).map((index) => ({ text: points[index]?.label ?? "", at: ((index + 0.5) / points.length) * 100 }));
  return (
    <Frame ticks={ticks} low={0} high={high} xLabels={xLabels}>
      <svg className="svg-chart-svg" viewBox={`0 0 ${points.length} ${high}`} preserveAspectRatio="none">
        <path className="svg-chart-bar" d={points.map((point, index) => (point.value > 0 ? `M${index + 0.15} ${high}h0.7v${-point.value}h-0.7z` : "")).join("")} />
      </svg>
    </Frame>
  );
}

/** A vertical line at one point of a line chart, with its label (e.g. the user's current choice). */
export type ChartMarker = { index: number; label: string };

/** Points joined in order, on a fixed value range (`low` to `high`), each point marked; `markers` drawn as labelled vertical lines. */
export function LineChartSvg({ points, low, high, ticks, unit = "", valueName, markers = [] }: { points: ChartPoint[]; low: number; high: number; ticks: number[]; unit?: string; valueName: string; markers?: ChartMarker[] }) {
  const xOf = (index: number) => (points.length === 1 ? 50 : (index / (points.length - 1)) * 100);
  const yOf = (value: number) => ((high - value) / (high - low)) * 100;
  const xLabels = spreadIndexes(points.length, 5).map((index) => ({ text: points[index]?.label ?? "", at: xOf(index) }));
  return (
    <Frame ticks={ticks} low={low} high={high} unit={unit} xLabels={xLabels}>
      <svg className="svg-chart-svg" viewBox="0 0 100 100" preserveAspectRatio="none">
        <polyline className="svg-chart-line" points={points.map((point, index) => `${xOf(index)},${yOf(point.value)}`).join(" ")} vectorEffect="non-scaling-stroke" />
      </svg>
      {/* Dots in HTML: a circle in the stretched SVG would be drawn as an ellipse. */}
      {points.map((point, index) => (
        <span key={index} className="svg-chart-dot" style={{ left: `${xOf(index)}%`, top: `${yOf(point.value)}%` }} title={`${point.label}: ${point.value}${unit} ${valueName}`} />
      ))}
      {markers.map((marker, position) => (
        <span key={`${marker.index}-${marker.label}`} className={`svg-chart-marker${position % 2 === 1 ? " svg-chart-marker-low" : ""}`} style={{ left: `${xOf(marker.index)}%` }}>
          {marker.label}
        </span>
      ))}
    </Frame>
  );
}
