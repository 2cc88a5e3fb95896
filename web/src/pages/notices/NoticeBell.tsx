import { BellOutlined, ReloadOutlined, WarningOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Empty, Flex, Popover, Spin, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { useAlive } from "../../app/useAlive.ts";
import { useT } from "../../i18n/messages.ts";
import { casePath, formatTime } from "../cases/format.ts";
import { useNoticeT } from "./messages.ts";

/** GET /v1/notices item (functions/api/src/notices/routes.ts). */
interface Notice {
  id: string;
  kind: "overdue";
  unitId: string;
  at: string;
  caseId: string;
  trackingNo: string;
  subject: string;
  dueBy: string;
  read: boolean;
}
interface NoticePage {
  items: Notice[];
  nextCursor: string | null;
  unread: number;
}

const LIMIT = 20;
const POLL_MS = 60_000;

/**
 * The header's bell: the unit's unread count, refreshed every minute and whenever the window regains
 * focus, and a list of the latest notices. Opening a notice marks it read.
 */
export function NoticeBell({ color }: { color: string }) {
  const t = useNoticeT();
  const common = useT();
  const navigate = useNavigate();
  const alive = useAlive();
  const [page, setPage] = useState<NoticePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const inFlight = useRef(false);

  const load = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setLoading(true);
    try {
      const next = await api<NoticePage>(`/v1/notices?limit=${LIMIT}`);
      if (!alive.current) return;
      setPage(next);
      setError(null);
    } catch (e) {
      // A 401 has already sent the person to the login page; anything else shows in the list.
      if (alive.current && !(e instanceof ApiError && e.status === 401)) setError(errorText(e, common));
    } finally {
      inFlight.current = false;
      if (alive.current) setLoading(false);
    }
  }, [alive, common]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, POLL_MS);
    const onFocus = () => void load();
    const onVisible = () => document.visibilityState === "visible" && void load();
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [load]);

  const markRead = useCallback(async (ids: string[]) => {
    if (ids.length === 0) return;
    setPage((p) =>
      p
        ? {
            ...p,
            items: p.items.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)),
            unread: Math.max(0, p.unread - ids.length),
          }
        : p,
    );
    // Marking is best effort: the next poll shows the truth.
    await Promise.allSettled(
      ids.map((id) => api(`/v1/notices/${encodeURIComponent(id)}/read`, { method: "POST" })),
    );
  }, []);

  const openNotice = (n: Notice) => {
    setOpen(false);
    if (!n.read) void markRead([n.id]);
    navigate(casePath(n.caseId));
  };

  const unread = page?.unread ?? 0;
  const unreadShown = page?.items.filter((n) => !n.read).map((n) => n.id) ?? [];

  const content = (
    <Flex vertical gap={8} style={{ width: 340, maxWidth: "80vw" }} data-testid="notices-panel">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t.title}</Typography.Text>
        <Flex gap={4}>
          {unreadShown.length > 0 && (
            <Button
              size="small"
              type="link"
              onClick={() => markRead(unreadShown)}
              data-testid="notices-read-all"
            >
              {t.markAllRead}
            </Button>
          )}
          <Button
            size="small"
            type="text"
            icon={<ReloadOutlined />}
            loading={loading}
            onClick={() => load()}
            aria-label={t.refresh}
            data-testid="notices-refresh"
          />
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon title={t.loadFailed} description={error} />}
      {!page && !error && <Spin />}
      {page && page.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} data-testid="notices-empty" />
      )}
      {page && page.items.length > 0 && (
        <Flex vertical style={{ maxHeight: 420, overflowY: "auto" }} data-testid="notices-list">
          {page.items.map((n) => (
            <a
              key={n.id}
              href={casePath(n.caseId)}
              onClick={(e) => {
                e.preventDefault();
                openNotice(n);
              }}
              data-testid={`notice-${n.trackingNo}`}
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
                <WarningOutlined style={{ color: "#cf1322", marginTop: 4 }} />
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong={!n.read}>
                    {t.overdueTitle}
                    {!n.read && <Badge status="error" style={{ marginInlineStart: 6 }} />}
                  </Typography.Text>
                  <Typography.Text ellipsis>{t.overdueBody(n.trackingNo, n.subject)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t.dueBy(formatTime(n.dueBy))}
                  </Typography.Text>
                </Flex>
              </Flex>
            </a>
          ))}
          {page.nextCursor && (
            <Typography.Text type="secondary" style={{ fontSize: 12, paddingTop: 6 }}>
              {t.more}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Flex>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
      content={content}
    >
      <Button
        type="text"
        style={{ color, paddingInline: 6 }}
        aria-label={unread ? t.bellUnread(unread) : t.bell}
        data-testid="notices-bell"
        data-unread={String(unread)}
      >
        <Badge count={unread} size="small" overflowCount={99} data-testid="notices-count">
          <BellOutlined style={{ color, fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
