import { useQuery } from "@tanstack/react-query";
import { Card, Flex, Progress, Statistic, Table, Tag } from "antd";
import { ErrorAlert } from "../../../app/ErrorAlert.tsx";
import { coverageQuery } from "../api.ts";
import { useCapacityT } from "../messages.ts";

/** Every station and point against the yearly minimum of trainings (settings, default 2), shortfalls first. */
export function CoverageCard({ year }: { year: string }) {
  const t = useCapacityT();
  const q = useQuery(coverageQuery(year));
  const c = q.data;
  const rows = c ? [...c.units].sort((a, b) => Number(a.met) - Number(b.met) || a.attended - b.attended) : [];
  return (
    <Card
      size="small"
      title={c ? t.coverageTitle(year, c.minimumPerYear) : " "}
      loading={q.isLoading}
      data-testid="coverage"
    >
      <ErrorAlert error={q.error} title={t.coverageFailed} />
      {c && (
        <Flex gap={24} wrap align="flex-start">
          <Flex vertical align="center" gap={4}>
            <Progress
              type="circle"
              size={96}
              percent={Math.round((c.rate ?? 0) * 100)}
              aria-label={t.coverageRate}
            />
            <Statistic
              title={t.coverageRate}
              value={`${c.units.filter((u) => u.met).length} / ${c.units.length}`}
              data-testid="coverage-rate"
            />
          </Flex>
          <Table
            size="small"
            style={{ flex: 1, minWidth: 320 }}
            rowKey="unitId"
            dataSource={rows}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: t.unit, dataIndex: "name" },
              { title: t.coverageAttended, dataIndex: "attended", width: 100 },
              {
                title: t.status,
                dataIndex: "met",
                width: 100,
                render: (met: boolean) =>
                  met ? (
                    <Tag color="success">{t.coverageMet}</Tag>
                  ) : (
                    <Tag color="warning">{t.coverageShort}</Tag>
                  ),
              },
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}
