import { useMutation, useQuery } from "@tanstack/react-query";
import { warningCategoryLabels, warningSeverityLabels } from "@weiquan/domain";
import { App, Button, Descriptions, Drawer, Flex, Progress, Table, Tag, Typography } from "antd";
import { api, ok } from "../../../api/client.ts";
import { ErrorAlert } from "../../../app/ErrorAlert.tsx";
import { errorText } from "../../../app/errors.ts";
import { useSession } from "../../../console/session.tsx";
import { useLang } from "../../../i18n/lang.tsx";
import { useT } from "../../../i18n/messages.ts";
import { formatTime } from "../../cases/format.ts";
import { unitName, useUnits } from "../../cases/parts.tsx";
import { warningQuery } from "../api.ts";
import { useCapacityT } from "../messages.ts";
import { useAfterWrite } from "../parts.tsx";

const senders = new Set(["bureau_admin", "bureau_staff", "office_staff"]);

/** One warning: its text, who has acknowledged and who not; the sender reminds, a receiving unit signs. */
export function WarningDetail({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const t = useCapacityT();
  const common = useT();
  const { lang } = useLang();
  const { me } = useSession();
  const { message } = App.useApp();
  const units = useUnits();
  const afterWrite = useAfterWrite();
  const q = useQuery({ ...warningQuery(id ?? ""), enabled: Boolean(id) });
  const w = q.data;
  const mine = w?.audienceUnits.find((a) => a.unitId === me.unit?.id);
  const isSender = Boolean(w && senders.has(me.user.role) && w.audienceUnits.length > (mine ? 1 : 0));
  const ack = useMutation({
    mutationFn: () => ok(api.v1.warnings[":id"].ack.$post({ param: { id: id! } })),
    onSuccess: () => {
      void message.success(t.ackDone);
      afterWrite();
    },
    onError: (e) => void message.error(errorText(e, common)),
  });
  const remind = useMutation({
    mutationFn: () => ok(api.v1.warnings[":id"].remind.$post({ param: { id: id! } })),
    onSuccess: (r) => {
      void message.success(t.reminded(r.reminded));
      afterWrite();
    },
    onError: (e) => void message.error(errorText(e, common)),
  });
  const pending = w ? w.audienceUnits.filter((a) => !a.ackedAt).length : 0;
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={640} title={w?.title} data-testid="warning-detail">
      <ErrorAlert error={q.error} title={t.detailFailed} />
      {w && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t.category}>
              {warningCategoryLabels[w.category][lang]}
            </Descriptions.Item>
            <Descriptions.Item label={t.severity}>
              <Tag color={w.severity === "urgent" ? "red" : w.severity === "warning" ? "orange" : "blue"}>
                {warningSeverityLabels[w.severity][lang]}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t.sender}>{unitName(units, w.senderUnitId)}</Descriptions.Item>
            <Descriptions.Item label={t.sentAt}>{formatTime(w.sentAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{w.body}</Typography.Paragraph>
          {mine && (
            <Flex gap={8} align="center">
              {mine.ackedAt ? (
                <Tag color="success" data-testid="warning-acked">
                  {t.ackDone} {formatTime(mine.ackedAt)}
                </Tag>
              ) : (
                <Button
                  type="primary"
                  loading={ack.isPending}
                  onClick={() => ack.mutate()}
                  data-testid="warning-ack"
                >
                  {t.ack}
                </Button>
              )}
            </Flex>
          )}
          {isSender && (
            <>
              <Flex gap={16} align="center">
                <Progress
                  type="circle"
                  size={72}
                  percent={Math.round((w.ackRate ?? 0) * 100)}
                  aria-label={t.acked}
                />
                <Typography.Text data-testid="warning-ack-count">
                  {t.acked} {w.acked} / {w.audienceTotal}
                </Typography.Text>
                <span style={{ flex: 1 }} />
                <Button
                  disabled={pending === 0}
                  loading={remind.isPending}
                  onClick={() => remind.mutate()}
                  data-testid="warning-remind"
                >
                  {t.remind}
                </Button>
              </Flex>
              <Table
                size="small"
                rowKey="unitId"
                data-testid="warning-audience"
                pagination={{ pageSize: 20, showSizeChanger: false }}
                dataSource={[...w.audienceUnits].sort(
                  (a, b) => Number(Boolean(a.ackedAt)) - Number(Boolean(b.ackedAt)),
                )}
                columns={[
                  { title: t.unit, dataIndex: "unitId", render: (u: string) => unitName(units, u) },
                  {
                    title: t.status,
                    dataIndex: "ackedAt",
                    width: 100,
                    render: (at?: string) =>
                      at ? <Tag color="success">{t.acked}</Tag> : <Tag color="warning">{t.notAcked}</Tag>,
                  },
                  { title: t.ackedBy, dataIndex: "ackedBy", width: 100 },
                  {
                    title: t.ackedAt,
                    dataIndex: "ackedAt",
                    width: 160,
                    render: (at?: string) => formatTime(at),
                  },
                ]}
              />
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
