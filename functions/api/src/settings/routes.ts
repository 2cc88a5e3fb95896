import {
  Conflict,
  canManageSettings,
  defaultInspectionChecklist,
  defaultSampling,
  defaultTemplates,
  Forbidden,
  PutSettingsInput,
  Settings,
} from "@weiquan/domain";
import { SettingsRepository } from "@weiquan/store";
import { Hono } from "hono";
import { doc } from "../http/docs.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { valid } from "../http/validate.ts";

const tags = ["settings"];
const initial: Settings = {
  version: 0,
  templates: defaultTemplates,
  calendarOverrides: [],
  categories: [],
  inspectionChecklist: defaultInspectionChecklist,
  sampling: defaultSampling,
  trainingMinPerYear: 2,
  updatedAt: null,
  updatedBy: null,
};

export const settingsRoutes = new Hono<ScopedEnv>()
  .use("/v1/settings", ...tenantScoped)
  .get(
    "/v1/settings",
    doc({
      summary: "The tenant's settings: 四统一 templates (version 0 = defaults, never saved)",
      tags,
      ok: { schema: Settings },
    }),
    async (c) =>
      c.json(Settings.parse((await new SettingsRepository(c.var.scope.table).get<Settings>()) ?? initial)),
  )
  .put(
    "/v1/settings",
    doc({
      summary: "Replace the settings (with version; bureau_admin)",
      tags,
      ok: { schema: Settings },
      errors: [400, 403, 409],
    }),
    valid("json", PutSettingsInput),
    async (c) => {
      const { scope, deps } = c.var;
      if (!canManageSettings(scope.viewer.role))
        throw Forbidden("只有县局管理员可以修改设置", "ROLE_FORBIDDEN");
      const input = c.req.valid("json");
      const repo = new SettingsRepository(scope.table);
      const current = await repo.get<Settings>();
      const next: Settings = {
        version: input.version + 1,
        templates: input.templates,
        calendarOverrides: input.calendarOverrides ?? current?.calendarOverrides ?? [],
        categories: input.categories ?? current?.categories ?? [],
        // Omitted keeps the current notice; an empty one falls back to the default.
        consentNotice:
          input.consentNotice === undefined ? current?.consentNotice : input.consentNotice || undefined,
        inspectionChecklist:
          input.inspectionChecklist ?? current?.inspectionChecklist ?? defaultInspectionChecklist,
        sampling: input.sampling ?? current?.sampling ?? defaultSampling,
        trainingMinPerYear: input.trainingMinPerYear ?? current?.trainingMinPerYear ?? 2,
        updatedAt: deps.now().toISOString(),
        updatedBy: scope.caller.userId,
      };
      if (!(await repo.put(next))) {
        throw Conflict("设置已被他人修改，请刷新后重试", "VERSION_CONFLICT", {
          current: (await repo.get<Settings>()) ?? initial,
        });
      }
      return c.json(next);
    },
  );
