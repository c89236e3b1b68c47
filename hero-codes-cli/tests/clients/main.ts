// A client of the demo that uses only the exports and fetch: each answer read into a success
// or a typed error, printed one line each.
import {
  Answer,
  EnvelopeShapeError,
  HeroCodeError,
  HeroCodeName,
  ResultCode,
  ResultCodeError,
  ResultCodeName,
  ResultCodeValue,
  readHeroCode,
  readResultCode,
  resultCodeFromCode,
} from "./codes";
import * as wechat from "./wechat";

interface App {
  readonly name: string;
  readonly user: { readonly username: string };
}

// Node's own `process`, declared here: the client needs no @types package.
declare const process: { readonly argv: readonly string[]; exit(code: number): never };

const base = process.argv[2];

async function call(method: string, path: string, body?: string): Promise<[number, unknown]> {
  const headers: Record<string, string> = { authorization: "Bearer demo-token" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(base + path, { method, headers, body });
  return [response.status, await response.json()];
}

interface Failed {
  readonly code: string | number;
  readonly desc: string;
  readonly status: number;
  readonly entry?: { readonly status: number; readonly descs: Readonly<Record<string, string>> };
}

function failed(label: string, typed: string, error: Failed): void {
  const entry = error.entry === undefined ? "" : ` | catalog ${error.entry.status} ${error.entry.descs["en"] ?? "-"}`;
  console.log(`${label}: ${typed} ${error.status} ${error.code} ${error.desc}${entry}`);
}

function expectResultCode<T>(label: string, answer: Answer<T, ResultCodeError>, expected: ResultCodeName | undefined): void {
  if (answer.ok) throw new Error(`${label}: a success`);
  const known = answer.error.known;
  if (known !== expected) throw answer.error;
  failed(label, known === undefined ? "unknown" : `ResultCode.${known}`, answer.error);
}

function expectHeroCode<T>(label: string, answer: Answer<T, HeroCodeError>, expected: HeroCodeName): void {
  if (answer.ok) throw new Error(`${label}: a success`);
  // The discriminant: a switch on `known` names every code of the catalog.
  switch (answer.error.known) {
    case expected:
      failed(label, `HeroCode.${expected}`, answer.error);
      return;
    default:
      throw answer.error;
  }
}

function notAnEnvelope(label: string, read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (error instanceof EnvelopeShapeError || error instanceof wechat.EnvelopeShapeError) {
      console.log(`${label}: EnvelopeShapeError`);
      return;
    }
    throw error;
  }
  throw new Error(`${label}: read as an envelope`);
}

async function main(): Promise<void> {
  const entry = resultCodeFromCode("10400");
  if (entry === undefined) throw new Error("10400 not found");
  // The union type admits the catalog's codes and nothing else.
  const known: ResultCodeValue = ResultCode.NotFound.code;
  // @ts-expect-error: 99999 is no code of ResultCode
  const unknown: ResultCodeValue = "99999";
  if (resultCodeFromCode("99999") !== undefined || known !== "10400" || !unknown) throw new Error("lookup");
  console.log(`lookup: ${entry.status} ${entry.desc} ${entry.descs["en"]}`);

  const download = readHeroCode(...(await call("PUT", "/download+1", '{"oid":"3","channel":"online"}')));
  if (!download.ok) throw download.error;
  console.log(`download: success ${download.status} ${download.envelope.result_code} ${download.envelope.result_desc}`);

  const search = readResultCode<App[]>(...(await call("POST", "/api/tracker/apps?search_value=Farm")));
  if (!search.ok) throw search.error;
  const apps = (search.data ?? []).map((app) => `${app.name} ${app.user.username}`).join(", ");
  console.log(`search: success ${search.status} ${search.envelope.result_code} ${search.envelope.result_desc} ${apps}`);

  expectResultCode("business error", readResultCode<App>(...(await call("GET", "/api/tracker/apps/2"))), "NotFound");
  expectResultCode("unknown route", readResultCode(...(await call("GET", "/no/such/route"))), "NotFound");
  expectHeroCode("malformed body", readHeroCode(...(await call("PUT", "/download+1", '{"oid":"3",'))), "MalformedJson");
  expectResultCode("unknown code", readResultCode(400, JSON.parse('{"result":false,"result_code":"10999","result_desc":"新错误"}')), undefined);
  notAnEnvelope("not an envelope", () => readResultCode(200, JSON.parse('{"result":"yes","result_code":"0","result_desc":"成功"}')));

  const wechatError = wechat.readWeChatCode(200, JSON.parse('{"errcode":40013,"errmsg":"invalid appid"}'));
  if (wechatError.ok || wechatError.error.known !== "InvalidAppId") throw new Error("40013");
  failed("wechat error", "WeChatCode.InvalidAppId", wechatError.error);
  const openid = wechat.readWeChatCode<{ openid: string }>(200, JSON.parse('{"errcode":0,"errmsg":"ok","data":{"openid":"o6_bmjrPTlm6"}}'));
  if (!openid.ok) throw openid.error;
  console.log(`wechat success: success ${openid.status} ${openid.envelope.errcode} ${openid.envelope.errmsg} ${openid.data?.openid}`);
  const wechatUnknown = wechat.readWeChatCode(200, JSON.parse('{"errcode":99999,"errmsg":"new error"}'));
  if (wechatUnknown.ok || wechatUnknown.error.known !== undefined) throw new Error("99999");
  failed("wechat unknown", "unknown", wechatUnknown.error);
  notAnEnvelope("wechat not an envelope", () => wechat.readWeChatCode(200, JSON.parse('{"errcode":"40013","errmsg":"invalid appid"}')));

  // Whether to send the request again, by the catalog's `retryable`.
  const retryable = (text: string): boolean => {
    const answer = wechat.readWeChatCode(200, JSON.parse(text));
    if (answer.ok) throw new Error(text);
    return answer.error.isRetryable();
  };
  const busy = retryable('{"errcode":-1,"errmsg":"system busy"}');
  const appid = retryable('{"errcode":40013,"errmsg":"invalid appid"}');
  const unknownCode = retryable('{"errcode":99999,"errmsg":"new error"}');
  console.log(`retryable: -1 ${busy} 40013 ${appid} 99999 ${unknownCode}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
