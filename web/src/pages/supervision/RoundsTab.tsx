import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Select, Space, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { keys } from "../../api/query.ts";
import { Field } from "../../app/Field.tsx";
import { PagedTable } from "../../app/PagedTable.tsx";
import { useSession } from "../../console/session.tsx";
import { formatTime } from "../cases/format.ts";
import { unitName, useUnits } from "../cases/parts.tsx";
import { type RoundSummary, roundsQuery } from "./api.ts";
import { DrawRoundDrawer } from "./DrawRoundDrawer.tsx";
import type { SupervisionMessages } from "./messages.ts";
import { currentMonth } from "./period.ts";
import { supervises } from "./roles.ts";

/** A year's rounds, newest first, and the draw. */
export function RoundsTab({
  s,
  onOpen,
  drawMonth,
}: {
  s: SupervisionMessages;
  onOpen: (id: string) => void;
  drawMonth?: string;
}) {
  const { me } = useSession();
  const { message } = App.useApp();
  const units = useUnits();
  const queryClient = useQueryClient();
  const thisYear = Number(currentMonth().slice(0, 4));
  const [year, setYear] = useState(String(thisYear));
  const [drawing, setDrawing] = useState(drawMonth !== undefined && supervises(me.user.role));
  const query = roundsQuery(year);
  const loading = useIsFetching({ queryKey: query.queryKey }) > 0;

  const columns: TableColumnsType<RoundSummary> = [
    { title: s.colMonth, dataIndex: "month", width: 100 },
    { title: s.colScope, dataIndex: "unitId", render: (id: string) => unitName(units, id) },
    { title: s.colSeed, dataIndex: "seed", width: 120 },
    { title: s.colPopulation, dataIndex: "population", width: 100 },
    { title: s.colSampled, key: "sampled", width: 80, render: (_, r) => r.progress.total },
    {
      title: s.colProgress,
      key: "progress",
      render: (_, r) =>
        r.status === "drawing" ? <Tag>{s.drawing}</Tag> : s.progress(r.progress.reached, r.progress.total),
    },
    { title: s.colDrawnAt, dataIndex: "drawnAt", width: 160, render: (v: string) => formatTime(v) },
    {
      title: s.colActions,
      key: "actions",
      width: 90,
      render: (_, r) => (
        <Button size="small" onClick={() => onOpen(r.id)} data-testid={`round-open-${r.month}`}>
          {s.open}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="flex-end" wrap gap={12} style={{ marginBottom: 12 }}>
        <Field label={s.year} htmlFor="rounds-year">
          <Select
            id="rounds-year"
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={[0, 1, 2].map((k) => ({ value: String(thisYear - k), label: String(thisYear - k) }))}
          />
        </Field>
        <Space>
          <Button
            icon={<ReloadOutlined />}
            loading={loading}
            onClick={() => void queryClient.invalidateQueries({ queryKey: query.queryKey })}
          >
            {s.refresh}
          </Button>
          {supervises(me.user.role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawing(true)}
              data-testid="draw-open"
            >
              {s.drawOpen}
            </Button>
          )}
        </Space>
      </Flex>
      <PagedTable<RoundSummary>
        query={query}
        testId="rounds"
        errorTitle={s.roundsLoadFailed}
        rowKey="id"
        columns={columns}
        count={s.count}
        locale={{ emptyText: s.roundsEmpty }}
        rowProps={(r) => ({ "data-testid": `round-row-${r.month}` })}
        scroll={{ x: 900 }}
      />
      <DrawRoundDrawer
        open={drawing}
        s={s}
        month={drawMonth}
        onClose={() => setDrawing(false)}
        onDrawn={(r) => {
          setDrawing(false);
          void queryClient.invalidateQueries({ queryKey: keys.supervision });
          void queryClient.invalidateQueries({ queryKey: keys.worklist });
          message.success(s.drawn(r.month, r.items.length));
          onOpen(r.id);
        }}
      />
    </>
  );
}
