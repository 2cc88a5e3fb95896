import { PrinterOutlined } from "@ant-design/icons";
import { Card, Flex, Typography } from "antd";
import { Link } from "react-router-dom";
import { useSession } from "../console/session.tsx";
import { useLang } from "../i18n/lang.tsx";
import { useT } from "../i18n/messages.ts";
import { roleLabel } from "../i18n/roles.ts";
import { HomeFigures } from "./home/HomeFigures.tsx";
import { useHomeT } from "./home/messages.ts";
import { Worklist } from "./home/Worklist.tsx";

/** Roles that read the tenant's headline figures on their home page (the bureau chief's view). */
const figureRoles = new Set(["bureau_admin", "bureau_staff", "office_staff", "governance_viewer"]);

/** 工作台: who you are, what needs you now (by capability), and for the bureau the year's figures. */
export default function HomePage() {
  const t = useT();
  const h = useHomeT();
  const { lang } = useLang();
  const { me } = useSession();
  const { user, unit, tenant } = me;
  const sep = lang === "zh" ? "　" : " · ";

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1400 }}>
      <Card data-testid="home-welcome" size="small">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-welcome-title">
          {t.welcome(user.displayName)}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
          <span data-testid="home-user-name">{user.displayName}</span>
          {sep}
          <span data-testid="home-role">{roleLabel(user.role, lang)}</span>
          {sep}
          <span data-testid="home-unit">{unit ? `${unit.name}（${t.unitType[unit.type]}）` : t.noUnit}</span>
          {sep}
          <span data-testid="home-tenant">{tenant?.name ?? t.noUnit}</span>
          {tenant && `${sep}${t.fieldCountyCode} ${tenant.countyCode}`}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ margin: "8px 0 0" }}>{t.homeIntro}</Typography.Paragraph>
        {/* A point's staff have no network menu; their own contact card is here. */}
        {user.role === "point_staff" && unit && (
          <Link to={`/network/${encodeURIComponent(unit.id)}/card`} data-testid="home-contact-card">
            <PrinterOutlined /> {h.contactCard}
          </Link>
        )}
      </Card>
      {figureRoles.has(user.role) && <HomeFigures t={h} />}
      {user.role !== "governance_viewer" && <Worklist t={h} />}
    </Flex>
  );
}
