import { Card, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { useSession } from "../../console/session.tsx";
import { CompareTab } from "./CompareTab.tsx";
import { FollowUpsTab } from "./FollowUpsTab.tsx";
import { useSupT } from "./messages.ts";
import { RoundsTab } from "./RoundsTab.tsx";
import { RoundView } from "./RoundView.tsx";
import { supervises } from "./roles.ts";

/** 抽查回访: the month's rounds and their callback lists, the units' follow-ups, satisfaction compared. */
export default function SamplingPage() {
  const s = useSupT();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const round = params.get("round");
  const tab =
    params.get("tab") ??
    (supervises(me.user.role) || me.user.role === "governance_viewer" ? "rounds" : "followUps");
  const go = (next: Record<string, string>) => setParams(next);

  if (round) return <RoundView id={round} s={s} onBack={() => go({ tab: "rounds" })} />;
  return (
    <Card data-testid="sampling-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {s.samplingTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{s.samplingIntro}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key })}
        items={[
          {
            key: "rounds",
            label: <span data-testid="tab-rounds">{s.tabRounds}</span>,
            children: (
              <RoundsTab
                s={s}
                onOpen={(id) => go({ round: id })}
                // The 工作台's "sample to draw" opens the draw for that month.
                drawMonth={params.get("draw") ?? undefined}
              />
            ),
          },
          {
            key: "followUps",
            label: <span data-testid="tab-followUps">{s.tabFollowUps}</span>,
            children: <FollowUpsTab s={s} />,
          },
          {
            key: "compare",
            label: <span data-testid="tab-compare">{s.tabCompare}</span>,
            children: <CompareTab s={s} />,
          },
        ]}
      />
    </Card>
  );
}
