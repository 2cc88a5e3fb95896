import { Skeleton } from "antd";
import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { useEffect, useRef, useState } from "react";

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesName?: string;
}

/** One ECharts chart; ECharts itself is loaded on first use (see `echarts.ts`). */
export function Chart({
  option,
  height = 300,
  onClick,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  onClick?: (e: ChartClick) => void;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import("./echarts.ts").then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: "canvas" });
      c.on("click", (p) => {
        const params = p as { name: string; dataIndex: number; seriesName?: string };
        clickRef.current?.({ name: params.name, dataIndex: params.dataIndex, seriesName: params.seriesName });
      });
      chart.current = c;
      observer = new ResizeObserver(() => c.resize());
      observer.observe(el.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [option, ready]);

  return (
    <div style={{ position: "relative", height }} data-testid={testId} data-ready={ready ? "true" : "false"}>
      {!ready && <Skeleton active style={{ position: "absolute", inset: 0 }} />}
      <div ref={el} style={{ width: "100%", height: "100%", cursor: onClick ? "pointer" : undefined }} />
    </div>
  );
}
