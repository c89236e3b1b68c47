"""A client no one here wrote: Python's grpcio and grpcio-status call the gRPC demo and read
the catalog's code back from the rich error model (ErrorInfo, LocalizedMessage), without
the demo's .proto: the requests are encoded by hand, the details are Google's own types.

Usage: client.py HOST:PORT. Prints one line per call: gRPC code, ErrorInfo reason, domain,
metadata (sorted), LocalizedMessage locale and text.
"""

import sys

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status

TRACKER = "/hero.tracker.v1.Tracker/"


def call(channel: grpc.Channel, method: str, request: bytes, language: str | None) -> str:
    stub = channel.unary_unary(
        TRACKER + method,
        request_serializer=lambda body: body,
        response_deserializer=lambda body: body,
    )
    metadata = [("accept-language", language)] if language else None
    try:
        stub(request, metadata=metadata, timeout=10)
    except grpc.RpcError as error:
        return describe(error)
    return "OK"


def describe(error: grpc.RpcError) -> str:
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    if status is None:
        return f"{error.code().name} without details"  # type: ignore[attr-defined]
    words = [error.code().name]  # type: ignore[attr-defined]
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            metadata = ",".join(f"{key}={info.metadata[key]}" for key in sorted(info.metadata))
            words += [info.reason, info.domain, metadata]
        elif detail.Is(error_details_pb2.LocalizedMessage.DESCRIPTOR):
            localized = error_details_pb2.LocalizedMessage()
            detail.Unpack(localized)
            words += [localized.locale, localized.message]
    return " | ".join(words)


def main() -> None:
    with grpc.insecure_channel(sys.argv[1]) as channel:
        # GetAppRequest { id = 9 }: field 1, varint 9.
        print(call(channel, "GetApp", b"\x08\x09", None))
        print(call(channel, "GetApp", b"\x08\x09", "en"))
        # SearchAppsRequest without search_value.
        print(call(channel, "SearchApps", b"", "en"))
        print(call(channel, "Backup", b"", None))


if __name__ == "__main__":
    main()
