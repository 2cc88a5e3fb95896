import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { type DownloadProgress, download } from "../../../api/download.ts";
import { errorText } from "../../../app/errors.ts";
import { useT } from "../../../i18n/messages.ts";
import { useCaseT } from "../messages.ts";
import { type Filters, queryOf } from "./filters.ts";

/** `GET /v1/cases/ledger.xlsx` for the ledger's current filters. */
export function exportPath(filters: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(queryOf(filters))) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  return `/v1/cases/ledger.xlsx${s ? `?${s}` : ""}`;
}

/** 导出 Excel: the ledger's current filters as a workbook, the button telling how far it is. */
export function ExportButton({ filters }: { filters: Filters }) {
  const t = useCaseT();
  const common = useT();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);

  const run = async () => {
    try {
      await download(exportPath(filters), "ledger.xlsx", setProgress);
      message.success(t.ledgerExportDone);
    } catch (e) {
      message.error(`${t.ledgerExportFailed}: ${errorText(e, common)}`);
    } finally {
      setProgress(null);
    }
  };

  const label =
    progress === null
      ? t.ledgerExport
      : progress.phase === "preparing"
        ? t.ledgerExporting
        : t.ledgerExportReceiving(
            Math.round(progress.received / 1024),
            progress.total ? Math.round((progress.received / progress.total) * 100) : undefined,
          );
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={progress !== null}
      onClick={() => void run()}
      data-testid="ledger-export"
      data-progress={progress?.phase ?? "idle"}
      aria-live="polite"
    >
      {label}
    </Button>
  );
}
