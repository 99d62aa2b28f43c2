/** Words reports use for rule statuses. */
export const STATUS_LABELS = { pass: "达标", warn: "进度滞后", fail: "未达标", not_applicable: "不适用" } as const;
