/**
 * The parts of Apache ECharts the figures use, and nothing else: bar and line charts on a canvas with
 * a grid, tooltip and legend. Imported only through `Chart` with a dynamic import, so ECharts is a chunk
 * of its own that loads when a chart first shows — never with the console's first screen.
 */
import { BarChart, LineChart } from "echarts/charts";
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DatasetComponent,
  CanvasRenderer,
]);

export { echarts };
