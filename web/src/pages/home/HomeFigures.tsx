import { useQuery } from "@tanstack/react-query";
import type { FigureKey } from "@weiquan/domain/figures/definitions";
import { Card, Col, Row, Statistic } from "antd";
import { Link } from "react-router-dom";
import { keys } from "../../api/query.ts";
import { useLang } from "../../i18n/lang.tsx";
import { figures, presetPeriod } from "../figures/data.ts";
import { defOf, formatValue } from "../figures/Headline.tsx";
import type { HomeMessages } from "./messages.ts";

const shown: FigureKey[] = [
  "received",
  "closed",
  "resolutionRate",
  "onTimeRate",
  "escalationRate",
  "satisfactionRate",
  "overdueNow",
];

/** The bureau chief's headline figures of the year so far, each leading to the figures page. */
export function HomeFigures({ t }: { t: HomeMessages }) {
  const { lang } = useLang();
  const period = presetPeriod("year");
  const { data: s } = useQuery({
    queryKey: [...keys.figures, period, undefined, "summary-only"],
    queryFn: ({ signal }) => figures.summary(period, undefined, signal),
  });
  return (
    <Card
      size="small"
      title={t.figuresTitle}
      loading={!s}
      extra={<Link to="/figures">{t.figuresMore}</Link>}
      data-testid="home-figures"
    >
      {s && (
        <Row gutter={[16, 8]}>
          {shown.map((key) => {
            const d = defOf(key);
            const value = key === "overdueNow" ? s.overdueNow : s[key];
            return (
              <Col key={key} flex="1 1 130px">
                <Statistic
                  title={lang === "zh" ? d.label : d.labelEn}
                  value={formatValue(d, value as number | null)}
                  styles={key === "overdueNow" && s.overdueNow > 0 ? { content: { color: "#cf1322" } } : {}}
                  data-testid={`home-figure-${key}`}
                />
              </Col>
            );
          })}
          <Col flex="1 1 130px">
            <Link to="/supervision/inspections?tab=findings">
              <Statistic
                title={t.overdueFindings}
                value={s.overdueFindingsNow}
                styles={s.overdueFindingsNow > 0 ? { content: { color: "#cf1322" } } : {}}
                data-testid="home-figure-overdueFindingsNow"
              />
            </Link>
          </Col>
        </Row>
      )}
    </Card>
  );
}
