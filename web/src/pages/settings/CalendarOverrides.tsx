import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Settings } from "@weiquan/domain";
import { workCalendar } from "@weiquan/domain/cases/clock/calendar";
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
import { useMemo, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { useT } from "../../i18n/messages.ts";
import { putSettings } from "./api.ts";

import { useCalendarT } from "./calendar-messages.ts";
import { RuleTable } from "./RuleTable.tsx";

type Override = Settings["calendarOverrides"][number];

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
      const saved = await putSettings({
        version: settings.version,
        templates: settings.templates,
        calendarOverrides: next.sort((a, b) => a.date.localeCompare(b.date)),
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
