"""A client of the demo that uses only the exports and urllib: each answer read into a
success or a typed error, printed one line each."""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple, Union

import codes
import wechat

BASE = sys.argv[1]


@dataclass(frozen=True)
class App:
    name: str
    username: str


def apps(data: object) -> List[App]:
    assert isinstance(data, list)
    return [App(app["name"], app["user"]["username"]) for app in data]


def openid_of(data: object) -> str:
    assert isinstance(data, dict)
    return str(data["openid"])


def call(method: str, path: str, body: Optional[str] = None) -> Tuple[int, object]:
    request = urllib.request.Request(BASE + path, method=method)
    request.add_header("Authorization", "Bearer demo-token")
    if body is not None:
        request.data = body.encode()
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as response:
            status: int = response.status
            return status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


Failed = Union[codes.ResultCodeError, codes.HeroCodeError, wechat.WeChatCodeError]


def failed(label: str, typed: str, error: Failed) -> None:
    member = error.member
    entry = "" if member is None else f" | catalog {member.status} {member.desc_in('en') or '-'}"
    print(f"{label}: {typed} {error.status} {error.code} {error.desc}{entry}")


def not_an_envelope(label: str, read: Callable[[], object]) -> None:
    try:
        read()
    except (codes.EnvelopeShapeError, wechat.EnvelopeShapeError):
        print(f"{label}: EnvelopeShapeError")
        return
    raise AssertionError(f"{label}: read as an envelope")


def main() -> None:
    member = codes.ResultCode.from_code("10400")
    assert member is codes.ResultCode.NOT_FOUND, member
    assert codes.ResultCode.from_code("99999") is None
    assert codes.HeroCode.from_code("1006") is codes.HeroCode.MALFORMED_JSON
    print(f"lookup: {member.status} {member.desc} {member.desc_in('en')}")

    status, body = call("PUT", "/download+1", '{"oid":"3","channel":"online"}')
    download = codes.read_hero_code(status, body)
    print(f"download: success {status} {download.result_code} {download.result_desc}")

    status, body = call("POST", "/api/tracker/apps?search_value=Farm")
    search = codes.read_result_code(status, body, apps)
    found = ", ".join(f"{app.name} {app.username}" for app in search.data or [])
    print(f"search: success {status} {search.result_code} {search.result_desc} {found}")

    try:
        codes.read_result_code(*call("GET", "/api/tracker/apps/2"))
    except codes.ResultCodeNotFound as error:
        failed("business error", "ResultCode.NotFound", error)
    try:
        codes.read_result_code(*call("GET", "/no/such/route"))
    except codes.ResultCodeNotFound as error:
        failed("unknown route", "ResultCode.NotFound", error)
    try:
        codes.read_hero_code(*call("PUT", "/download+1", '{"oid":"3",'))
    except codes.HeroCodeMalformedJson as error:
        failed("malformed body", "HeroCode.MalformedJson", error)
    try:
        body = json.loads('{"result":false,"result_code":"10999","result_desc":"新错误"}')
        codes.read_result_code(400, body)
    except codes.ResultCodeError as error:
        assert type(error) is codes.ResultCodeError and error.member is None, error
        failed("unknown code", "unknown", error)
    not_an_envelope(
        "not an envelope",
        lambda: codes.read_result_code(200, {"result": "yes", "result_code": "0", "result_desc": "成功"}),
    )

    try:
        wechat.read_we_chat_code(200, json.loads('{"errcode":40013,"errmsg":"invalid appid"}'))
    except wechat.WeChatCodeInvalidAppId as error:
        failed("wechat error", "WeChatCode.InvalidAppId", error)
    text = '{"errcode":0,"errmsg":"ok","data":{"openid":"o6_bmjrPTlm6"}}'
    openid = wechat.read_we_chat_code(200, json.loads(text), openid_of)
    print(f"wechat success: success 200 {openid.errcode} {openid.errmsg} {openid.data}")
    try:
        wechat.read_we_chat_code(200, json.loads('{"errcode":99999,"errmsg":"new error"}'))
    except wechat.WeChatCodeError as error:
        assert error.member is None, error
        failed("wechat unknown", "unknown", error)
    not_an_envelope(
        "wechat not an envelope",
        lambda: wechat.read_we_chat_code(200, {"errcode": "40013", "errmsg": "invalid appid"}),
    )

    # Whether to send the request again, by the catalog's `retryable`.
    def retryable(text: str) -> str:
        try:
            wechat.read_we_chat_code(200, json.loads(text))
        except wechat.WeChatCodeError as error:
            return str(error.is_retryable()).lower()
        raise AssertionError(text)

    busy = retryable('{"errcode":-1,"errmsg":"system busy"}')
    appid = retryable('{"errcode":40013,"errmsg":"invalid appid"}')
    unknown = retryable('{"errcode":99999,"errmsg":"new error"}')
    print(f"retryable: -1 {busy} 40013 {appid} 99999 {unknown}")


main()
