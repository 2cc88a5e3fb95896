import { Tag } from "antd";
import type { AssessmentHeader } from "./api.ts";
import { useAssessmentT } from "./messages.ts";

const statusColor: Record<AssessmentHeader["status"], string> = {
  creating: "processing",
  scoring: "blue",
  finalizing: "processing",
  finalized: "success",
};

export function StatusTag({ status }: { status: AssessmentHeader["status"] }) {
  const t = useAssessmentT();
  return (
    <Tag color={statusColor[status]} data-testid="assessment-status" data-status={status}>
      {t.status[status]}
    </Tag>
  );
}

/** Stars as ★ (read aloud as the number). */
export function Stars({ n }: { n: number | null }) {
  if (!n) return null;
  return (
    <span role="img" aria-label={`${n}★`} style={{ color: "#d48806", whiteSpace: "nowrap" }}>
      {"★".repeat(n)}
    </span>
  );
}

/** Points as the sheet prints them: up to two decimals, no trailing zeros. */
export const pts = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : String(Math.round(n * 100) / 100);
