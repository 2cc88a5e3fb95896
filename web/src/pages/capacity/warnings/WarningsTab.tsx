import { NotificationOutlined } from "@ant-design/icons";
import { warningCategoryLabels, warningSeverityLabels } from "@weiquan/domain";
import { Button, Checkbox, Flex, Segmented, Tag } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { PagedTable } from "../../../app/PagedTable.tsx";
import { useSession } from "../../../console/session.tsx";
import { useLang } from "../../../i18n/lang.tsx";
import { formatTime } from "../../cases/format.ts";
import { unitName, useUnits } from "../../cases/parts.tsx";
import { percent } from "../../figures/data.ts";
import { type WarningRow, warningsPage } from "../api.ts";
import { useCapacityT } from "../messages.ts";
import { ExportButton, queryOf, RefreshButton, useAfterWrite } from "../parts.tsx";
import { WarningDetail } from "./WarningDetail.tsx";
import { WarningDrawer } from "./WarningDrawer.tsx";

const senders = new Set(["bureau_admin", "bureau_staff", "office_staff"]);

/** 消费警示: the bureau and offices see what they sent (ack rates); everyone sees what their unit received. */
export function WarningsTab({ openId }: { openId: string | undefined }) {
  const t = useCapacityT();
  const { lang } = useLang();
  const { me } = useSession();
  const navigate = useNavigate();
  const units = useUnits();
  const afterWrite = useAfterWrite();
  const sender = senders.has(me.user.role);
  const [box, setBox] = useState<"inbox" | "sent">(sender ? "sent" : "inbox");
  const [unacked, setUnacked] = useState(false);
  const [open, setOpen] = useState(false);
  const show = (id: string) => navigate(`/outreach/warnings/${encodeURIComponent(id)}`);
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="center" wrap>
        {sender && (
          <Segmented
            value={box}
            onChange={(v) => setBox(v as "inbox" | "sent")}
            options={[
              { value: "sent", label: t.sent },
              { value: "inbox", label: t.inbox },
            ]}
          />
        )}
        {box === "inbox" && (
          <Checkbox
            checked={unacked}
            onChange={(e) => setUnacked(e.target.checked)}
            data-testid="warnings-unacked"
          >
            {t.unackedOnly}
          </Checkbox>
        )}
        <RefreshButton />
        <span style={{ flex: 1 }} />
        <ExportButton
          path={`/v1/warnings/export.xlsx?${queryOf({ box })}`}
          fileName="warnings.xlsx"
          testId="warnings-export"
        />
        {sender && (
          <Button
            type="primary"
            icon={<NotificationOutlined />}
            onClick={() => setOpen(true)}
            data-testid="warning-new"
          >
            {t.warningNew}
          </Button>
        )}
      </Flex>
      <PagedTable<WarningRow>
        testId="warnings"
        query={warningsPage(box, box === "inbox" && unacked)}
        errorTitle={t.loadFailed}
        rowKey="id"
        count={t.count}
        rowProps={(r) => ({ onClick: () => show(r.id), style: { cursor: "pointer" }, "data-warning": r.id })}
        columns={[
          { title: t.sentAt, dataIndex: "sentAt", width: 160, render: (at: string) => formatTime(at) },
          { title: t.warningTitle, dataIndex: "title" },
          {
            title: t.category,
            dataIndex: "category",
            width: 100,
            render: (c: WarningRow["category"]) => warningCategoryLabels[c][lang],
          },
          {
            title: t.severity,
            dataIndex: "severity",
            width: 80,
            render: (s: WarningRow["severity"]) => warningSeverityLabels[s][lang],
          },
          { title: t.sender, dataIndex: "senderUnitId", render: (id: string) => unitName(units, id) },
          {
            title: box === "sent" ? t.ackRate : t.status,
            key: "state",
            width: 120,
            render: (_: unknown, r: WarningRow) =>
              "ackRate" in r ? (
                `${percent(r.ackRate)}（${r.acked}/${r.audienceTotal}）`
              ) : r.ackedAt ? (
                <Tag color="success">{t.acked}</Tag>
              ) : (
                <Tag color="warning">{t.notAcked}</Tag>
              ),
          },
        ]}
      />
      <WarningDrawer
        open={open}
        onClose={() => setOpen(false)}
        onSent={(id) => {
          setOpen(false);
          afterWrite();
          show(id);
        }}
      />
      <WarningDetail id={openId} onClose={() => navigate("/outreach/warnings")} />
    </Flex>
  );
}
