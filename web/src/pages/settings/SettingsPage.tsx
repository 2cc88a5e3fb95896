import { ReloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { defaultConsentNotice, type Settings, UnifiedTemplates } from "@weiquan/domain";
import { Alert, App, Button, Card, Form, Input, Space, Spin, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { settingsQuery } from "../../api/queries.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { zodRule } from "../../app/form-rules.ts";
import { PageHeader } from "../../app/PageHeader.tsx";
import { useFormSubmit } from "../../app/useFormSubmit.ts";
import { useLang } from "../../i18n/lang.tsx";
import { type Messages, useT } from "../../i18n/messages.ts";
import { putSettings } from "./api.ts";
import { CalendarOverrides } from "./CalendarOverrides.tsx";
import { CalendarOverridesBanner } from "./CalendarOverridesBanner.tsx";

type TemplateKey = keyof UnifiedTemplates;

const templateFields: { key: TemplateKey; label: keyof Messages; rows?: number; max: number }[] = [
  { key: "stationNamePattern", label: "settingsStationNamePattern", max: 100 },
  { key: "pointNamePattern", label: "settingsPointNamePattern", max: 100 },
  { key: "plaqueStyle", label: "settingsPlaqueStyle", rows: 3, max: 500 },
  { key: "stationDuties", label: "settingsStationDuties", rows: 7, max: 5000 },
  { key: "pointDuties", label: "settingsPointDuties", rows: 5, max: 5000 },
  { key: "documentFormat", label: "settingsDocumentFormat", rows: 2, max: 500 },
];

/** 四统一 templates: the bureau admin edits them, with the version they were read at. */
export default function SettingsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnifiedTemplates>();
  const queryClient = useQueryClient();
  const loaded = useQuery(settingsQuery);
  const settings: Settings | null = loaded.data ?? null;
  const loading = loaded.isFetching;
  // The public page's personal-information notice; empty means the default.
  const [notice, setNotice] = useState("");
  const [conflict, setConflict] = useState(false);
  const setSettings = (saved: Settings) => queryClient.setQueryData(settingsQuery.queryKey, saved);
  const load = () => void loaded.refetch().then(() => setConflict(false));

  // What was read (or saved) is what the form shows.
  useEffect(() => {
    if (!settings) return;
    form.setFieldsValue(settings.templates);
    setNotice(settings.consentNotice ?? "");
  }, [settings, form]);

  const { submit, saving, error } = useFormSubmit(
    form,
    async (values) => {
      if (!settings) return;
      setConflict(false);
      const templates = UnifiedTemplates.parse(values);
      setSettings(await putSettings({ version: settings.version, templates, consentNotice: notice.trim() }));
      message.success(t.settingsSaved);
    },
    { onConflict: () => setConflict(true) },
  );

  const shape = UnifiedTemplates.shape;
  return (
    <Card data-testid="settings-page" style={{ maxWidth: 960 }}>
      <PageHeader title={t.settingsTitle} intro={t.settingsIntro}>
        <Button icon={<ReloadOutlined />} onClick={load} loading={loading} data-testid="settings-refresh">
          {t.settingsReload}
        </Button>
      </PageHeader>
      <CalendarOverridesBanner />
      <ErrorAlert error={loaded.error} title={t.settingsLoadFailed} testId="settings-error" />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t.settingsConflict}
          style={{ marginBottom: 16 }}
          data-testid="settings-conflict"
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={load} data-testid="settings-reload">
              {t.settingsReload}
            </Button>
          }
        />
      )}
      <ErrorAlert error={error} title={t.settingsSaveFailed} testId="settings-save-error" />
      {!settings && !loaded.error ? (
        <Spin />
      ) : (
        <Form<UnifiedTemplates>
          form={form}
          name="settings"
          layout="vertical"
          disabled={saving || !settings}
          onFinish={() => void submit()}
        >
          {settings && (
            <Typography.Paragraph type="secondary" data-testid="settings-version">
              {t.settingsVersion(
                settings.version,
                settings.updatedAt ? dayjs(settings.updatedAt).format("YYYY-MM-DD HH:mm") : null,
              )}
            </Typography.Paragraph>
          )}
          {templateFields.map((f) => {
            // Required when an empty value fails the field's own schema (no reading of zod internals).
            const required = !shape[f.key].safeParse("").success;
            const fallback = required ? t.settingsRequired : t.settingsTooLong;
            return (
              <Form.Item
                key={f.key}
                name={f.key}
                label={t[f.label] as string}
                rules={[zodRule(shape[f.key], fallback, lang)]}
                required={required}
              >
                {f.rows ? (
                  <Input.TextArea
                    rows={f.rows}
                    maxLength={f.max}
                    showCount
                    data-testid={`settings-${f.key}`}
                  />
                ) : (
                  <Input maxLength={f.max} data-testid={`settings-${f.key}`} />
                )}
              </Form.Item>
            );
          })}
          <Form.Item
            label={
              lang === "zh" ? "网上投诉页 · 个人信息处理告知" : "Public page: personal-information notice"
            }
            extra={
              lang === "zh"
                ? "消费者提交前须阅读并同意。留空则使用默认告知（{name} 会替换为本局名称）。"
                : "Consumers must accept it before filing. Empty: the default notice ({name} becomes the bureau's name)."
            }
          >
            <Input.TextArea
              rows={8}
              maxLength={5000}
              showCount
              value={notice}
              placeholder={defaultConsentNotice}
              onChange={(e) => setNotice(e.target.value)}
              data-testid="settings-consentNotice"
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
              {t.settingsSave}
            </Button>
          </Space>
        </Form>
      )}
      {settings && (
        <CalendarOverrides settings={settings} onSaved={setSettings} onConflict={() => setConflict(true)} />
      )}
    </Card>
  );
}
