/** User-facing texts in Simplified Chinese — the default language. Keys are the English error codes and UI keys. */
export const zhCN = {
  "error.bad_request": "请求内容有误，请按提示修改后重试。",
  "error.validation": "提交的内容未通过校验，请按字段提示修改后重试。",
  "error.invalid_json": "请求正文不是有效的 JSON。",
  "error.unauthorized": "请先登录，或登录已过期，请重新登录。",
  "error.invalid_credentials": "用户名或密码不正确。",
  "error.too_many_attempts": "登录失败次数过多，请在 {seconds} 秒后再试。",
  "error.forbidden": "您的账号无权执行此操作。",
  "error.forbidden_unit": "您的账号无权访问该单位的数据。",
  "error.forbidden_program": "您的账号无权查看该项目（帮扶工作）的数据。",
  "error.not_found": "未找到所请求的内容。",
  "error.route_not_found": "接口不存在：{path}",
  "error.unit_not_found": "未找到该帮扶单位：{unit}",
  "error.program_not_found": "未找到该帮扶工作：{program}",
  "error.conflict": "该记录已存在或与现有数据冲突。",
  "error.unit_exists": "单位标识 {unit} 已被使用，请换一个。",
  "error.precondition_failed": "该记录已被他人修改，请刷新后再提交。",
  "error.precondition_required": "更新或作废记录时须提供 If-Match 版本号，请先读取记录。",
  "error.payload_too_large": "上传内容过大。",
  "error.tenant_unavailable": "该单位的数据库暂时无法访问，请稍后再试。",
  "error.internal": "服务器内部错误，请稍后再试；如仍出现，请将请求编号 {requestId} 告知管理员。",
  "error.unavailable": "服务暂不可用，请稍后再试。",
  "field.required": "此项为必填项",
} as const;

export type MessageKey = keyof typeof zhCN;
