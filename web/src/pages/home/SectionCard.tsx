import { Badge, Card, Empty, Flex, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Answer, api } from "../../api/client.ts";
import { useSmallFont } from "../../app/large-text.tsx";
import { formatTime } from "../cases/format.ts";
import type { HomeMessages } from "./messages.ts";

export type Section = Answer<typeof api.v1.worklist.$get>["sections"][number];

const toneColor = { danger: "#cf1322", warning: "#ad4e00", info: "#0958d9" } as const;

/** One group of the 工作台: its count, the most urgent items, a link to the whole list. */
export function SectionCard({ s, t }: { s: Section; t: HomeMessages }) {
  const title = t.sections[s.key] ?? s.title;
  const small = useSmallFont(13);
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{title}</span>
          <Badge
            count={s.more ? t.more(s.count) : s.count}
            showZero
            color={s.count ? toneColor[s.tone] : "#8c8c8c"}
            data-testid={`work-count-${s.key}`}
          />
        </Flex>
      }
      extra={
        <Link to={s.href} data-testid={`work-all-${s.key}`}>
          {t.viewAll}
        </Link>
      }
      data-testid={`work-${s.key}`}
      data-count={s.count}
    >
      {s.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.nothing} style={{ margin: 8 }} />
      ) : (
        <Flex vertical gap={4}>
          {s.items.map((item) => (
            <Link
              key={item.id}
              to={item.href}
              style={{ display: "block", padding: "4px 0", borderTop: "1px solid #f0f0f0" }}
              data-testid={`work-item-${item.id}`}
            >
              <Typography.Text ellipsis style={{ display: "block" }}>
                {item.title}
              </Typography.Text>
              <Flex justify="space-between" gap={8}>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: small }}>
                  {item.detail ?? ""}
                </Typography.Text>
                {item.dueBy && (
                  <Typography.Text
                    style={{ fontSize: small, color: toneColor[s.tone], whiteSpace: "nowrap" }}
                  >
                    {t.dueBy(formatTime(item.dueBy))}
                  </Typography.Text>
                )}
              </Flex>
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}
