/**
 * What a new password must be (OWASP ASVS 2.1): at least 12 characters, at most 128, any characters,
 * no composition rules — and not guessable: zxcvbn-ts estimates how many guesses it takes against
 * its dictionaries of common and breached passwords, keyboard patterns, repeats, sequences and dates,
 * (the 10,000 most common, src/auth/common-passwords.ts), and against what an attacker knows of
 * this user (username, name, unit). Score 3 ("safely
 * unguessable: moderate protection from offline slow-hash scenario") is the floor.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
// The keyboard layouts only (the package is side-effect free, so its unused 49,000-word list is not
// bundled): the whole list would add 237 KiB gzip to the Worker (see common-passwords.ts).
import { adjacencyGraphs } from "@zxcvbn-ts/language-common";
import type { ErrorDetail } from "../errors";
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: the dictionaries take a few milliseconds to index, and most requests never need them. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { "passwords-common": [...COMMON_PASSWORDS] }, graphs: adjacencyGraphs });
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
 * @example passwordProblems("aaaaaaaaaaaa", ["zhang.san"]) // one detail: repeated characters
 */
export function passwordProblems(password: string, personal: readonly string[], path = "body.password"): ErrorDetail[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return [{ path, code: "password_too_short", message: `密码至少 ${PASSWORD_MIN} 个字符 | At least ${PASSWORD_MIN} characters` }];
  if (length > PASSWORD_MAX) return [{ path, code: "password_too_long", message: `密码最多 ${PASSWORD_MAX} 个字符 | At most ${PASSWORD_MAX} characters` }];
  const inputs = personal.flatMap((p) => [p, ...p.split(/[^\p{L}\p{N}]+/u)]).filter((p) => p.length >= 3);
  const result = zxcvbn().check(password, inputs);
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
