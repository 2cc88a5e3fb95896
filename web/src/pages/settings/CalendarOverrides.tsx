import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Settings } from "@weiquan/domain";
import { workCalendar } from "@weiquan/domain/cases/clock/calendar";
import type { Limit, RuleSet } from "@weiquan/domain/cases/clock/rules";
import {
  Alert,
  Button,
  DatePicker,
  Flex,
  Input,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { useAlive } from "../../app/useAlive.ts";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";

type Override = Settings["calendarOverrides"][number];
type LimitKey = keyof RuleSet["limits"];

const zh = {
  calendarTitle: "工作日调整（调休安排）",
  calendarIntro:
    "期限按国家法定节假日和调休安排计算工作日。本地另有放假或调休上班的日期，在此补充；国家尚未公布的年份也在此补充。保存后对新计算的期限生效。",
  date: "日期",
  kind: "调整为",
  dayOff: "放假",
  workday: "上班",
  note: "备注",
  notePlaceholder: "如：2027 年春节",
  national: "全国安排",
  nationalWorkday: "工作日",
  nationalDayOff: "休息日",
  add: "添加",
  remove: "删除",
  empty: "尚无调整",
  duplicate: "该日期已有调整，请先删除",
  pickDate: "请选择日期",
  saved: "工作日调整已保存",
  saveFailed: "保存失败",
  weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
  rulesTitle: "办理时限规则",
  rulesIntro: "每件案件按受理之日施行的规则计算期限，并终身沿用该规则。本表只读。",
  rulesLoadFailed: "时限规则加载失败",
  effective: (from: string, to?: string) => (to ? `${from} 至 ${to}` : `${from} 起施行`),
  colLimit: "期限",
  colDays: "时限",
  colBasis: "依据",
  limitDays: (l: Limit) => (l.unit === "working" ? `${l.days} 个工作日` : `${l.days} 日`),
  limits: {
    accept: "决定是否受理投诉",
    mediate: "调解终止",
    handOver: "移交举报线索",
    reportCheck: "核查举报线索",
    reportCheckExtension: "核查延长",
  } satisfies Record<LimitKey, string>,
};
type CalendarMessages = typeof zh;

const en: CalendarMessages = {
  calendarTitle: "Working-day corrections",
  calendarIntro:
    "Deadlines count working days by the national holidays and make-up working days. Add the county's own days off or working days here, and the holidays of a year the national data does not know yet. Saved corrections apply to deadlines computed from now on.",
  date: "Date",
  kind: "Make it",
  dayOff: "Day off",
  workday: "Working day",
  note: "Note",
  notePlaceholder: "e.g. Spring Festival 2027",
  national: "National calendar",
  nationalWorkday: "Working day",
  nationalDayOff: "Day off",
  add: "Add",
  remove: "Remove",
  empty: "No corrections",
  duplicate: "That date is already corrected; remove it first",
  pickDate: "Pick a date",
  saved: "Working-day corrections saved",
  saveFailed: "Could not save",
  weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  rulesTitle: "Time-limit rules",
  rulesIntro:
    "Each case's deadlines follow the rules in force on the day it was received, for its whole life. Read only.",
  rulesLoadFailed: "Could not load the time-limit rules",
  effective: (from: string, to?: string) => (to ? `${from} to ${to}` : `in force from ${from}`),
  colLimit: "Limit",
  colDays: "Length",
  colBasis: "Basis",
  limitDays: (l: Limit) => (l.unit === "working" ? `${l.days} working days` : `${l.days} days`),
  limits: {
    accept: "Decide whether to accept a complaint",
    mediate: "Mediation ends",
    handOver: "Hand a report's lead over",
    reportCheck: "Check a report's lead",
    reportCheckExtension: "Extension of the check",
  },
};

const useCalendarT = (): CalendarMessages => (useLang().lang === "zh" ? zh : en);

const limitOrder: LimitKey[] = ["accept", "mediate", "handOver", "reportCheck", "reportCheckExtension"];

/** The day of the week of a calendar date, independent of the browser's time zone. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * The tenant's corrections to the national working-day calendar, saved at once with the settings'
 * version, above the read-only rule table the deadlines are computed from.
 */
export function CalendarOverrides({
  settings,
  onSaved,
  onConflict,
}: {
  settings: Settings;
  onSaved: (saved: Settings) => void;
  onConflict: () => void;
}) {
  const t = useCalendarT();
  const common = useT();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [workday, setWorkday] = useState(false);
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [savedOnce, setSavedOnce] = useState(false);
  const national = useMemo(() => workCalendar(), []);
  const rows = useMemo(
    () => [...settings.calendarOverrides].sort((a, b) => a.date.localeCompare(b.date)),
    [settings.calendarOverrides],
  );

  async function save(next: Override[]): Promise<boolean> {
    setSaving(true);
    setError(null);
    setSavedOnce(false);
    try {
      const saved = await api<Settings>("/v1/settings", {
        method: "PUT",
        body: {
          version: settings.version,
          templates: settings.templates,
          calendarOverrides: next.sort((a, b) => a.date.localeCompare(b.date)),
        },
      });
      onSaved(saved);
      setSavedOnce(true);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onConflict();
      else setError(errorText(e, common));
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function add() {
    if (!date) {
      setError(t.pickDate);
      return;
    }
    const day = date.format("YYYY-MM-DD");
    if (rows.some((o) => o.date === day)) {
      setError(t.duplicate);
      return;
    }
    const entry: Override = { date: day, workday, ...(note.trim() ? { note: note.trim() } : {}) };
    if (await save([...rows, entry])) {
      setDate(null);
      setNote("");
    }
  }

  const columns: TableColumnsType<Override> = [
    {
      title: t.date,
      dataIndex: "date",
      width: 150,
      render: (d: string) => `${d} ${t.weekdays[weekdayOf(d)]}`,
    },
    {
      title: t.kind,
      dataIndex: "workday",
      width: 100,
      render: (w: boolean) => (w ? <Tag color="blue">{t.workday}</Tag> : <Tag color="red">{t.dayOff}</Tag>),
    },
    {
      title: t.national,
      key: "national",
      width: 110,
      render: (_: unknown, o) => (national.isWorkday(o.date) ? t.nationalWorkday : t.nationalDayOff),
    },
    { title: t.note, dataIndex: "note", ellipsis: true, render: (n?: string) => n ?? "" },
    {
      title: "",
      key: "remove",
      width: 90,
      render: (_: unknown, o) => (
        <Button
          size="small"
          type="link"
          danger
          icon={<DeleteOutlined />}
          disabled={saving}
          onClick={() => save(rows.filter((r) => r.date !== o.date))}
          data-testid={`calendar-remove-${o.date}`}
        >
          {t.remove}
        </Button>
      ),
    },
  ];

  return (
    <section data-testid="calendar-section" style={{ marginTop: 32 }}>
      <Typography.Title level={5}>{t.calendarTitle}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.calendarIntro}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker
          value={date}
          onChange={(d: Dayjs | null) => setDate(d)}
          placeholder={t.date}
          data-testid="calendar-date"
        />
        <Segmented<"off" | "work">
          value={workday ? "work" : "off"}
          onChange={(v) => setWorkday(v === "work")}
          options={[
            { value: "off", label: <span data-testid="calendar-kind-off">{t.dayOff}</span> },
            { value: "work", label: <span data-testid="calendar-kind-work">{t.workday}</span> },
          ]}
        />
        <Input
          style={{ width: 220 }}
          maxLength={100}
          value={note}
          placeholder={t.notePlaceholder}
          onChange={(e) => setNote(e.target.value)}
          aria-label={t.note}
          data-testid="calendar-note"
        />
        <Button icon={<PlusOutlined />} onClick={add} loading={saving} data-testid="calendar-add">
          {t.add}
        </Button>
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t.saveFailed}
          description={error}
          style={{ marginBottom: 12 }}
          data-testid="calendar-error"
        />
      )}
      {savedOnce && !error && (
        <Typography.Paragraph type="success" data-testid="calendar-saved">
          {t.saved}
        </Typography.Paragraph>
      )}
      <Table<Override>
        rowKey="date"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t.empty }}
        data-testid="calendar-table"
        onRow={(o) => ({ "data-testid": `calendar-row-${o.date}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <RuleTable />
    </section>
  );
}

/** GET /v1/meta/rule-sets, read only: each regulation, when it applies, every limit and its basis. */
function RuleTable() {
  const t = useCalendarT();
  const common = useT();
  const alive = useAlive();
  const [sets, setSets] = useState<RuleSet[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<{ items: RuleSet[] }>("/v1/meta/rule-sets").then(
      (r) => alive.current && setSets(r.items),
      (e: unknown) => alive.current && setError(errorText(e, common)),
    );
  }, [alive, common]);

  const columns: TableColumnsType<{ key: LimitKey; limit: Limit; basis: string }> = [
    { title: t.colLimit, dataIndex: "key", width: 170, render: (k: LimitKey) => t.limits[k] },
    { title: t.colDays, dataIndex: "limit", width: 120, render: (l: Limit) => t.limitDays(l) },
    {
      title: t.colBasis,
      dataIndex: "basis",
      render: (b: string) => <span style={{ fontSize: 12 }}>{b}</span>,
    },
  ];

  return (
    <div data-testid="rule-table" style={{ marginTop: 32 }}>
      <Typography.Title level={5}>{t.rulesTitle}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.rulesIntro}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={t.rulesLoadFailed} description={error} />}
      {[...(sets ?? [])].reverse().map((r) => (
        <div key={r.id} style={{ marginBottom: 16 }} data-testid={`rule-set-${r.id}`}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            <Typography.Text strong>《{r.title}》</Typography.Text>
            <Typography.Text type="secondary">
              （{r.order}）{t.effective(r.effectiveFrom, r.effectiveTo)}
            </Typography.Text>
          </Typography.Paragraph>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={limitOrder
              .filter((k) => r.limits[k])
              .map((k) => ({ key: k, limit: r.limits[k], basis: r.basis[k] }))}
          />
        </div>
      ))}
    </div>
  );
}
