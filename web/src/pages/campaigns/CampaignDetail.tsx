import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { canRunCampaigns } from "@weiquan/domain/access/policy";
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  InputNumber,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { api, ok } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { errorText } from "../../app/errors.ts";
import { PagedTable } from "../../app/PagedTable.tsx";
import { useSession } from "../../console/session.tsx";
import { useT } from "../../i18n/messages.ts";
import { type CampaignUnit, campaignQuery, type ProgressRow, percent, unitsQuery } from "./api.ts";
import { useCampaignT } from "./messages.ts";
import { UnitDrawer } from "./UnitDrawer.tsx";

type Row = ProgressRow & { key: string; name: string };

/** One campaign: progress per township and in total, the drawn sample, the points with their checks. */
export default function CampaignDetail() {
  const t = useCampaignT();
  const common = useT();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const role = useSession().me.user.role;
  const loaded = useQuery(campaignQuery(id));
  const c = loaded.data;
  const [onlySample, setOnlySample] = useState(false);
  const [seed, setSeed] = useState<number | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [open, setOpen] = useState<CampaignUnit | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [...keys.campaigns, "one", id] });

  const draw = async () => {
    setDrawing(true);
    try {
      await ok(api.v1.campaigns[":id"].sample.$post({ param: { id }, json: seed === null ? {} : { seed } }));
      refresh();
    } catch (e) {
      message.error(`${t.drawFailed}: ${errorText(e, common)}`);
    } finally {
      setDrawing(false);
    }
  };

  const meets = (m: boolean | null) =>
    m === null ? null : <Tag color={m ? "success" : "warning"}>{m ? t.meets : t.misses}</Tag>;
  const progressColumns: TableColumnsType<Row> = [
    { title: t.station, dataIndex: "name" },
    { title: t.enrolled, dataIndex: "enrolled", width: 80 },
    { title: t.created, dataIndex: "created", width: 80 },
    {
      title: t.creationRate,
      key: "cr",
      width: 150,
      render: (_, r) => (
        <Space>
          {percent(r.creationRate)}
          {meets(r.meetsCreation)}
        </Space>
      ),
    },
    { title: t.sampled, dataIndex: "sampled", width: 80 },
    { title: t.inspected, dataIndex: "inspected", width: 80 },
    { title: t.passed, dataIndex: "passed", width: 80 },
    {
      title: t.passRate,
      key: "pr",
      width: 150,
      render: (_, r) => (
        <Space>
          {percent(r.passRate)}
          {meets(r.meetsPass)}
        </Space>
      ),
    },
  ];
  const rows: Row[] = c
    ? [
        ...c.progress.stations.map((s) => ({ ...s, key: s.stationId, name: s.stationName })),
        { ...c.progress.total, key: "total", name: t.total },
      ]
    : [];

  const unitColumns: TableColumnsType<CampaignUnit> = [
    { title: t.station, dataIndex: "stationName", width: 200 },
    { title: t.colUnit, dataIndex: "unitName" },
    {
      title: t.colStatusUnit,
      dataIndex: "status",
      width: 120,
      render: (s: string) => (
        <Tag color={s === "passed" ? "success" : s === "failed" ? "error" : undefined}>{t.unitStatus[s]}</Tag>
      ),
    },
    { title: t.inSample, dataIndex: "inSample", width: 70, render: (b: boolean) => (b ? "✓" : "") },
    { title: t.colScore, key: "score", width: 80, render: (_, u) => u.inspection?.total ?? "" },
    {
      title: t.colActions,
      key: "actions",
      width: 100,
      render: (_, u) => (
        <Button size="small" onClick={() => setOpen(u)} data-testid={`campaign-unit-${u.unitName}`}>
          {t.open}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="campaign-detail">
      <Flex gap={12} align="center" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/campaigns")}>
          {t.back}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {c?.name ?? t.title}
        </Typography.Title>
        {c && <Tag>{t.status[c.status]}</Tag>}
        {c && (
          <Button
            icon={<PrinterOutlined />}
            onClick={() => navigate(`/campaigns/${id}/report`)}
            data-testid="campaign-report"
          >
            {t.report}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={loaded.error} title={t.loadFailed} />
      {c && (
        <>
          <Card
            title={`${t.progress} · ${t.targets(Math.round(c.targets.creationRate * 100), Math.round(c.targets.passRate * 100))}`}
          >
            <Table<Row>
              size="small"
              pagination={false}
              columns={progressColumns}
              dataSource={rows}
              data-testid="campaign-progress"
            />
          </Card>
          <Card title={t.sample}>
            {c.sample ? (
              <Flex vertical gap={4} data-testid="campaign-sample">
                <Typography.Text>
                  {t.drawn(c.sample.seed, c.sample.size, c.sample.drawnAt.slice(0, 16).replace("T", " "))}
                </Typography.Text>
                <Typography.Text type="secondary">{t.sampleMethod(c.sample.seed)}</Typography.Text>
              </Flex>
            ) : (
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">{t.notDrawn}</Typography.Text>
                {canRunCampaigns(role) && c.status === "active" && (
                  <Flex gap={8} align="center" wrap>
                    <label htmlFor="campaign-seed">{t.seed}</label>
                    <InputNumber
                      id="campaign-seed"
                      min={0}
                      precision={0}
                      value={seed}
                      onChange={(v) => setSeed(v ?? null)}
                    />
                    <Button
                      type="primary"
                      loading={drawing}
                      onClick={() => void draw()}
                      data-testid="campaign-draw"
                    >
                      {t.draw}
                    </Button>
                  </Flex>
                )}
              </Flex>
            )}
          </Card>
          <Card
            title={t.units}
            extra={
              <Checkbox checked={onlySample} onChange={(e) => setOnlySample(e.target.checked)}>
                {t.onlySample}
              </Checkbox>
            }
          >
            <PagedTable<CampaignUnit>
              rowKey="unitId"
              query={unitsQuery(id, onlySample)}
              testId="campaign-units"
              errorTitle={t.loadFailed}
              columns={unitColumns}
              count={t.count}
            />
          </Card>
          <UnitDrawer campaign={c} unit={open} onClose={() => setOpen(null)} onSaved={refresh} />
        </>
      )}
    </Flex>
  );
}
