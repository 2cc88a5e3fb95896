import { Tabs, Typography } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { useSession } from "../../console/session.tsx";
import { useCapacityT } from "./messages.ts";
import { PublicityTab } from "./publicity/PublicityTab.tsx";
import { TrainingsTab } from "./trainings/TrainingsTab.tsx";
import { VolunteersTab } from "./volunteers/VolunteersTab.tsx";
import { WarningsTab } from "./warnings/WarningsTab.tsx";

const tabs = ["trainings", "publicity", "warnings", "volunteers"] as const;
type Tab = (typeof tabs)[number];

/**
 * 培训宣传: trainings with the year's coverage, publicity events with photos, consumer warnings (sent and
 * received, with acknowledgement) and the volunteers' roster. The tab is the path (`/outreach/warnings/…`),
 * so the bell and the 工作台 link straight to a warning.
 */
export default function CapacityPage() {
  const t = useCapacityT();
  const navigate = useNavigate();
  const rest = (useParams()["*"] ?? "").split("/");
  const { me } = useSession();
  // Points receive warnings first of all; the others land on the trainings.
  const fallback: Tab = me.user.role === "point_staff" ? "warnings" : "trainings";
  const active: Tab = (tabs as readonly string[]).includes(rest[0] ?? "") ? (rest[0] as Tab) : fallback;
  const label: Record<Tab, string> = {
    trainings: t.tabTrainings,
    publicity: t.tabPublicity,
    warnings: t.tabWarnings,
    volunteers: t.tabVolunteers,
  };
  const body = (tab: Tab) => {
    if (tab !== active) return null;
    if (tab === "trainings") return <TrainingsTab />;
    if (tab === "publicity") return <PublicityTab />;
    if (tab === "warnings") return <WarningsTab openId={rest[1]} />;
    return <VolunteersTab />;
  };
  return (
    <div data-testid="capacity-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t.title}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/outreach/${key}`)}
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{label[key]}</span>,
          children: body(key),
        }))}
      />
    </div>
  );
}
