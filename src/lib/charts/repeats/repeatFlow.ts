import type { SankeySeriesOption } from 'echarts';
import { categoryLabel } from '../../domain/taxonomy';
import { translate } from '../../i18n/translate';
import type { RepeatFlowRow } from '../../queries/repeats/flow';
import { noDataOption } from '../empty';
import { CATEGORY_COLORS, FONT_FAMILY, baseOption } from '../theme';
import type { ChartContext, EChartsOption } from '../types';

/** A sankey node: one L1 category in one inspection step of the units. */
export interface FlowNode {
  name: string;
  depth: number;
  step: number;
  code: string;
  itemStyle: { color: string };
}

/** A ribbon: later findings of step k+1 in `to_l1` repeating step-k findings in `from_l1`. */
export interface FlowLink {
  source: string;
  target: string;
  value: number;
  from_step: number;
  to_step: number;
  from_l1: string;
  to_l1: string;
  /** The clicked ribbon filters its later category. */
  code: string;
}

const nodeId = (step: number, code: string) => `${step}-${code}`;
// The sankey's margins as shares of the chart's width, so that the column headers (placed by the
// same shares) stand over their columns at any width, on screen and in exports.
const LEFT_PCT = 4;
const RIGHT_PCT = 18;
// Room for a node's label, in px: a longer name (English) ends in …, the tooltip gives it whole.
const LABEL_PX = 96;

/**
 * Sankey of repeat links between consecutive inspections of the same unit, by L1 category:
 * column k holds the findings of units' k-th inspection that later findings repeat. Columns
 * are headed "第k次巡察"; node labels are category names; the colour of a node is its L1.
 */
export function repeatFlowOption(rows: RepeatFlowRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'repeats.chart.flow.title');
  if (!rows.length) return noDataOption(ctx, title, translate(ctx.lang, 'repeats.empty.flow'));
  const nodes = new Map<string, FlowNode>();
  const addNode = (step: number, code: string) => {
    const name = nodeId(step, code);
    if (!nodes.has(name)) nodes.set(name, { name, depth: 0, step, code, itemStyle: { color: CATEGORY_COLORS[code] ?? CATEGORY_COLORS.Z } });
  };
  const links: FlowLink[] = rows.map((r) => {
    addNode(r.from_step, r.from_l1);
    addNode(r.to_step, r.to_l1);
    return {
      source: nodeId(r.from_step, r.from_l1), target: nodeId(r.to_step, r.to_l1), value: r.findings,
      from_step: r.from_step, to_step: r.to_step, from_l1: r.from_l1, to_l1: r.to_l1, code: r.to_l1,
    };
  });
  const steps = [...new Set([...nodes.values()].map((n) => n.step))].sort((a, b) => a - b);
  // Columns by step, the first shown on the left: the sankey spreads depths 0…max evenly.
  const first = steps[0];
  for (const n of nodes.values()) n.depth = n.step - first;
  const stepName = (k: number) => translate(ctx.lang, 'repeats.step', { k });
  const l1Name = (code: string) => categoryLabel(code, ctx.lang);
  const unit = translate(ctx.lang, 'repeats.unit.findings');
  const series: SankeySeriesOption = {
    // nodeGap ≥ one label line, so the labels of tiny nodes never overlap.
    type: 'sankey', left: `${LEFT_PCT}%`, right: `${RIGHT_PCT}%`, top: 96, bottom: 16, nodeWidth: 12, nodeGap: 14, draggable: false,
    layoutIterations: 0,
    emphasis: { focus: 'adjacency' },
    data: [...nodes.values()].sort((a, b) => a.step - b.step || a.code.localeCompare(b.code)),
    links,
    lineStyle: { color: 'source', opacity: 0.35, curveness: 0.5 },
    // A label fits the room right of its column (the last column has RIGHT px): a longer name (English)
    // ends in … rather than running off the chart; the tooltip gives it whole.
    label: { fontSize: 11, width: LABEL_PX, overflow: 'truncate', ellipsis: '…', formatter: (p) => l1Name((p.data as FlowNode).code) },
    tooltip: {
      formatter: (p) => {
        if (p.dataType === 'edge') {
          const l = p.data as FlowLink;
          return translate(ctx.lang, 'repeats.tip.flow', {
            from: `${stepName(l.from_step)} ${l1Name(l.from_l1)}`, to: `${stepName(l.to_step)} ${l1Name(l.to_l1)}`, n: l.value, unit,
          });
        }
        const n = p.data as FlowNode;
        return `${stepName(n.step)} · ${l1Name(n.code)}: ${p.value} ${unit}`;
      },
    },
  };
  // Column headers: the sankey spreads its columns evenly between its left and right margins.
  const span = Math.max(1, steps[steps.length - 1] - first);
  const headers = steps.map((k) => ({
    type: 'text' as const, left: `${(LEFT_PCT + ((100 - LEFT_PCT - RIGHT_PCT) * (k - first)) / span).toFixed(2)}%`, top: 74,
    style: { text: stepName(k), fontFamily: FONT_FAMILY, fontSize: 11, fontWeight: 'bold' as const, fill: '#52606d' },
  }));
  const base = baseOption(ctx, title);
  return { ...base, tooltip: { ...(base.tooltip as object), trigger: 'item' }, graphic: headers, series: [series] };
}
