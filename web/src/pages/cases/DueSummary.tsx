import { ClockCircleOutlined, WarningOutlined } from "@ant-design/icons";
import type { CaseSummary } from "@weiquan/domain/cases/schema";
import { Card, Flex, Statistic } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useAlive } from "../../app/useAlive.ts";
import { useSession } from "../../console/session.tsx";
import { useCaseT } from "./messages.ts";
import { handlingRoles } from "./parts.tsx";

const LIMIT = 200;

type Page = { items: CaseSummary[]; nextCursor: string | null };

/** "200+" when there is more than one page: the home page shows a reminder, not a statistic. */
const countOf = (p: Page) => (p.nextCursor ? `${p.items.length}+` : String(p.items.length));

/** The caller's overdue and due-soon cases on the home page, each a link into the ledger's view. */
export default function DueSummary() {
  const t = useCaseT();
  const { me } = useSession();
  const alive = useAlive();
  const [counts, setCounts] = useState<{ overdue: string; dueSoon: string } | null>(null);
  const handles = handlingRoles.includes(me.user.role);

  useEffect(() => {
    if (!handles) return;
    Promise.all([
      api<Page>(`/v1/cases?overdue=true&limit=${LIMIT}`),
      api<Page>(`/v1/cases?dueSoon=true&limit=${LIMIT}`),
    ]).then(
      ([overdue, dueSoon]) =>
        alive.current && setCounts({ overdue: countOf(overdue), dueSoon: countOf(dueSoon) }),
      // A reminder that cannot load stays away; the ledger itself says what went wrong.
      () => {},
    );
  }, [alive, handles]);

  if (!handles || !counts) return null;
  return (
    <Card size="small" title={t.homeDueTitle} style={{ marginTop: 16 }} data-testid="home-due">
      <Flex gap={48} wrap>
        <Link to="/cases?view=overdue" data-testid="home-overdue">
          <Statistic
            title={t.viewOverdue}
            value={counts.overdue}
            prefix={<WarningOutlined />}
            styles={{ content: { color: counts.overdue === "0" ? undefined : "#cf1322" } }}
          />
        </Link>
        <Link to="/cases?view=dueSoon" data-testid="home-due-soon">
          <Statistic
            title={t.viewDueSoon}
            value={counts.dueSoon}
            prefix={<ClockCircleOutlined />}
            styles={{ content: { color: counts.dueSoon === "0" ? undefined : "#d46b08" } }}
          />
        </Link>
      </Flex>
    </Card>
  );
}
