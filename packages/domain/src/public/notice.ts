/**
 * The personal-information notice a consumer accepts before filing (PIPL Arts. 14, 17: purpose, what is
 * collected, who processes it, how long it is kept, the person's rights). A tenant may replace it in
 * settings; `{name}` stands for the bureau's name.
 */
export const defaultConsentNotice = [
  "个人信息处理告知",
  "",
  "{name}（以下简称“我局”）依据《中华人民共和国个人信息保护法》告知您：",
  "一、处理目的：仅用于受理、调解、转办您的投诉、举报或咨询，向您反馈处理进度和结果，以及办结后的满意度回访。",
  "二、收集的信息：您的姓名、联系电话、联系地址、身份证号码（选填），被投诉经营者的信息，事情经过、诉求和涉及金额。举报可以匿名。",
  "三、谁能看到：我局及承办您事项的市场监管所、消费维权服务站（点）的工作人员，仅在办理需要的范围内查看；列表中的个人信息做脱敏显示，查看完整信息的操作均有记录。调解时，经营者仅获知处理投诉所必需的信息；举报人信息不会告知被举报人。",
  "四、保存期限：自办结之日起保存 3 年（法律法规另有规定的从其规定），期满后删除或匿名化处理。",
  "五、您的权利：您可以查询、复制、更正您的个人信息，或撤回投诉，请联系受理单位。信息存储于中华人民共和国境内。",
  "",
  "您提交即表示已阅读并同意上述告知内容。",
].join("\n");

/** The notice a tenant shows: its own text, or the default with its name filled in. */
export const consentNoticeFor = (tenantName: string, custom?: string | null) =>
  (custom?.trim() ? custom : defaultConsentNotice).replaceAll("{name}", tenantName);
