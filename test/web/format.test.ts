/**
 * The web's pure helpers: yuan typed by a person to integer fen through strings (never a float
 * multiply), fen to 万元 for display, quarterly due dates, and form text to API values.
 */
import { describe, expect, it } from "vitest";
import { clauseLabel, sectionText } from "../../src/rules/clause-label";
import { fenToWan, fenToYuan, parseYuan } from "../../web/src/format/money";
import { mapDetails, toBody, toRaw } from "../../web/src/ledger/form-values";
import { FUNDS } from "../../web/src/ledger/resources";

describe("parseYuan", () => {
  it("turns yuan into integer fen exactly", () => {
    expect(parseYuan("12.34")).toEqual({ ok: true, fen: 1234 });
    expect(parseYuan("0.29")).toEqual({ ok: true, fen: 29 }); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(parseYuan("1,234,567.8")).toEqual({ ok: true, fen: 123_456_780 });
    expect(parseYuan("¥ 100元")).toEqual({ ok: true, fen: 10_000 });
    expect(parseYuan("007.50")).toEqual({ ok: true, fen: 750 });
    expect(parseYuan("12.340")).toEqual({ ok: true, fen: 1234 }); // trailing zeros are not a third decimal
    expect(parseYuan("100000000000")).toEqual({ ok: true, fen: 10_000_000_000_000 }); // the API's maximum
  });

  it("refuses what is not an amount in yuan with at most two decimals", () => {
    expect(parseYuan("12.345")).toEqual({ ok: false, reason: "decimals" });
    expect(parseYuan("-5")).toEqual({ ok: false, reason: "negative" });
    expect(parseYuan("1e3")).toEqual({ ok: false, reason: "format" });
    expect(parseYuan("")).toEqual({ ok: false, reason: "format" });
    expect(parseYuan("100000000000.01")).toEqual({ ok: false, reason: "too_large" });
  });
});

describe("fen for display", () => {
  it("shows 万元 with two decimals, rounded half up", () => {
    expect(fenToWan(123_456_789)).toBe("123.46"); // 1,234,567.89 元
    expect(fenToWan(154_500_000_000)).toBe("154,500.00");
    expect(fenToWan(4_999)).toBe("0.00"); // 49.99 元 < 50 元
    expect(fenToWan(5_000)).toBe("0.01"); // 50 元 rounds up to 0.01 万元
    expect(fenToYuan(45_678_912)).toBe("456789.12");
  });
});

describe("form values", () => {
  it("sends only filled fields on create, money in fen, required text even when empty", () => {
    const raw = { ...toRaw(FUNDS.fields, null), kind: "allocation", amountFen: "2,000,000.00", grassroots: true, note: "  " };
    expect(toBody(FUNDS.fields, raw, null)).toEqual({ body: { kind: "allocation", amountFen: 200_000_000, grassroots: true }, errors: {} });
  });

  it("sends only what changed on update, a cleared field as null", () => {
    const record = { kind: "allocation", amountFen: 1234, note: "旧备注", grassroots: false };
    const original = toRaw(FUNDS.fields, record);
    expect(original.amountFen).toBe("12.34");
    const { body } = toBody(FUNDS.fields, { ...original, amountFen: "12.35", note: "" }, original);
    expect(body).toEqual({ amountFen: 1235, note: null });
  });

  it("names a bad amount without sending it", () => {
    const { body, errors } = toBody(FUNDS.fields, { ...toRaw(FUNDS.fields, null), amountFen: "12.345" }, null);
    expect(body.amountFen).toBeUndefined();
    expect(errors.amountFen).toBe("金额最多两位小数（精确到分）");
  });

  it("maps the API's body.<field> paths to fields and keeps the rest general", () => {
    const details = [
      { path: "body.amountFen", message: "超过尚可拨付" },
      { path: "body.areaCode", message: "此项为必填项" },
      { path: "body", message: "至少修改一个字段" },
    ];
    expect(mapDetails(details, ["amountFen", "areaCode"])).toEqual({ byField: { amountFen: "超过尚可拨付", areaCode: "此项为必填项" }, general: ["至少修改一个字段"] });
  });
});

describe("clauseLabel", () => {
  const programs = [{ document: "2022-dongguan-shaoguan-three-year-action-plan.txt", name: "东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）", docNumber: "莞韶指〔2022〕1号" }];
  it("cites the document by title and number, then the section", () => {
    expect(clauseLabel("2022-dongguan-shaoguan-three-year-action-plan.txt §五(四)", programs)).toBe("《东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）》（莞韶指〔2022〕1号）第五部分第（四）项");
  });
  it("cites numbered articles and items as the documents number them", () => {
    const east = [{ document: "2016-guangdong-east-west-poverty-collaboration.txt", name: "东西部扶贫协作", docNumber: "粤办发〔2016〕32号" }];
    expect(clauseLabel("2016-guangdong-east-west-poverty-collaboration.txt §10", east)).toBe("《东西部扶贫协作》（粤办发〔2016〕32号）第10条");
    expect(sectionText("x.txt §(二十)")).toBe("第（二十）项");
  });
  it("leaves a clause of no known document as written", () => {
    expect(clauseLabel("矩阵测试", programs)).toBe("矩阵测试");
  });
  it("cites each of several clauses a rule rests on", () => {
    expect(clauseLabel("2022-guangdong-old-revolutionary-areas-pairing.txt §二(二); 2022-dongguan-shaoguan-three-year-action-plan.txt §二(三)", programs)).toBe(
      "2022-guangdong-old-revolutionary-areas-pairing.txt §二(二)；《东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）》（莞韶指〔2022〕1号）第二部分第（三）项",
    );
  });
});
