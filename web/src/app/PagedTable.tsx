import { type QueryKey, useInfiniteQuery } from "@tanstack/react-query";
import { Button, Flex, Table, type TableProps, Typography } from "antd";
import type { HTMLAttributes, ReactNode } from "react";
import { useT } from "../i18n/messages.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";

export interface Page<Row> {
  items: Row[];
  nextCursor: string | null;
}

export interface PagedQuery<Row> {
  queryKey: QueryKey;
  /** One page from `cursor` (undefined: the first). */
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<Row>>;
}

/** A cursor-paged list (api.md § Lists) as a cached infinite query: first page, then "more" on demand. */
export function usePaged<Row>({ queryKey, fetchPage }: PagedQuery<Row>) {
  const q = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...q, rows };
}

export interface PagedTableProps<Row> extends Omit<TableProps<Row>, "dataSource" | "loading" | "pagination"> {
  query: PagedQuery<Row>;
  /** Prefix of the test ids: `{testId}-table`, `-error`, `-count`, `-more`. */
  testId: string;
  /** What failed, above the API's message ("台账加载失败"). */
  errorTitle: string;
  /** The line under the table ("共 50 条，还有更多"). */
  count?: (shown: number, more: boolean) => ReactNode;
  /** Attributes of each row (test ids, click to open). */
  rowProps?: (row: Row) => HTMLAttributes<HTMLElement> & Record<`data-${string}`, string>;
}

/**
 * Every list page's table: loading, the error with the API's words, the rows, a count and "加载更多"
 * while the API has a next cursor. Refresh by invalidating `query.queryKey`.
 */
export function PagedTable<Row extends object>({
  query,
  testId,
  errorTitle,
  count,
  rowProps,
  ...table
}: PagedTableProps<Row>) {
  const t = useT();
  const paged = usePaged(query);
  return (
    <>
      <ErrorAlert error={paged.error} title={errorTitle} testId={`${testId}-error`} />
      <Table<Row>
        data-testid={`${testId}-table`}
        size="middle"
        pagination={false}
        {...table}
        dataSource={paged.rows}
        loading={paged.isFetching && !paged.isFetchingNextPage}
        onRow={rowProps ? (row) => rowProps(row) : table.onRow}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid={`${testId}-count`}>
          {count?.(paged.rows.length, paged.hasNextPage)}
        </Typography.Text>
        {paged.hasNextPage && (
          <Button
            onClick={() => void paged.fetchNextPage()}
            loading={paged.isFetchingNextPage}
            data-testid={`${testId}-more`}
          >
            {t.loadMore}
          </Button>
        )}
      </Flex>
    </>
  );
}
