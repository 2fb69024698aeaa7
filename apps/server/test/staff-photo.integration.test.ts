import sharp from "sharp";
import { describe, expect, test } from "vitest";

import { useHallServer } from "./hall-server";

const platform = useHallServer();

/** A large camera picture: noise does not compress, so its base64 is far above the default 1 MB body. */
async function largePhoto(): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  const noise = Buffer.alloc(width * height * 3);
  for (let index = 0; index < noise.length; index += 1) noise[index] = (index * 2654435761) >>> 24;
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
}

describe("亮牌照片 over HTTP", () => {
  test("a photo of several MB goes up as JSON, is served re-encoded at its own address, and the avatar leads to it", async () => {
    const { staffIds } = platform.hall();
    const token = await platform.signIn("test_hall_manager");
    const upload = await largePhoto();
    expect(upload.length).toBeGreaterThan(1_000_000);
    const response = await fetch(`${platform.baseUrl()}/trpc/staff.uploadPhoto`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `hcp_session=${token}` },
      body: JSON.stringify({ staffId: staffIds[0], content: upload.toString("base64") }),
    });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { data: { photoUrl: string } } };
    const photoUrl = result.data.photoUrl;

    const served = await fetch(`${platform.baseUrl()}${photoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("cache-control")).toContain("immutable");
    const image = Buffer.from(await served.arrayBuffer());
    expect(await sharp(image).metadata()).toMatchObject({ format: "jpeg", width: 480, height: 600 });
    expect(image.length).toBeLessThan(upload.length);

    const avatar = await fetch(`${platform.baseUrl()}/avatars/T001.svg`, { redirect: "manual" });
    expect(avatar.status).toBe(302);
    expect(avatar.headers.get("location")).toBe(photoUrl);
    // The other staff member still has the generated portrait; an old or made-up address answers nothing.
    expect((await fetch(`${platform.baseUrl()}/avatars/T002.svg`)).headers.get("content-type")).toBe("image/svg+xml");
    const stale = photoUrl.replace(/-[0-9a-f]{16}\.jpg$/, "-0000000000000000.jpg");
    expect((await fetch(`${platform.baseUrl()}${stale}`)).status).toBe(404);
  });
});
