import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { download } from "../../api/download.ts";
import { keys } from "../../api/query.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { errorText } from "../../app/errors.ts";
import { useT } from "../../i18n/messages.ts";
import { casePath, formatTime } from "../cases/format.ts";
import { unitName, useUnits } from "../cases/parts.tsx";
import { type RoundItem, roundQuery } from "./api.ts";
import { CallbackModal } from "./CallbackModal.tsx";
import { ContactButton } from "./ContactButton.tsx";
import type { SupervisionMessages } from "./messages.ts";

const resultColor: Record<string, string> = {
  satisfied: "success",
  basically_satisfied: "processing",
  unsatisfied: "error",
};

/** One round: its parameters and seed (how to redo it), its strata, and the callback list. */
export function RoundView({ id, s, onBack }: { id: string; s: SupervisionMessages; onBack: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const units = useUnits();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const q = useQuery(roundQuery(id));
  const [calling, setCalling] = useState<RoundItem | null>(null);
  const r = q.data;

  const columns: TableColumnsType<RoundItem> = [
    {
      title: s.colTrackingNo,
      dataIndex: "trackingNo",
      width: 190,
      render: (no: string, item) => <Link to={casePath(item.caseId)}>{no}</Link>,
    },
    { title: s.colUnit, dataIndex: "unitId", width: 160, render: (u: string) => unitName(units, u) },
    { title: s.colSubject, dataIndex: "subject", ellipsis: true },
    {
      title: s.colConsumer,
      key: "consumer",
      width: 200,
      render: (_, item) => (
        <Space size={4} wrap>
          <span>{item.consumerName ?? "—"}</span>
          {r?.canCallBack && <ContactButton roundId={id} caseId={item.caseId} s={s} />}
        </Space>
      ),
    },
    { title: s.colClosedAt, dataIndex: "closedAt", width: 150, render: (v: string) => formatTime(v) },
    { title: s.colAttempts, dataIndex: "attempts", width: 80 },
    {
      title: s.colResult,
      key: "result",
      width: 200,
      render: (_, item) => {
        const c = item.callback;
        if (!c) return <Tag>{s.notTried}</Tag>;
        if (!c.reached) return <Tag color="warning">{s.unreached}</Tag>;
        return (
          <Space size={4} wrap>
            <Tag color={resultColor[c.result ?? ""]} data-testid={`item-result-${item.trackingNo}`}>
              {s.resultLabel[c.result ?? ""] ?? c.result}
            </Tag>
            {c.issues.map((code) => (
              <Tag key={code}>{s.issueLabel[code] ?? code}</Tag>
            ))}
          </Space>
        );
      },
    },
    ...(r?.canCallBack
      ? [
          {
            title: s.colActions,
            key: "actions",
            width: 110,
            render: (_: unknown, item: RoundItem) =>
              item.callback?.reached ? null : (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setCalling(item)}
                  data-testid={`callback-${item.trackingNo}`}
                >
                  {s.record}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card data-testid="round-view">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {s.back}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {r ? s.roundTitle(r.month) : ""}
          </Typography.Title>
        </Space>
        {r && (
          <Space wrap>
            <Button
              icon={<PrinterOutlined />}
              onClick={() => navigate(`/supervision/rounds/${encodeURIComponent(id)}/print`)}
              data-testid="round-print-open"
            >
              {s.print}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                download(
                  `/v1/sampling/rounds/${encodeURIComponent(id)}/callbacks.xlsx`,
                  `callbacks-${r.month}.xlsx`,
                ).catch((e) => message.error(`${s.exportFailed}：${errorText(e, t)}`))
              }
              data-testid="round-export"
            >
              {s.exportXlsx}
            </Button>
          </Space>
        )}
      </Flex>
      <ErrorAlert error={q.error} title={s.roundLoadFailed} testId="round-error" />
      {r && (
        <Flex vertical gap={16}>
          {r.partial && <Alert type="info" showIcon title={s.partial} />}
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={s.colScope}>{unitName(units, r.unitId)}</Descriptions.Item>
            <Descriptions.Item label={s.colSeed}>
              <Typography.Text copyable strong data-testid="round-seed">
                {String(r.seed)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={s.colDrawnAt}>
              {formatTime(r.drawnAt)} {r.drawnByName}
            </Descriptions.Item>
            <Descriptions.Item label={s.share}>{Math.round(r.share * 1000) / 10}</Descriptions.Item>
            <Descriptions.Item label={s.minPerUnit}>{r.minPerUnit}</Descriptions.Item>
            <Descriptions.Item label={s.maxPerUnit}>{r.maxPerUnit ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={s.colPopulation}>{r.population}</Descriptions.Item>
            <Descriptions.Item label={s.colSampled}>{r.progress.total}</Descriptions.Item>
            <Descriptions.Item label={s.colProgress}>
              <span data-testid="round-progress">{s.progress(r.progress.reached, r.progress.total)}</span>
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{s.method}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} data-testid="round-method">
              {r.method}
            </Typography.Paragraph>
          </div>
          <div>
            <Typography.Title level={5}>{s.strata}</Typography.Title>
            <Table
              size="small"
              rowKey="unitId"
              pagination={false}
              dataSource={r.strata}
              data-testid="round-strata"
              columns={[
                { title: s.colUnit, dataIndex: "unitId", render: (u: string) => unitName(units, u) },
                { title: s.colPopulation, dataIndex: "population", width: 120 },
                { title: s.colSampled, dataIndex: "sampled", width: 100 },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{s.items}</Typography.Title>
            <Table<RoundItem>
              size="small"
              rowKey="caseId"
              pagination={false}
              dataSource={r.items}
              columns={columns}
              scroll={{ x: 1200 }}
              data-testid="round-items"
              onRow={(item) => ({ "data-testid": `item-row-${item.trackingNo}` }) as object}
            />
          </div>
        </Flex>
      )}
      <CallbackModal
        roundId={id}
        item={calling}
        s={s}
        onClose={() => setCalling(null)}
        onSaved={(conflict) => {
          setCalling(null);
          void queryClient.invalidateQueries({ queryKey: keys.supervision });
          void queryClient.invalidateQueries({ queryKey: keys.figures });
          if (conflict) message.warning(s.conflict);
          else message.success(s.callbackSaved);
        }}
      />
    </Card>
  );
}
