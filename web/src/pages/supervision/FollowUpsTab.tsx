import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, Radio, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { keys } from "../../api/query.ts";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { PagedTable } from "../../app/PagedTable.tsx";
import { useSession } from "../../console/session.tsx";
import { casePath, formatTime } from "../cases/format.ts";
import { unitName, useUnits } from "../cases/parts.tsx";
import { closeFollowUp, type FollowUp, followUpsQuery } from "./api.ts";
import type { SupervisionMessages } from "./messages.ts";
import { answers } from "./roles.ts";

/** What the units owe after an unsatisfied verified callback; the unit reports what it did. */
export function FollowUpsTab({ s }: { s: SupervisionMessages }) {
  const { me } = useSession();
  const { message } = App.useApp();
  const units = useUnits();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<"open" | "closed">("open");
  const [closing, setClosing] = useState<FollowUp | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const canClose = answers(me.user.role);

  const columns: TableColumnsType<FollowUp> = [
    {
      title: s.colTrackingNo,
      dataIndex: "trackingNo",
      width: 190,
      render: (no: string, f) => <Link to={casePath(f.caseId)}>{no}</Link>,
    },
    { title: s.colUnit, dataIndex: "unitId", width: 160, render: (u: string) => unitName(units, u) },
    { title: s.colSubject, dataIndex: "subject", ellipsis: true },
    {
      title: s.colIssues,
      key: "issues",
      render: (_, f) => (
        <>
          {f.issues.map((code) => (
            <Tag key={code}>{s.issueLabel[code] ?? code}</Tag>
          ))}
          {f.note && <Typography.Text type="secondary">{f.note}</Typography.Text>}
        </>
      ),
    },
    { title: s.colOpenedAt, dataIndex: "openedAt", width: 150, render: (v: string) => formatTime(v) },
    status === "open"
      ? {
          title: s.colActions,
          key: "actions",
          width: 130,
          render: (_, f) =>
            canClose && (
              <Button
                size="small"
                type="primary"
                onClick={() => setClosing(f)}
                data-testid={`follow-up-close-${f.trackingNo}`}
              >
                {s.close}
              </Button>
            ),
        }
      : { title: s.colClosing, key: "closing", render: (_, f) => f.closing?.note },
  ];

  return (
    <>
      <Radio.Group
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        optionType="button"
        style={{ marginBottom: 12 }}
        options={[
          { value: "open", label: s.followUpOpen },
          { value: "closed", label: s.followUpClosed },
        ]}
      />
      <PagedTable<FollowUp>
        query={followUpsQuery(status)}
        testId="follow-ups"
        errorTitle={s.followUpsLoadFailed}
        rowKey="id"
        columns={columns}
        count={s.count}
        locale={{ emptyText: s.followUpsEmpty }}
        rowProps={(f) => ({ "data-testid": `follow-up-row-${f.trackingNo}` })}
        scroll={{ x: 1000 }}
      />
      <FormDrawer<{ note: string }>
        open={closing !== null}
        title={closing ? s.closeTitle(closing.trackingNo) : ""}
        testId="follow-up-close"
        form={form}
        name="followUpClose"
        submitText={s.closeSubmit}
        errorTitle={s.closeFailed}
        onClose={() => setClosing(null)}
        onConflict={() => {
          setClosing(null);
          void queryClient.invalidateQueries({ queryKey: keys.supervision });
        }}
        onSubmit={async (v) => {
          if (!closing) return;
          await closeFollowUp(closing.id, closing.version, v.note.trim());
          setClosing(null);
          void queryClient.invalidateQueries({ queryKey: keys.supervision });
          void queryClient.invalidateQueries({ queryKey: keys.worklist });
          message.success(s.closed);
        }}
      >
        <Form.Item
          name="note"
          label={s.closeNote}
          extra={s.closeNoteHelp}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
