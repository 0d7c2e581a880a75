/**
 * Specs for the code-union type-check figure: one service whose single action can return `codes`
 * service codes (spread over twelve families) plus one common code. Written here, not by
 * bench/synthetic.ts, so the union size is exact.
 */
export const UNION_FAMILIES = [
  "FailedOperation", "InvalidParameter", "InvalidParameterValue", "LimitExceeded", "MissingParameter",
  "OperationDenied", "ResourceInUse", "ResourceInsufficient", "ResourceNotFound", "ResourceUnavailable",
  "UnauthorizedOperation", "UnsupportedOperation",
];

export function unionCodes(codes) {
  const out = [];
  for (let i = 0; i < codes; i++) {
    const fam = UNION_FAMILIES[i % UNION_FAMILIES.length];
    out.push(`${fam}.Case${String(i).padStart(5, "0")}`);
  }
  return out.sort();
}

export function unionSpecFiles(codes) {
  const pkg = `specVersion: 1
package:
  name: "@tcgen/bench-union"
  version: "0.0.0"
envelope:
  wrapper: Response
  requestId: RequestId
  error:
    key: Error
    code: Code
    message: Message
  hostSuffix: tencentcloudapi.com
commonErrors:
  InternalError:
    description: Internal error.
    retry: transient
`;
  const list = unionCodes(codes);
  const lines = ["specVersion: 1", "service:", "  name: union", '  version: "2020-01-01"', "errors:"];
  for (const c of list) lines.push(`  ${c}:`, `    description: Case ${c}.`);
  lines.push("actions:", "  Union:", "    description: Returns one of many codes.", "    request: {}", "    response:", "      Value: string", "    errors:");
  for (const c of list) lines.push(`      - ${c}`);
  return [
    { path: "package.yaml", content: pkg },
    { path: "union.yaml", content: `${lines.join("\n")}\n` },
  ];
}
