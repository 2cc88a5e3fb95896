import { App, Flex, Input } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError, api, ok } from "../api/client.ts";
import { useT } from "../i18n/messages.ts";
import { searchTarget } from "./search-target.ts";

/**
 * 查找案件 in the console header, from any page: a tracking number opens its case, a consumer's phone lists
 * that consumer's cases (the API records the look-up as a personal-data access), other words search the
 * ledger (business, subject).
 */
export function HeaderSearch({ showLabel, color }: { showLabel: boolean; color: string }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);

  async function find(input: string) {
    const target = searchTarget(input);
    if (!target) return;
    if (target.kind === "phone") return navigate(`/cases?${new URLSearchParams({ phone: target.phone })}`);
    if (target.kind === "text") return navigate(`/cases?${new URLSearchParams({ q: target.q })}`);
    setBusy(true);
    try {
      const found = await ok(
        api.v1.cases["by-tracking"][":trackingNo"].$get({ param: { trackingNo: target.trackingNo } }),
      );
      setValue("");
      navigate(`/cases/${encodeURIComponent(found.id)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) message.warning(t.searchNotFound(target.trackingNo));
      else message.error(e instanceof ApiError ? e.message : t.searchFailed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex align="center" gap={8}>
      {showLabel && (
        <label htmlFor="global-search" style={{ color, whiteSpace: "nowrap" }}>
          {t.searchLabel}
        </label>
      )}
      <Input.Search
        id="global-search"
        data-testid="global-search"
        aria-label={t.searchLabel}
        placeholder={t.searchPlaceholder}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onSearch={(v) => void find(v)}
        loading={busy}
        allowClear
        style={{ width: 230 }}
      />
    </Flex>
  );
}
