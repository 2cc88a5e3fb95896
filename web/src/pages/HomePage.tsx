import { PrinterOutlined } from "@ant-design/icons";
import { Card, Descriptions, Typography } from "antd";
import { lazy, Suspense } from "react";
import { Link } from "react-router-dom";
import { useSession } from "../console/session.tsx";
import { useLang } from "../i18n/lang.tsx";
import { useT } from "../i18n/messages.ts";
import { roleLabel } from "../i18n/roles.ts";

/** Overdue / due-soon reminders; lazy, so the ledger's vocabulary loads only with them. */
const DueSummary = lazy(() => import("./cases/DueSummary.tsx"));

export default function HomePage() {
  const t = useT();
  const { lang } = useLang();
  const { me } = useSession();
  const { user, unit, tenant } = me;

  return (
    <Card data-testid="home-welcome" style={{ maxWidth: 880 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-welcome-title">
        {t.welcome(user.displayName)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.homeIntro}</Typography.Paragraph>
      <Descriptions
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        size="small"
        items={[
          {
            key: "name",
            label: t.fieldName,
            children: <span data-testid="home-user-name">{user.displayName}</span>,
          },
          { key: "username", label: t.fieldUsername, children: user.username },
          {
            key: "role",
            label: t.fieldRole,
            children: <span data-testid="home-role">{roleLabel(user.role, lang)}</span>,
          },
          {
            key: "unit",
            label: t.fieldUnit,
            children: (
              <span data-testid="home-unit">
                {unit
                  ? lang === "zh"
                    ? `${unit.name}（${t.unitType[unit.type]}）`
                    : `${unit.name} (${t.unitType[unit.type]})`
                  : t.noUnit}
              </span>
            ),
          },
          {
            key: "tenant",
            label: t.fieldTenant,
            children: <span data-testid="home-tenant">{tenant?.name ?? t.noUnit}</span>,
          },
          { key: "county", label: t.fieldCountyCode, children: tenant?.countyCode ?? t.noUnit },
        ]}
      />
      {/* A point's staff have no network menu; their own contact card is here. */}
      {user.role === "point_staff" && unit && (
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to={`/network/${encodeURIComponent(unit.id)}/card`} data-testid="home-contact-card">
            <PrinterOutlined /> {t.homeContactCard}
          </Link>
        </Typography.Paragraph>
      )}
      <Suspense fallback={null}>
        <DueSummary />
      </Suspense>
    </Card>
  );
}
