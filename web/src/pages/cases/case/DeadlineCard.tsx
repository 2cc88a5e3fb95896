import { ruleSets } from "@weiquan/domain/cases/clock/rules";
import type { Case } from "@weiquan/domain/cases/schema";
import { Alert, Flex, Typography } from "antd";
import { useSmallFont } from "../../../app/large-text.tsx";
import { navFor } from "../../../console/nav.ts";
import { useSession } from "../../../console/session.tsx";
import { CalendarOverridesBanner } from "../../settings/CalendarOverridesBanner.tsx";
import { formatTime } from "../format.ts";
import type { CaseMessages } from "../messages.ts";
import { Deadline } from "../parts.tsx";

/** The clocks of a case: the rule set, the running deadline and each limit with its legal basis. */
export function DeadlineCard({ c, t }: { c: Case; t: CaseMessages }) {
  const rules = ruleSets.find((r) => r.id === c.ruleSet);
  const rows: [string, string | undefined, string | undefined][] = [
    [t.caseAcceptBy, c.deadlines.acceptBy, rules?.basis.accept],
    [t.caseMediateBy, c.deadlines.mediateBy, rules?.basis.mediate],
    [t.caseHandOverBy, c.deadlines.handOverBy, rules?.basis.handOver],
    [t.caseCheckBy, c.deadlines.checkBy, rules?.basis.reportCheck],
  ];
  // A deadline in a year the holiday data does not know was counted Monday to Friday: say so, while the
  // case's clock still matters (running or paused) and to someone who can add the year in Settings.
  const { me } = useSession();
  const small = useSmallFont();
  const canFix = navFor(me.user.role).some((item) => item.key === "settings");
  const open = c.dueBy !== null || c.paused;
  const years = canFix && open ? rows.flatMap(([, at]) => (at ? [Number(at.slice(0, 4))] : [])) : [];
  return (
    <Flex vertical gap={8}>
      {years.length > 0 && <CalendarOverridesBanner years={years} testId="case-calendar-uncovered" />}
      <div>
        <Typography.Text type="secondary">{t.caseRuleSet}：</Typography.Text>
        <span data-testid="case-rule-set">
          《{rules?.title ?? c.ruleSet}》{rules?.order ? `（${rules.order}）` : ""}
        </span>
      </div>
      <div>
        <Typography.Text type="secondary">{t.caseDueBy}：</Typography.Text>
        <Deadline c={c} testId="case-deadline" />
      </div>
      {c.paused && <Alert type="info" showIcon title={t.casePaused} />}
      {rows
        .filter(([, at]) => at)
        .map(([label, at, basis]) => (
          <div key={label}>
            <Typography.Text type="secondary">{label}：</Typography.Text>
            {formatTime(at)}
            {basis && (
              <Typography.Paragraph type="secondary" style={{ fontSize: small, margin: 0 }}>
                {basis}
              </Typography.Paragraph>
            )}
          </div>
        ))}
    </Flex>
  );
}
