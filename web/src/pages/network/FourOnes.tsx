import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import type { Unit } from "@weiquan/domain";
import { Space, Tag } from "antd";
import { useT } from "../../i18n/messages.ts";

const items = ["staff", "plaque", "phone", "ledger"] as const;

/** 达标 / 未达标 */
export function FourOnesBadge({ compliant, testId }: { compliant: boolean; testId?: string }) {
  const t = useT();
  return (
    <Tag
      color={compliant ? "success" : "warning"}
      icon={compliant ? <CheckCircleFilled /> : <CloseCircleFilled />}
      data-testid={testId}
      data-compliant={String(compliant)}
    >
      {compliant ? t.fourOnesBadge.compliant : t.fourOnesBadge.notCompliant}
    </Tag>
  );
}

/** Which of the 四个一 a unit lacks (专人/牌匾/电话/台账). */
export function MissingList({ fourOnes }: { fourOnes: Unit["standards"]["fourOnes"] }) {
  const t = useT();
  const missing = items.filter((k) => !fourOnes[k]);
  if (missing.length === 0) return null;
  return (
    <Space size={4} wrap>
      <span>{t.complianceMissing}</span>
      {missing.map((k) => (
        <Tag key={k} color="orange" bordered={false}>
          {t.fourOnesItem[k]}
        </Tag>
      ))}
    </Space>
  );
}

export const fourOnesKeys = items;
