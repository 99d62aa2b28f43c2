/**
 * The Worker's stand-in for zod's locale index (see scripts/worker-bundle.ts): the two languages the
 * product speaks. Node loads zod's own index; nothing calls other locales.
 */
export { default as en } from "zod/v4/locales/en.js";
export { default as zhCN } from "zod/v4/locales/zh-CN.js";
