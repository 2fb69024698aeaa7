import { expect, test } from "vitest";

import { maskApplicantName, maskPhone } from "./privacy";

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
