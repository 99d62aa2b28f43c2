import type { MessageKey } from "./zh-CN";

/** User-facing texts in English, the alternative language. */
export const en: Record<MessageKey, string> = {
  "error.bad_request": "The request is not valid; correct it as indicated and try again.",
  "error.validation": "Some fields did not pass validation; correct them as indicated and try again.",
  "error.invalid_json": "The request body is not valid JSON.",
  "error.unauthorized": "Please sign in; your session may have expired.",
  "error.invalid_credentials": "Wrong username or password.",
  "error.too_many_attempts": "Too many failed sign-ins; try again in {seconds} seconds.",
  "error.forbidden": "Your account may not do this.",
  "error.forbidden_unit": "Your account may not access this unit's data.",
  "error.forbidden_program": "Your account may not view this program's data.",
  "error.not_found": "Not found.",
  "error.route_not_found": "No such endpoint: {path}",
  "error.unit_not_found": "No such unit: {unit}",
  "error.program_not_found": "No such program: {program}",
  "error.conflict": "The record already exists or conflicts with existing data.",
  "error.unit_exists": "The unit id {unit} is already taken; choose another.",
  "error.precondition_failed": "Someone else changed this record; reload it and submit again.",
  "error.precondition_required": "Updating or voiding a record needs an If-Match version; read the record first.",
  "error.payload_too_large": "The upload is too large.",
  "error.tenant_unavailable": "This unit's database cannot be reached right now; try again later.",
  "error.internal": "Internal server error; if it happens again, give the administrator request id {requestId}.",
  "error.unavailable": "The service is unavailable; try again later.",
  "field.required": "This field is required",
};
