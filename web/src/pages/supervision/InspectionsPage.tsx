import { Card, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { useSession } from "../../console/session.tsx";
import { CoverageTab } from "./CoverageTab.tsx";
import { FindingsTab } from "./FindingsTab.tsx";
import { InspectionDetail } from "./InspectionDetail.tsx";
import { InspectionsTab } from "./InspectionsTab.tsx";
import { useSupT } from "./messages.ts";
import { answers } from "./roles.ts";

/** 检查整改: the quarter's inspections, the findings to rectify and to verify, who was not visited. */
export default function InspectionsPage() {
  const s = useSupT();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const opened = params.get("inspection");
  const tab =
    params.get("tab") ??
    (answers(me.user.role) && me.user.role !== "office_staff" ? "findings" : "inspections");
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const open = (id: string) => set("inspection", id);
  return (
    <Card data-testid="inspections-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {s.inspectionsTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{s.inspectionsIntro}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => set("tab", key)}
        items={[
          {
            key: "inspections",
            label: <span data-testid="tab-inspections">{s.tabInspections}</span>,
            children: <InspectionsTab s={s} onOpen={open} />,
          },
          {
            key: "findings",
            label: <span data-testid="tab-findings">{s.tabFindings}</span>,
            children: <FindingsTab s={s} onOpen={open} />,
          },
          {
            key: "coverage",
            label: <span data-testid="tab-coverage">{s.tabCoverage}</span>,
            children: <CoverageTab s={s} />,
          },
        ]}
      />
      <InspectionDetail id={opened} s={s} onClose={() => set("inspection", null)} />
    </Card>
  );
}
