import type { ComplianceSummary } from "@weiquan/domain";
import { Button, Card, Col, Flex, Row, Statistic, Tag, Typography } from "antd";
import { useT } from "../../i18n/messages.ts";
import { fourOnesKeys } from "./FourOnes.tsx";
import { typeColor } from "./units.ts";

/** Shortfalls listed in the card; the rest are a click away, as a filter of the tree. */
const SHOWN = 50;

/** 四个一 compliance of stations and points, coverage of villages, and the units that fall short. */
export function ComplianceCard({
  summary,
  showCoverage,
  onOpen,
  onShowShortfalls,
}: {
  summary: ComplianceSummary | null;
  /** Coverage of villages and townships is the bureau's figure. */
  showCoverage: boolean;
  onOpen: (unitId: string) => void;
  /** Filters the tree to the units that fall short. */
  onShowShortfalls: () => void;
}) {
  const t = useT();
  const typeCount = (type: "station" | "point") => summary?.byType[type] ?? { total: 0, compliant: 0 };
  return (
    <Card title={t.complianceTitle} loading={!summary} data-testid="compliance-card">
      {summary && (
        <>
          <Row gutter={[24, 16]}>
            <Col xs={24} sm={showCoverage ? 6 : 8}>
              <Statistic
                title={t.complianceRate}
                value={summary.rate === null ? "—" : (summary.rate * 100).toFixed(1)}
                suffix={summary.rate === null ? undefined : "%"}
                data-testid="compliance-rate"
              />
              <Typography.Text type="secondary">
                {t.complianceCount(summary.compliant, summary.total)} · {t.complianceHint}
              </Typography.Text>
            </Col>
            {showCoverage && (
              <Col xs={24} sm={6} data-testid="coverage">
                <Statistic
                  title={t.coverageRate}
                  value={summary.coverage.rate === null ? "—" : (summary.coverage.rate * 100).toFixed(1)}
                  suffix={summary.coverage.rate === null ? undefined : "%"}
                  data-testid="coverage-rate"
                />
                <Typography.Text type="secondary" data-testid="coverage-count">
                  {t.coverageCount(summary.coverage.activePoints, summary.coverage.points)}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {t.coverageStations(summary.coverage.activeStations, summary.coverage.stations)}
                </Typography.Text>
              </Col>
            )}
            {(["station", "point"] as const).map((type) => (
              <Col xs={12} sm={showCoverage ? 6 : 8} key={type}>
                <Statistic
                  title={t.unitType[type]}
                  value={typeCount(type).compliant}
                  suffix={`/ ${typeCount(type).total}`}
                  data-testid={`compliance-${type}`}
                />
              </Col>
            ))}
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.complianceShortfalls}
          </Typography.Title>
          {summary.total === 0 ? (
            <Typography.Text type="secondary" data-testid="compliance-none-active">
              {t.complianceNoneActive}
            </Typography.Text>
          ) : summary.shortfalls.length === 0 ? (
            <Typography.Text type="success">{t.complianceNoShortfalls}</Typography.Text>
          ) : (
            <Flex
              vertical
              gap={6}
              data-testid="compliance-shortfalls"
              style={{ maxHeight: 220, overflow: "auto" }}
            >
              {summary.shortfalls.slice(0, SHOWN).map((s) => (
                <Flex key={s.unitId} gap={8} align="center" wrap data-testid={`shortfall-${s.unitId}`}>
                  <Typography.Link onClick={() => onOpen(s.unitId)}>{s.name}</Typography.Link>
                  <Tag color={typeColor[s.type]} bordered={false}>
                    {t.unitType[s.type]}
                  </Tag>
                  <span>{t.complianceMissing}</span>
                  {fourOnesKeys
                    .filter((k) => s.missing.includes(k))
                    .map((k) => (
                      <Tag key={k} color="orange" bordered={false}>
                        {t.fourOnesItem[k]}
                      </Tag>
                    ))}
                </Flex>
              ))}
              {summary.shortfalls.length > SHOWN && (
                <Button
                  type="link"
                  style={{ alignSelf: "flex-start", padding: 0 }}
                  onClick={onShowShortfalls}
                >
                  {t.complianceShowAll(summary.shortfalls.length)}
                </Button>
              )}
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
