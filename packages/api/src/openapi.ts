import { generateOpenApiDocument } from "trpc-to-openapi";

import { appRouter } from "./root";

type TOpenApiDocument = ReturnType<typeof generateOpenApiDocument>;
type TOperation = NonNullable<NonNullable<TOpenApiDocument["paths"]>[string]["get"]>;

const ERROR_REF = { $ref: "#/components/schemas/Error" };

/** The one error shape every /api/v1 refusal has (apps/server/src/rest.ts writes it). */
const ERROR_SCHEMA = {
  type: "object",
  required: ["code", "message", "details"],
  properties: {
    code: {
      type: "string",
      description: "错误代码，如 INVALID_INPUT、CASE_NOT_FOUND、API_SCOPE_MISSING、API_RATE_LIMITED",
      example: "CASE_NOT_FOUND",
    },
    message: { type: "string", description: "给人看的中文说明", example: "办件不存在，请核对办件编号" },
    details: {
      type: "array",
      description: "按字段列出的问题（输入校验失败时）；其他错误为空数组",
      items: {
        type: "object",
        required: ["field", "message"],
        properties: {
          field: {
            type: "string",
            description: "字段路径，如 reasonCodes、staffBadgeNos.1；空字符串指整个请求",
            example: "reasonCodes",
          },
          message: { type: "string", example: "差评请至少选择一项原因或填写意见" },
        },
      },
    },
  },
} as const;

const DEFAULT_ERRORS: Record<string, string> = {
  "400": "请求内容不符合格式（INVALID_INPUT，details 按字段列出问题）",
  "401": "未登录或凭证无效（UNAUTHENTICATED、API_KEY_INVALID）",
  "403": "无权调用（FORBIDDEN、API_SCOPE_MISSING、API_HALL_FORBIDDEN）",
  "404": "请求的内容不存在（NOT_FOUND 或更具体的代码）",
  "413": "请求体超过 1 MB（PAYLOAD_TOO_LARGE）",
  "415": "请求体须为 JSON（UNSUPPORTED_MEDIA_TYPE）",
  "429": "超过调用上限（API_RATE_LIMITED、TOO_MANY_ATTEMPTS）；Retry-After 给出需等待的秒数",
  "500": "服务器暂时无法处理（INTERNAL），不含内部细节",
};

const RETRY_AFTER = { description: "再次调用前需等待的秒数", schema: { type: "integer", minimum: 1 } };

function errorResponse(description: string, status: string) {
  return {
    description,
    content: { "application/json": { schema: ERROR_REF } },
    ...(status === "429" ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
  };
}

/**
 * Every operation's refusals in the shared shape: the descriptions a procedure gave (its codes)
 * are kept, the adapter's own error schemas replaced, and the statuses every route can answer
 * added — with 429 and Retry-After where an API client's rate limit applies.
 */
function describeErrors(path: string, operation: TOperation, hasBody: boolean): void {
  const responses = (operation.responses ?? {}) as Record<string, { description?: string }>;
  const statuses = new Set(Object.keys(responses).filter((status) => !status.startsWith("2")));
  const hasInput = hasBody || (operation.parameters?.length ?? 0) > 0;
  const isProtected = (operation.security?.length ?? 0) > 0;
  if (hasInput) statuses.add("400");
  if (isProtected) ["401", "403"].forEach((status) => statuses.add(status));
  if (path.includes("{")) statuses.add("404");
  if (hasBody) ["413", "415"].forEach((status) => statuses.add(status));
  if (path.startsWith("/integration/")) statuses.add("429");
  statuses.add("500");
  const next: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(responses)) if (status.startsWith("2")) next[status] = response;
  for (const status of [...statuses].sort()) {
    next[status] = errorResponse(responses[status]?.description ?? DEFAULT_ERRORS[status] ?? "错误", status);
  }
  operation.responses = next;
  // Business-system routes take an API key as a bearer token or in X-Api-Key; the rest a session.
  if (isProtected)
    operation.security = path.startsWith("/integration/")
      ? [{ Authorization: [] }, { ApiKey: [] }]
      : [{ Authorization: [] }];
}

/** The REST contract for business systems, generated from the same procedures the apps call. */
export function openApiDocument(baseUrl: string): TOpenApiDocument {
  const document = generateOpenApiDocument(appRouter, {
    title: "好差评平台 REST API",
    description:
      "Business systems push cases and completion events, submit ratings taken on other channels and read figures. Authenticate with an API key (`Authorization: Bearer hcpk_…` or `X-Api-Key: hcpk_…`, created by an administrator in the console) or a console session. Every refusal has the shape `Error`: `code`, a Chinese `message` and `details` per field, with the matching HTTP status; 429 carries `Retry-After`.",
    version: "1.0.0",
    baseUrl,
    tags: ["integration", "cases", "ratings", "catalog", "metrics", "reports"],
    securitySchemes: {
      Authorization: { type: "http", scheme: "bearer", description: "API 密钥 hcpk_<编号>_<密钥>，或会话令牌" },
      ApiKey: { type: "apiKey", in: "header", name: "X-Api-Key", description: "API 密钥 hcpk_<编号>_<密钥>" },
    },
  });
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of ["get", "put", "post", "patch", "delete"] as const) {
      const operation = item[method];
      if (operation) describeErrors(path, operation, operation.requestBody !== undefined);
    }
  }
  const schemas = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {}).filter(([name]) => !name.startsWith("error.")),
  );
  document.components = { ...document.components, schemas: { ...schemas, Error: ERROR_SCHEMA as never } };
  return document;
}
