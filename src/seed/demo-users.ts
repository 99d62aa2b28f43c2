/**
 * Demonstration accounts, one per role, for development only: production refuses to start while
 * any of them exists (users.demo = true). They share one password, printed at start in development.
 */
import type { Role } from "../../db/platform/schema";

export const DEMO_PASSWORD = "duikou-demo-2026";

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unit: string | null;
  programs: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: "demo-admin", displayName: "平台管理员（演示）", role: "admin", unit: null, programs: [] },
  {
    username: "demo-coordinator",
    displayName: "省老区苏区办 / 莞韶指挥部协调员（演示）",
    role: "coordinator",
    unit: null,
    programs: ["gd-old-areas", "dongguan-shaoguan"],
  },
  { username: "demo-unit-admin", displayName: "东莞市单位管理员（演示）", role: "unit_admin", unit: "dongguan", programs: [] },
  { username: "demo-editor", displayName: "东莞市填报员（演示）", role: "unit_editor", unit: "dongguan", programs: [] },
  { username: "demo-viewer", displayName: "省委组织部查看员（演示）", role: "viewer", unit: "gd-org-dept", programs: [] },
];
