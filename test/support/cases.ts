/** A complete walk-in complaint, as point staff would register it; override what a test needs. */
export function complaintBody(over: Record<string, unknown> = {}) {
  return {
    kind: "complaint",
    channel: "walk_in",
    consumer: {
      name: "张桂芳",
      phone: "13812348000",
      address: "宝坻区南关大街 5 号",
      idNumber: "11010519491231002X",
    },
    business: {
      name: "宝坻区惠民家电商店",
      address: "宝坻区南关大街 18 号",
      creditCode: "91110108551385082Q",
    },
    category: "goods.appliances",
    nature: "quality",
    subject: "新买的电冰箱不制冷",
    description: "2026 年 11 月 1 日在该店购买海尔冰箱一台，使用三天后不制冷，商家拒绝退换。",
    request: "退货并退还货款",
    requestTypes: ["return", "refund"],
    amountFen: 329900,
    ...over,
  };
}
