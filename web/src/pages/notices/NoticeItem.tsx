import { InfoCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { Badge, Flex, Typography } from "antd";
import type { Answer, api } from "../../api/client.ts";
import { useSmallFont } from "../../app/large-text.tsx";
import { casePath, formatTime } from "../cases/format.ts";
import { useNoticeT } from "./messages.ts";

export type Notice = Answer<typeof api.v1.notices.$get>["items"][number];

/**
 * Where a notice leads in the console: its case, or what supervision names (`ref`). A capability that
 * adds notice kinds with a page of its own adds its path here.
 */
export function noticeHref(n: Notice): string | null {
  if (n.caseId) return casePath(n.caseId);
  if (n.ref?.type === "warning") return `/outreach/warnings/${encodeURIComponent(n.ref.id)}`;
  if (n.ref) return `/supervision?${n.ref.type}=${encodeURIComponent(n.ref.id)}`;
  return null;
}

/** One line of the bell's list: an overdue case, or a sentence the API wrote (supervision, warnings …). */
export function NoticeItem({ n, onOpen }: { n: Notice; onOpen: (n: Notice, href: string | null) => void }) {
  const t = useNoticeT();
  const href = noticeHref(n);
  const overdue = n.kind === "overdue";
  const small = useSmallFont();
  return (
    <a
      href={href ?? "#"}
      onClick={(e) => {
        e.preventDefault();
        onOpen(n, href);
      }}
      data-testid={`notice-${n.trackingNo ?? n.id}`}
      data-kind={n.kind}
      data-read={String(n.read)}
      style={{
        display: "block",
        padding: "8px 6px",
        borderTop: "1px solid #f0f0f0",
        color: "inherit",
        background: n.read ? undefined : "#fff7e6",
      }}
    >
      <Flex gap={8} align="flex-start">
        {overdue ? (
          <WarningOutlined style={{ color: "#cf1322", marginTop: 4 }} />
        ) : (
          <InfoCircleOutlined style={{ color: "#0958d9", marginTop: 4 }} />
        )}
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong={!n.read}>
            {t.kindTitle[n.kind] ?? t.title}
            {!n.read && <Badge status="error" style={{ marginInlineStart: 6 }} />}
          </Typography.Text>
          <Typography.Text ellipsis>
            {n.text ?? t.overdueBody(n.trackingNo ?? "", n.subject ?? "")}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: small }}>
            {n.dueBy ? t.dueBy(formatTime(n.dueBy)) : formatTime(n.at)}
          </Typography.Text>
        </Flex>
      </Flex>
    </a>
  );
}
