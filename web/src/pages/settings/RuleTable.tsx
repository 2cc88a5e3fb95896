import { useQuery } from "@tanstack/react-query";
import type { Limit, RuleSet } from "@weiquan/domain/cases/clock/rules";
import { Alert, Table, type TableColumnsType, Typography } from "antd";
import { api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { errorText } from "../../app/errors.ts";
import { useT } from "../../i18n/messages.ts";
import { useCalendarT } from "./calendar-messages.ts";

type LimitKey = keyof RuleSet["limits"];

const limitOrder: LimitKey[] = ["accept", "mediate", "handOver", "reportCheck", "reportCheckExtension"];

/** GET /v1/meta/rule-sets, read only: each regulation, when it applies, every limit and its basis. */
export function RuleTable() {
  const t = useCalendarT();
  const common = useT();
  const ruleSets = useQuery({
    queryKey: [...keys.meta, "rule-sets"],
    queryFn: ({ signal }) => ok(api.v1.meta["rule-sets"].$get({}, signalled(signal))),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const sets: readonly RuleSet[] | null = ruleSets.data?.items ?? null;
  const error = ruleSets.error ? errorText(ruleSets.error, common) : null;

  const columns: TableColumnsType<{ key: LimitKey; limit: Limit; basis: string }> = [
    { title: t.colLimit, dataIndex: "key", width: 170, render: (k: LimitKey) => t.limits[k] },
    { title: t.colDays, dataIndex: "limit", width: 120, render: (l: Limit) => t.limitDays(l) },
    {
      title: t.colBasis,
      dataIndex: "basis",
      render: (b: string) => <span style={{ fontSize: 12 }}>{b}</span>,
    },
  ];

  return (
    <div data-testid="rule-table" style={{ marginTop: 32 }}>
      <Typography.Title level={5}>{t.rulesTitle}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.rulesIntro}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={t.rulesLoadFailed} description={error} />}
      {[...(sets ?? [])].reverse().map((r) => (
        <div key={r.id} style={{ marginBottom: 16 }} data-testid={`rule-set-${r.id}`}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            <Typography.Text strong>《{r.title}》</Typography.Text>
            <Typography.Text type="secondary">
              （{r.order}）{t.effective(r.effectiveFrom, r.effectiveTo)}
            </Typography.Text>
          </Typography.Paragraph>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={limitOrder
              .filter((k) => r.limits[k])
              .map((k) => ({ key: k, limit: r.limits[k], basis: r.basis[k] }))}
          />
        </div>
      ))}
    </div>
  );
}
