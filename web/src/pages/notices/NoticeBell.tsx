import { BellOutlined, ReloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Badge, Button, Empty, Flex, Popover, Spin, Typography } from "antd";
import { useCallback, useState } from "react";
import { useNavigate } from "react-router-dom";
import { type Answer, ApiError, api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { errorText } from "../../app/errors.ts";
import { useSmallFont } from "../../app/large-text.tsx";
import { useT } from "../../i18n/messages.ts";
import { useNoticeT } from "./messages.ts";
import { type Notice, NoticeItem } from "./NoticeItem.tsx";

type NoticePage = Answer<typeof api.v1.notices.$get>;

const LIMIT = 20;
const POLL_MS = 60_000;

/**
 * The header's bell: the unit's unread count, refreshed every minute and whenever the window regains
 * focus, and a list of the latest notices. Opening a notice marks it read.
 */
export function NoticeBell({ color }: { color: string }) {
  const t = useNoticeT();
  const common = useT();
  const small = useSmallFont();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const notices = useQuery({
    queryKey: keys.notices,
    queryFn: ({ signal }) => ok(api.v1.notices.$get({ query: { limit: String(LIMIT) } }, signalled(signal))),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const page = notices.data ?? null;
  const loading = notices.isFetching;
  const load = () => void notices.refetch();
  // A 401 has already sent the person to the login page; anything else shows in the list.
  const failed = notices.error instanceof ApiError && notices.error.status === 401 ? null : notices.error;
  const error = failed ? errorText(failed, common) : null;

  const markRead = useCallback(
    async (ids: string[]) => {
      if (ids.length === 0) return;
      queryClient.setQueryData<NoticePage>(keys.notices, (p) =>
        p
          ? {
              ...p,
              items: p.items.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)),
              unread: Math.max(0, p.unread - ids.length),
            }
          : p,
      );
      // Marking is best effort: the next poll shows the truth.
      await Promise.allSettled(ids.map((id) => api.v1.notices[":id"].read.$post({ param: { id } })));
    },
    [queryClient],
  );

  const openNotice = (n: Notice, href: string | null) => {
    setOpen(false);
    if (!n.read) void markRead([n.id]);
    if (href) navigate(href);
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
            <NoticeItem key={n.id} n={n} onOpen={openNotice} />
          ))}
          {page.nextCursor && (
            <Typography.Text type="secondary" style={{ fontSize: small, paddingTop: 6 }}>
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
