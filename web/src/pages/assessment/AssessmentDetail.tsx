import { ArrowLeftOutlined, CheckOutlined, FileExcelOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { canRunAssessments, canSignOffAssessment } from "@weiquan/domain/access/policy";
import type { Role } from "@weiquan/domain/auth/roles";
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Space,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { api, ok } from "../../api/client.ts";
import { download } from "../../api/download.ts";
import { keys } from "../../api/query.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { errorText } from "../../app/errors.ts";
import { PagedTable } from "../../app/PagedTable.tsx";
import { useSession } from "../../console/session.tsx";
import { useT } from "../../i18n/messages.ts";
import { assessmentQuery, type Sheet, sheetsQuery } from "./api.ts";
import { useAssessmentT } from "./messages.ts";
import { pts, Stars, StatusTag } from "./parts.tsx";
import { SheetDrawer } from "./SheetDrawer.tsx";
import { SignOffModal } from "./SignOffModal.tsx";

const unscoredOf = (s: Sheet) => s.items.filter((i) => !i.auto && i.points === null).length;

/**
 * Who scores manual items: the bureau any sheet, a regulation office the sheets of its own area — the only
 * ones it is shown (the API answers 404 for the others, and 403 for every other role).
 */
const scoresSheets = (role: Role) => canRunAssessments(role) || role === "office_staff";

/** One assessment: its sheets (ranking once finalized), scoring, finalize, the 综治 sign-off, print and Excel. */
export default function AssessmentDetail() {
  const t = useAssessmentT();
  const common = useT();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const role = useSession().me.user.role;
  const loaded = useQuery(assessmentQuery(id));
  const a = loaded.data;
  const [open, setOpen] = useState<Sheet | null>(null);
  const [signing, setSigning] = useState(false);
  const [finalizing, setFinalizing] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.assessment });

  const finalize = async () => {
    setFinalizing(true);
    try {
      await ok(api.v1.assessments[":id"].finalize.$post({ param: { id } }));
      message.success(t.finalized);
      refresh();
    } catch (e) {
      message.error(errorText(e, common));
    } finally {
      setFinalizing(false);
    }
  };
  const exportExcel = async () => {
    try {
      await download(`/v1/assessments/${id}/report.xlsx`, `assessment-${a?.year ?? ""}.xlsx`);
    } catch (e) {
      message.error(errorText(e, common));
    }
  };

  const finalized = a?.status === "finalized";
  const columns: TableColumnsType<Sheet> = [
    ...(finalized ? [{ title: t.colRank, dataIndex: "rank", width: 70 } as const] : []),
    { title: t.colUnit, dataIndex: "unitName" },
    { title: t.colType, dataIndex: "unitType", width: 90, render: (u: Sheet["unitType"]) => t[u] },
    { title: t.colTotal, dataIndex: "total", width: 80, render: (n: number | null) => pts(n) },
    ...(finalized
      ? [{ title: t.colStars, dataIndex: "stars", width: 90, render: (n: number | null) => <Stars n={n} /> }]
      : [
          {
            title: t.colProgress,
            key: "unscored",
            width: 180,
            render: (_: unknown, s: Sheet) => t.unscored(unscoredOf(s)),
          },
        ]),
    {
      title: t.colActions,
      key: "actions",
      width: 200,
      render: (_, s) => (
        <Space>
          <Button size="small" onClick={() => setOpen(s)} data-testid={`sheet-open-${s.unitName}`}>
            {a?.status === "scoring" && scoresSheets(role) ? t.score : t.view}
          </Button>
          <Button
            size="small"
            icon={<PrinterOutlined />}
            onClick={() => navigate(`/assessment/${id}/print/${s.unitId}`)}
          >
            {t.printSheet}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="assessment-detail">
      <Flex gap={12} align="center" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/assessment")}>
          {t.back}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {a ? `${a.year} · ${a.name}` : t.title}
        </Typography.Title>
        {a && <StatusTag status={a.status} />}
      </Flex>
      <ErrorAlert error={loaded.error} title={t.loadFailed} />
      {a && (
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t.sheets}>{a.sheetCount}</Descriptions.Item>
            <Descriptions.Item label={t.colProgress}>
              {a.status === "creating"
                ? `${a.progress.done} / ${a.progress.total}`
                : t.unscored(a.unscoredItems)}
            </Descriptions.Item>
            <Descriptions.Item label={t.signOff}>
              <span data-testid="assessment-signoff">
                {a.signOff
                  ? t.signedOff(a.signOff.name, a.signOff.at.slice(0, 16).replace("T", " "))
                  : t.notSignedOff}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginTop: 12 }}>
            {canRunAssessments(role) && a.status === "scoring" && (
              <Popconfirm
                title={t.finalizeConfirm}
                onConfirm={() => void finalize()}
                okButtonProps={{ "data-testid": "confirm-ok" }}
              >
                <Button
                  type="primary"
                  loading={finalizing}
                  disabled={a.unscoredItems > 0}
                  data-testid="assessment-finalize"
                >
                  {t.finalize}
                </Button>
              </Popconfirm>
            )}
            {canSignOffAssessment(role) && finalized && !a.signOff && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => setSigning(true)}
                data-testid="assessment-signoff-open"
              >
                {t.signOff}
              </Button>
            )}
            {finalized && (
              <Button
                icon={<PrinterOutlined />}
                onClick={() => navigate(`/assessment/${id}/print`)}
                data-testid="assessment-print"
              >
                {t.printRanking}
              </Button>
            )}
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void exportExcel()}
              data-testid="assessment-excel"
            >
              {t.exportExcel}
            </Button>
          </Space>
        </Card>
      )}
      {a && a.status !== "creating" && (
        <Card title={t.sheets}>
          <PagedTable<Sheet>
            rowKey="unitId"
            query={sheetsQuery(id, finalized ? "rank" : "tree")}
            testId="sheets"
            errorTitle={t.loadFailed}
            columns={columns}
            count={t.count}
            rowProps={(s) => ({ "data-testid": `sheet-row-${s.unitName}` })}
          />
        </Card>
      )}
      {a && (
        <SheetDrawer
          assessment={a}
          sheet={open}
          editable={a.status === "scoring" && scoresSheets(role)}
          onClose={() => setOpen(null)}
          onSaved={refresh}
        />
      )}
      <SignOffModal id={id} open={signing} onClose={() => setSigning(false)} onSigned={refresh} />
    </Flex>
  );
}
