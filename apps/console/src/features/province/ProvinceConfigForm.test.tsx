import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { ProvinceConfigForm } from "./ProvinceConfigForm";

const config = {
  enabled: false,
  endpoint: "",
  channelMap: {},
  levelCoding: "national" as const,
  dataSource: "",
  timeoutMs: 10_000,
};

function renderForm(editable = true, error: string | null = null) {
  const onSubmit = vi.fn();
  render(
    <ProvinceConfigForm
      value={config}
      editable={editable}
      pending={false}
      error={error}
      saved={false}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

function setField(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

test("an endpoint that is not http(s), a channel code out of range and a short timeout are refused in Chinese", async () => {
  const onSubmit = renderForm();
  setField("对接地址", "ftp://province.example");
  setField("本平台“电话”（6）对应的省级渠道代码", "100");
  setField("等待省级平台应答（毫秒）", "10");
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));

  expect(await screen.findByText("对接地址须以 http:// 或 https:// 开头")).toBeTruthy();
  expect(screen.getByText("请填写 1 到 99 的整数，或留空")).toBeTruthy();
  expect(screen.getByText("请填写 1000 到 60000 的整数")).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test("a valid form sends the domain's configuration, with empty channel codes left out of the map", async () => {
  const onSubmit = renderForm();
  fireEvent.click(screen.getByLabelText("启用报送"));
  setField("对接地址", "https://hcp.province.example/report");
  setField("本平台“短信”（7）对应的省级渠道代码", "6");
  fireEvent.change(screen.getByLabelText("满意度编码"), { target: { value: "gbt39046" } });
  setField("数据来源代码", "133");
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));

  await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
  expect(onSubmit).toHaveBeenCalledWith({
    enabled: true,
    endpoint: "https://hcp.province.example/report",
    channelMap: { "7": 6 },
    levelCoding: "gbt39046",
    dataSource: "133",
    timeoutMs: 10_000,
  });
});

test("readers see the settings but cannot change them; the server's refusal is shown", () => {
  renderForm(false, "启用省级对接前请填写对接地址");
  expect(screen.queryByRole("button", { name: "保存设置" })).toBeNull();
  expect(screen.getByText("只有系统管理员可以修改对接设置。")).toBeTruthy();
  expect(screen.getByLabelText("对接地址").closest("fieldset")?.disabled).toBe(true);
  expect(screen.getByRole("alert").textContent).toBe("启用省级对接前请填写对接地址");
});
