import { PaperClipOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Descriptions, Drawer, Flex, List, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { keys } from "../../api/query.ts";
import { openAttachment } from "../../app/Attachments.tsx";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { errorText } from "../../app/errors.ts";
import { useT } from "../../i18n/messages.ts";
import { formatDate, formatTime } from "../cases/format.ts";
import { type Finding, inspectionQuery } from "./api.ts";
import { FindingModal } from "./FindingModal.tsx";
import type { SupervisionMessages } from "./messages.ts";
import { percent } from "./period.ts";

export const findingColor: Record<string, string> = {
  open: "warning",
  rectified: "processing",
  verified: "success",
};

/** An inspection: its results, photos and findings, with the rectify / verify each side may do. */
export function InspectionDetail({
  id,
  s,
  onClose,
}: {
  id: string | null;
  s: SupervisionMessages;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery({ ...inspectionQuery(id ?? ""), enabled: id !== null });
  const [acting, setActing] = useState<{ finding: Finding; action: "rectify" | "verify" } | null>(null);
  const i = q.data;
  const files = (ids: string[]) =>
    ids.map((a, n) => (
      <Button
        key={a}
        size="small"
        type="link"
        icon={<PaperClipOutlined />}
        onClick={() => openAttachment(a).catch((e) => message.error(errorText(e, t)))}
      >
        {`${s.viewFile} ${n + 1}`}
      </Button>
    ));
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={i ? `${i.unitName} ${i.quarter}` : ""}
      data-testid="inspection-drawer"
    >
      <ErrorAlert error={q.error} title={s.inspectionLoadFailed} testId="inspection-error" />
      {i && (
        <Flex vertical gap={16}>
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={s.inspectedAt}>{formatDate(i.inspectedAt)}</Descriptions.Item>
            <Descriptions.Item label={s.inspectors}>{i.inspectors.join("、")}</Descriptions.Item>
            <Descriptions.Item label={s.colPassRate}>{percent(i.passRate)}</Descriptions.Item>
            {i.note && <Descriptions.Item label={s.note}>{i.note}</Descriptions.Item>}
            {i.attachmentIds.length > 0 && (
              <Descriptions.Item label={s.photos}>{files(i.attachmentIds)}</Descriptions.Item>
            )}
          </Descriptions>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={i.results}
            columns={[
              { title: s.checklist, dataIndex: "text" },
              {
                title: s.results,
                dataIndex: "result",
                width: 90,
                render: (r: string) => (
                  <Tag color={r === "fail" ? "error" : r === "pass" ? "success" : "default"}>
                    {s.checkLabel[r]}
                  </Tag>
                ),
              },
              { title: s.resultNote, dataIndex: "note", width: 200 },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {s.findings}
          </Typography.Title>
          <List
            dataSource={i.findings}
            locale={{ emptyText: "—" }}
            renderItem={(f, n) => (
              <List.Item
                data-testid={`finding-${n}`}
                actions={[
                  i.canRectify && f.status === "open" && (
                    <Button
                      key="r"
                      size="small"
                      type="primary"
                      onClick={() => setActing({ finding: f, action: "rectify" })}
                      data-testid={`finding-rectify-${n}`}
                    >
                      {s.rectify}
                    </Button>
                  ),
                  i.canInspect && f.status === "rectified" && (
                    <Button
                      key="v"
                      size="small"
                      type="primary"
                      onClick={() => setActing({ finding: f, action: "verify" })}
                      data-testid={`finding-verify-${n}`}
                    >
                      {s.verify}
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{f.text}</span>
                      <Tag
                        color={findingColor[f.status]}
                        data-testid={`finding-status-${n}`}
                        data-status={f.status}
                      >
                        {s.findingStatus[f.status]}
                      </Tag>
                      {f.overdue && <Tag color="error">{s.overdue}</Tag>}
                    </Space>
                  }
                  description={
                    <Flex vertical gap={2}>
                      <span>{`${s.dueBy}：${formatDate(f.dueBy)}`}</span>
                      {f.history.map((h) => (
                        <span key={`${h.action}-${h.at}`}>
                          {`${formatTime(h.at)} ${h.byName} ${h.action === "rectify" ? s.rectify : h.action === "accept" ? s.accept : s.reject}：${h.note}`}
                        </span>
                      ))}
                      {f.rectification && f.rectification.attachmentIds.length > 0 && (
                        <span>{files(f.rectification.attachmentIds)}</span>
                      )}
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        </Flex>
      )}
      {i && (
        <FindingModal
          inspectionId={i.id}
          version={i.version}
          acting={acting}
          s={s}
          onClose={() => setActing(null)}
          onDone={(text) => {
            setActing(null);
            void queryClient.invalidateQueries({ queryKey: keys.supervision });
            void queryClient.invalidateQueries({ queryKey: keys.worklist });
            message.success(text);
          }}
        />
      )}
    </Drawer>
  );
}
