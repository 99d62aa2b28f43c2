/**
 * What a new password must be (OWASP ASVS 2.1): at least 12 characters, at most 128, any characters,
 * no composition rules — and not guessable: zxcvbn-ts estimates how many guesses it takes against
 * its dictionaries of common and breached passwords, keyboard patterns, repeats, sequences and dates,
 * (the 10,000 most common, seeded into the platform's `common_passwords`), and against what an attacker knows of
 * this user (username, name, unit). Score 3 ("safely
 * unguessable: moderate protection from offline slow-hash scenario") is the floor.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { asc } from "drizzle-orm";
// The keyboard layouts only (the package is side-effect free, so its 49,000-word list is not
// bundled): the words come from the platform database, seeded from the same package (src/seed).
import { adjacencyGraphs } from "@zxcvbn-ts/language-common";
import { commonPasswords } from "../../db/platform/schema";
import { ApiError, type ErrorDetail } from "../errors";
import type { PlatformDb } from "../services";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
const MIN_SCORE = 3;

/** One estimator per platform database (a process has one; tests have many), built on first use. */
const estimators = new WeakMap<PlatformDb, Promise<ZxcvbnFactory>>();

/**
 * The estimator with the platform's dictionary: read once (10,000 words, ~100 KB) and indexed (a few
 * milliseconds) when a password is first set — most requests never need it. Without the dictionary
 * (the reference data not seeded) no password is accepted: a check without it would pass common ones.
 */
function zxcvbn(platform: PlatformDb): Promise<ZxcvbnFactory> {
  let estimator = estimators.get(platform);
  if (!estimator) {
    estimator = platform
      .select({ word: commonPasswords.word })
      .from(commonPasswords)
      .orderBy(asc(commonPasswords.rank))
      .then((rows) => {
        if (rows.length === 0) throw new ApiError("UNAVAILABLE", "error.password_dictionary_missing");
        return new ZxcvbnFactory({ dictionary: { "passwords-common": rows.map((r) => r.word) }, graphs: adjacencyGraphs });
      });
    // A failed read is not kept: the next password tries again.
    estimator.catch(() => estimators.delete(platform));
    estimators.set(platform, estimator);
  }
  return estimator;
}

/** Why zxcvbn found it guessable, in the clerk's words (its own feedback is English only). */
const REASONS: Record<string, string> = {
  simpleRepeat: "重复的字符 | repeated characters",
  extendedRepeat: "重复的片段 | repeated patterns",
  sequences: "连续的字母或数字 | a sequence such as abc or 1234",
  straightRow: "键盘上连续的一行 | a row of keys",
  keyPattern: "键盘图案 | a keyboard pattern",
  topTen: "最常用的密码之一 | one of the most used passwords",
  topHundred: "常用密码 | a very common password",
  common: "常用密码 | a common password",
  similarToCommon: "与常用密码相似 | close to a common password",
  recentYears: "近年年份 | a recent year",
  dates: "日期 | a date",
  wordByItself: "单个常见词 | a single common word",
  namesByThemselves: "单个姓名 | a single name",
  commonNames: "常见姓名 | a common name",
  userInputs: "包含用户名、姓名或单位 | your username, name or unit",
  pwned: "已泄露的密码 | a breached password",
};

/**
 * The problems with a new password, as error details (empty when it may be used).
 * @example await passwordProblems(services.platform, "aaaaaaaaaaaa", ["zhang.san"]) // one detail: repeated characters
 */
export async function passwordProblems(platform: PlatformDb, password: string, personal: readonly string[], path = "body.password"): Promise<ErrorDetail[]> {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return [{ path, code: "password_too_short", message: `密码至少 ${PASSWORD_MIN} 个字符 | At least ${PASSWORD_MIN} characters` }];
  if (length > PASSWORD_MAX) return [{ path, code: "password_too_long", message: `密码最多 ${PASSWORD_MAX} 个字符 | At most ${PASSWORD_MAX} characters` }];
  const inputs = personal.flatMap((p) => [p, ...p.split(/[^\p{L}\p{N}]+/u)]).filter((p) => p.length >= 3);
  const result = (await zxcvbn(platform)).check(password, inputs);
  if (result.score >= MIN_SCORE) return [];
  const reason = REASONS[result.feedback.warning ?? ""] ?? "容易被猜到 | easy to guess";
  return [
    {
      path,
      code: "password_guessable",
      message: `密码太容易被猜到（${reason.split(" | ")[0]}），请换用更长、不常见的词组，例如几个不相关的词 | This password is too easy to guess (${reason.split(" | ")[1]}); use a longer, unusual phrase, such as several unrelated words`,
    },
  ];
}
