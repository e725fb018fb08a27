// ECharts, tree-shaken to the chart types and components the app uses (smaller first load).
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, SankeyChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent, DatasetComponent, DataZoomComponent, GraphicComponent, GridComponent, LegendComponent,
  MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, HeatmapChart, LineChart, PieChart, SankeyChart, ScatterChart,
  AriaComponent, DatasetComponent, DataZoomComponent, GraphicComponent, GridComponent, LegendComponent,
  MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, VisualMapComponent,
  CanvasRenderer, SVGRenderer,
]);

export { echarts };
