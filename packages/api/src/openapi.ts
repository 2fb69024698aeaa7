import { generateOpenApiDocument } from "trpc-to-openapi";

import { appRouter } from "./root";

/** The REST contract for business systems, generated from the same procedures the apps call. */
export function openApiDocument(baseUrl: string): ReturnType<typeof generateOpenApiDocument> {
  return generateOpenApiDocument(appRouter, {
    title: "好差评平台 REST API",
    description:
      "Business systems push cases and completion events and read figures. Authenticate with a console session cookie or `Authorization: Bearer <token>`; errors carry `code` and a Chinese `message`.",
    version: "1.0.0",
    baseUrl,
    tags: ["cases", "ratings", "catalog", "metrics"],
  });
}
