import { useQuery } from "@tanstack/react-query";
import { publicityKindLabels } from "@weiquan/domain";
import { Card, Col, Row, Statistic } from "antd";
import { keys } from "../../../api/query.ts";
import { ErrorAlert } from "../../../app/ErrorAlert.tsx";
import { useLang } from "../../../i18n/lang.tsx";
import { figures } from "../../figures/data.ts";
import { useCapacityT } from "../messages.ts";

/** The year's publicity events by kind, with people reached and materials, from the figures (rollups). */
export function ByKindCard({ year, unitId }: { year: string; unitId?: string }) {
  const t = useCapacityT();
  const { lang } = useLang();
  const period = { from: `${year}-01`, to: `${year}-12` };
  const q = useQuery({
    queryKey: [...keys.figures, period, unitId, "summary-only"],
    queryFn: ({ signal }) => figures.summary(period, unitId, signal),
  });
  const s = q.data;
  return (
    <Card size="small" title={t.byKindTitle} loading={q.isLoading} data-testid="publicity-by-kind">
      <ErrorAlert error={q.error} title={t.loadFailed} />
      {s && (
        <Row gutter={[16, 8]}>
          <Col xs={12} md={6} lg={3}>
            <Statistic title={t.events} value={s.publicityEvents} data-testid="publicity-total" />
          </Col>
          <Col xs={12} md={6} lg={3}>
            <Statistic title={t.peopleReached} value={s.peopleReached} />
          </Col>
          {s.publicityByKind.map((k) => (
            <Col key={k.kind} xs={12} md={6} lg={3}>
              <Statistic title={publicityKindLabels[k.kind][lang]} value={k.events} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
