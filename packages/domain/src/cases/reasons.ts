/**
 * The enumerated legal grounds a case may be rejected or mediation ended on. The codes are the API's
 * (api.md § Cases); the Chinese wording paraphrases the regulation.
 *
 * Sources: 《市场监督管理投诉举报处理暂行办法》 (Order 20 as amended 2022) Art. 15 lists the grounds
 * for not accepting a complaint and Art. 24 the grounds for ending mediation — checked against the
 * published text. Order 121 (in force 2026-04-15) carries the same grounds, extended (false materials,
 * unverifiable identity, a party that ceased to exist), in Art. 16 and Art. 23 per the product
 * specification; we could not read the official Order 121 text offline, so its article numbers are
 * cited from the specification, not verified.
 */
export const rejectReasonLabels = {
  outside_jurisdiction: "投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限",
  already_handled: "法院、仲裁机构、行政机关、消费者协会或者其他调解组织已经受理或者处理过同一争议",
  not_consumer_dispute: "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明存在消费者权益争议",
  time_barred: "投诉人知道或者应当知道权益受到侵害之日起超过三年",
  materials_missing: "未提供规定的投诉材料",
  false_materials: "提供的投诉材料虚假",
  identity_unverified: "投诉人身份信息无法核实",
  other_legal_ground: "法律、法规、规章规定不予受理的其他情形",
} as const;

export const terminateReasonLabels = {
  withdrawn_or_settled: "投诉人撤回投诉或者双方自行和解",
  party_absent_or_refused: "一方无正当理由不参加调解，或者被投诉人明确拒绝调解",
  no_agreement_possible: "经组织调解，一方明确表示无法达成调解协议",
  appraisal_cost_disputed: "双方对检定、检验、检测、鉴定的机构或者费用承担无法协商一致",
  mediation_time_expired: "调解期限届满仍未达成调解协议",
  inadmissible_found_later: "受理后发现存在不予受理情形",
  party_ceased_to_exist: "被投诉人主体资格终止或者无法联系",
  other_legal_ground: "法律、法规、规章规定应当终止调解的其他情形",
} as const;

export const legalBasis = {
  "samr-121": {
    reject: "《市场监督管理投诉举报处理办法》第十六条",
    terminate: "《市场监督管理投诉举报处理办法》第二十三条",
  },
  "samr-20-2022": {
    reject: "《市场监督管理投诉举报处理暂行办法》第十五条",
    terminate: "《市场监督管理投诉举报处理暂行办法》第二十四条",
  },
} as const;

export const callbackResultLabels = {
  satisfied: "满意",
  basically_satisfied: "基本满意",
  unsatisfied: "不满意",
} as const;

export const pauseReasonLabels = {
  testing: "检验检测",
  appraisal: "鉴定",
  other: "其他依法不计入的时间",
} as const;
