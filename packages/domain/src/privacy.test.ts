import { expect, test } from "vitest";

import {
  isCreditCode,
  isIdCardNumber,
  maskApplicantName,
  maskIdNumber,
  maskPhone,
  ZApplicantIdNo,
  ZContactReveal,
} from "./privacy";

test("a person's name keeps only its first character", () => {
  expect(maskApplicantName("person", "张三")).toBe("张*");
  expect(maskApplicantName("person", "欧阳娜娜")).toBe("欧***");
});

test("an organisation keeps its first two and last four characters", () => {
  expect(maskApplicantName("legal", "示范县青山农业发展有限公司")).toBe("示范*******有限公司");
});

test("a phone number shows its first three and last four digits", () => {
  expect(maskPhone("13812345678")).toBe("138****5678");
});

test("an ID number keeps its first and last four characters", () => {
  expect(maskIdNumber("33010219900101123X")).toBe("3301**********123X");
  expect(maskIdNumber("91330100MA2B3C4D5E")).toBe("9133**********4D5E");
  expect(maskIdNumber("1234")).toBe("***");
  expect(maskPhone("1381234")).toBe("***");
});

test("ID numbers are checked by their check character", () => {
  expect(isIdCardNumber("11010519491231002X")).toBe(true);
  expect(isIdCardNumber("110105194912310021")).toBe(false);
  expect(isCreditCode("91350100M000100Y43")).toBe(true);
  expect(isCreditCode("91350100M000100Y44")).toBe(false);
  expect(ZApplicantIdNo.parse(" 11010519491231002x ")).toBe("11010519491231002X");
  expect(ZApplicantIdNo.safeParse("12345").error?.issues[0]?.message).toBe("请输入有效的身份证号或统一社会信用代码");
});

test("revealing a datum needs a stated reason", () => {
  expect(ZContactReveal.safeParse({ caseId: 1, field: "phone", reason: "回访" }).error?.issues[0]?.message).toBe(
    "请填写查看原因（至少 4 个字）",
  );
  expect(ZContactReveal.parse({ caseId: 1, field: "idNo", reason: " 差评回访核实身份 " }).reason).toBe(
    "差评回访核实身份",
  );
});
