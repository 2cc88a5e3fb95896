import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { canRunCampaigns } from "@weiquan/domain/access/policy";
import { Button, Card, Flex, Select, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { keys } from "../../api/query.ts";
import { Field } from "../../app/Field.tsx";
import { PagedTable } from "../../app/PagedTable.tsx";
import { useSession } from "../../console/session.tsx";
import { type Campaign, campaignPath, campaignsQuery } from "./api.ts";
import { CreateCampaignDrawer } from "./CreateCampaignDrawer.tsx";
import { useCampaignT } from "./messages.ts";

const thisYear = () => String(new Date().getFullYear());
const years = () => Array.from({ length: 4 }, (_, i) => String(Number(thisYear()) + 1 - i));

/** 创建活动: the year's campaigns with their counts; the bureau starts one. */
export default function CampaignsPage() {
  const t = useCampaignT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = useSession().me.user.role;
  const [year, setYear] = useState(thisYear);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Campaign> = [
    { title: t.name, dataIndex: "name" },
    { title: t.kind, dataIndex: "kind", width: 140, render: (k: string) => t.kinds[k] ?? k },
    { title: t.deadline, dataIndex: "deadline", width: 120, render: (d: string) => d.slice(0, 10) },
    {
      title: t.colStatus,
      dataIndex: "status",
      width: 100,
      render: (s: string) => <Tag color={s === "active" ? "processing" : "default"}>{t.status[s]}</Tag>,
    },
    {
      title: t.colCreated,
      key: "created",
      width: 130,
      render: (_, c) => `${c.counts.created} / ${c.counts.enrolled}`,
    },
    {
      title: t.colPassed,
      key: "passed",
      width: 130,
      render: (_, c) => `${c.counts.passed} / ${c.counts.inspected}`,
    },
    {
      title: t.colActions,
      key: "actions",
      width: 90,
      render: (_, c) => (
        <Button
          size="small"
          onClick={() => navigate(campaignPath(c.id))}
          data-testid={`campaign-open-${c.name}`}
        >
          {t.open}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="campaigns-page">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        <Flex gap={16} align="end">
          <Field label={t.year} htmlFor="campaign-year">
            <Select
              id="campaign-year"
              value={year}
              onChange={setYear}
              options={years().map((y) => ({ value: y, label: y }))}
              style={{ width: 120 }}
            />
          </Field>
          {canRunCampaigns(role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="campaign-new"
            >
              {t.newCampaign}
            </Button>
          )}
        </Flex>
      </div>
      <Card>
        <PagedTable<Campaign>
          rowKey="id"
          query={campaignsQuery(year)}
          testId="campaigns"
          errorTitle={t.loadFailed}
          columns={columns}
          count={t.count}
        />
      </Card>
      <CreateCampaignDrawer
        open={creating}
        year={year}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: keys.campaigns });
          navigate(campaignPath(id));
        }}
      />
    </Flex>
  );
}
