import { ReloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Col, Flex, Row, Skeleton, Typography } from "antd";
import { api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import type { HomeMessages } from "./messages.ts";
import { SectionCard } from "./SectionCard.tsx";

/** Read every minute, so a new online filing or a case passed on shows within a minute. */
const POLL_MS = 60_000;

export const worklistQuery = {
  queryKey: keys.worklist,
  queryFn: ({ signal }: { signal: AbortSignal }) => ok(api.v1.worklist.$get({}, signalled(signal))),
};

/** The 工作台's sections, from `GET /v1/worklist` (each capability adds its own on the server). */
export function Worklist({ t }: { t: HomeMessages }) {
  const list = useQuery({
    ...worklistQuery,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const sections = list.data?.sections ?? [];
  return (
    <Flex vertical gap={12} data-testid="worklist">
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t.title}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          loading={list.isFetching}
          onClick={() => void list.refetch()}
          data-testid="worklist-refresh"
        >
          {t.refresh}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} title={t.loadFailed} testId="worklist-error" />
      {list.data && list.data.unavailable.length > 0 && (
        <Alert type="warning" showIcon title={t.unavailable} />
      )}
      {!list.data && !list.error && <Skeleton active />}
      <Row gutter={[16, 16]}>
        {sections.map((s) => (
          <Col key={s.key} xs={24} md={12} xxl={8}>
            <SectionCard s={s} t={t} />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
