import fs from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReviewHeatmap } from "@/components/progress/review-heatmap";

/** Today's outline's stroke width, from the stylesheet that draws it. */
function outlineStrokeWidth(): number {
  const rule = /\.heatmap-today\s*\{([^}]*)\}/.exec(fs.readFileSync("app/globals.css", "utf8"))?.[1] ?? "";
  return Number(/stroke-width:\s*([\d.]+)/.exec(rule)?.[1]);
}

function daysEndingOn(lastDay: string, count: number) {
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => ({ day: new Date(end - (count - 1 - index) * 86_400_000).toISOString().slice(0, 10), reviews: index % 5 }));
}

describe("the review heatmap", () => {
  it("draws today's outline, stroke and all, inside the drawing on every weekday (CI once caught a Monday's cut off)", () => {
    const stroke = outlineStrokeWidth();
    expect(stroke).toBeGreaterThan(0);
    // 2026-11-30 is a Monday, the top row; the next six days reach the bottom row; 365 and 366 days move the columns.
    for (const count of [365, 366, 10]) {
      for (let weekday = 0; weekday < 7; weekday++) {
        const lastDay = new Date(Date.UTC(2026, 10, 30 + weekday)).toISOString().slice(0, 10);
        const markup = renderToStaticMarkup(createElement(ReviewHeatmap, { days: daysEndingOn(lastDay, count) }));
        const [minX, minY, width, height] = /viewBox="([^"]+)"/.exec(markup)![1]!.split(" ").map(Number) as [number, number, number, number];
        const rect = /<rect class="heatmap-today" x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(markup);
        expect(rect, `${lastDay}, ${count} days`).not.toBeNull();
        const [x, y, w, h] = rect!.slice(1).map(Number) as [number, number, number, number];
        const where = `${lastDay}, ${count} days: outline ${x},${y} ${w}x${h} in viewBox ${minX},${minY} ${width}x${height}`;
        expect(x - stroke / 2, where).toBeGreaterThanOrEqual(minX);
        expect(y - stroke / 2, where).toBeGreaterThanOrEqual(minY);
        expect(x + w + stroke / 2, where).toBeLessThanOrEqual(minX + width);
        expect(y + h + stroke / 2, where).toBeLessThanOrEqual(minY + height);
        expect(markup, "the drawing is as large as its viewBox").toContain(`width="${width}" height="${height}"`);
      }
    }
  });
});
