"""grpcio client running the interop cases against a server; prints one JSON line per case.

usage: interop_client.py HOST:PORT [case ...]
"""
import json
import queue
import sys
import time
import traceback

import grpc

import stubs

m = stubs.load()
pb = m["test_pb2"]
health_pb = m["health_pb2"]
SPECIAL_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"
MIB = 1024 * 1024


class CaseFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CaseFailed(message)


def expect_code(call, code):
    try:
        call()
    except grpc.RpcError as e:
        check(e.code() == code, "expected %s, got %s: %s" % (code, e.code(), e.details()))
        return e
    raise CaseFailed("expected %s, the call succeeded" % code)


def payload(size):
    return pb.Payload(body=b"\0" * size)


def empty_unary(ch):
    check(isinstance(pb_stub(ch).EmptyCall(pb.Empty()), pb.Empty), "not an Empty")


def large_unary(ch):
    r = pb_stub(ch).UnaryCall(pb.SimpleRequest(response_size=314159, payload=payload(271828)))
    check(len(r.payload.body) == 314159, "response size %d" % len(r.payload.body))


def client_streaming(ch):
    r = pb_stub(ch).StreamingInputCall(iter([pb.StreamingInputCallRequest(payload=payload(s)) for s in (27182, 8, 1828, 45904)]))
    check(r.aggregated_payload_size == 74922, "aggregated %d" % r.aggregated_payload_size)


def server_streaming(ch):
    sizes = [31415, 9, 2653, 58979]
    request = pb.StreamingOutputCallRequest(response_parameters=[pb.ResponseParameters(size=s) for s in sizes])
    got = [len(r.payload.body) for r in pb_stub(ch).StreamingOutputCall(request)]
    check(got == sizes, "sizes %s" % got)


def ping_pong(ch):
    requests = queue.Queue()

    def iterate():
        while True:
            item = requests.get()
            if item is None:
                return
            yield item

    responses = pb_stub(ch).FullDuplexCall(iterate())
    for request_size, response_size in zip((27182, 8, 1828, 45904), (31415, 9, 2653, 58979)):
        requests.put(pb.StreamingOutputCallRequest(response_parameters=[pb.ResponseParameters(size=response_size)], payload=payload(request_size)))
        response = next(responses)
        check(len(response.payload.body) == response_size, "response size %d" % len(response.payload.body))
    requests.put(None)
    check(next(responses, None) is None, "extra response")


def empty_stream(ch):
    check(list(pb_stub(ch).FullDuplexCall(iter([]))) == [], "responses to no requests")


def status_code_and_message(ch):
    status = pb.EchoStatus(code=2, message="test status message")
    e = expect_code(lambda: pb_stub(ch).UnaryCall(pb.SimpleRequest(response_status=status)), grpc.StatusCode.UNKNOWN)
    check(e.details() == "test status message", "unary details %r" % e.details())
    e = expect_code(lambda: list(pb_stub(ch).FullDuplexCall(iter([pb.StreamingOutputCallRequest(response_status=status)]))), grpc.StatusCode.UNKNOWN)
    check(e.details() == "test status message", "duplex details %r" % e.details())


def special_status_message(ch):
    status = pb.EchoStatus(code=2, message=SPECIAL_MESSAGE)
    e = expect_code(lambda: pb_stub(ch).UnaryCall(pb.SimpleRequest(response_status=status)), grpc.StatusCode.UNKNOWN)
    check(e.details() == SPECIAL_MESSAGE, "details %r" % e.details())


def unimplemented_method(ch):
    expect_code(lambda: pb_stub(ch).UnimplementedCall(pb.Empty()), grpc.StatusCode.UNIMPLEMENTED)


def unimplemented_service(ch):
    stub = m["test_pb2_grpc"].UnimplementedServiceStub(ch)
    expect_code(lambda: stub.UnimplementedCall(pb.Empty()), grpc.StatusCode.UNIMPLEMENTED)


def timeout_on_sleeping_server(ch):
    def call():
        request = pb.StreamingOutputCallRequest(payload=payload(27182), response_parameters=[pb.ResponseParameters(size=1, interval_us=2000000)])
        list(pb_stub(ch).FullDuplexCall(iter([request]), timeout=0.001))
    expect_code(call, grpc.StatusCode.DEADLINE_EXCEEDED)


def server_deadline_exceeded(ch):
    """A deadline the server must enforce itself: the handler sleeps 2 s, the deadline is 300 ms."""
    started = time.monotonic()
    request = pb.StreamingOutputCallRequest(response_parameters=[pb.ResponseParameters(size=1, interval_us=2000000)])
    expect_code(lambda: list(pb_stub(ch).StreamingOutputCall(request, timeout=0.3)), grpc.StatusCode.DEADLINE_EXCEEDED)
    check(time.monotonic() - started < 1.5, "took %.2f s" % (time.monotonic() - started))


def cancel_after_begin(ch):
    future = pb_stub(ch).StreamingInputCall.future(iter_forever())
    time.sleep(0.05)
    future.cancel()
    check(future.cancelled(), "not cancelled")
    check(future.code() == grpc.StatusCode.CANCELLED, "code %s" % future.code())


def iter_forever():
    while True:
        time.sleep(0.01)
        yield pb.StreamingInputCallRequest(payload=payload(1))


def cancel_after_first_response(ch):
    requests = queue.Queue()

    def iterate():
        while True:
            item = requests.get()
            if item is None:
                return
            yield item

    call = pb_stub(ch).FullDuplexCall(iterate())
    requests.put(pb.StreamingOutputCallRequest(response_parameters=[pb.ResponseParameters(size=31415)], payload=payload(27182)))
    response = next(call)
    check(len(response.payload.body) == 31415, "first response size")
    call.cancel()
    requests.put(None)
    check(call.code() == grpc.StatusCode.CANCELLED, "code %s" % call.code())


def custom_metadata(ch):
    metadata = (("x-grpc-test-echo-initial", "test_initial_metadata_value"), ("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab"))
    response, call = pb_stub(ch).UnaryCall.with_call(pb.SimpleRequest(response_size=314159, payload=payload(271828)), metadata=metadata)
    check(len(response.payload.body) == 314159, "response size")
    initial = dict(call.initial_metadata())
    trailing = dict(call.trailing_metadata())
    check(initial.get("x-grpc-test-echo-initial") == "test_initial_metadata_value", "initial %r" % initial)
    check(trailing.get("x-grpc-test-echo-trailing-bin") == b"\xab\xab\xab", "trailing %r" % trailing)
    duplex = pb_stub(ch).FullDuplexCall(iter([pb.StreamingOutputCallRequest(response_parameters=[pb.ResponseParameters(size=314159)], payload=payload(271828))]), metadata=metadata)
    check(len(next(duplex).payload.body) == 314159, "duplex response size")
    check(next(duplex, None) is None, "extra duplex response")
    check(dict(duplex.initial_metadata()).get("x-grpc-test-echo-initial") == "test_initial_metadata_value", "duplex initial")
    check(dict(duplex.trailing_metadata()).get("x-grpc-test-echo-trailing-bin") == b"\xab\xab\xab", "duplex trailing")


def client_compressed_unary(ch):
    r = pb_stub(ch).UnaryCall(pb.SimpleRequest(response_size=314159, payload=payload(271828)), compression=grpc.Compression.Gzip)
    check(len(r.payload.body) == 314159, "response size")


def server_compressed_unary(ch):
    r = pb_stub(ch).UnaryCall(pb.SimpleRequest(response_size=314159, payload=payload(271828), response_compressed=pb.BoolValue(value=True)))
    check(len(r.payload.body) == 314159, "response size")


def client_compressed_streaming(ch):
    r = pb_stub(ch).StreamingInputCall(iter([pb.StreamingInputCallRequest(payload=payload(s)) for s in (27182, 45904)]), compression=grpc.Compression.Gzip)
    check(r.aggregated_payload_size == 73086, "aggregated %d" % r.aggregated_payload_size)


def max_size_accepted(ch):
    size = int(3.9 * MIB)
    r = pb_stub(ch).UnaryCall(pb.SimpleRequest(response_size=10, payload=payload(size)))
    check(len(r.payload.body) == 10, "response size")


def max_size_refused(ch):
    expect_code(lambda: pb_stub(ch).UnaryCall(pb.SimpleRequest(response_size=10, payload=payload(5 * MIB))), grpc.StatusCode.RESOURCE_EXHAUSTED)


def concurrent_100(ch):
    stub = pb_stub(ch)
    calls = [stub.UnaryCall.future(pb.SimpleRequest(response_size=100 + i, payload=payload(100))) for i in range(100)]
    sizes = [len(c.result(timeout=20).payload.body) for c in calls]
    check(sizes == [100 + i for i in range(100)], "sizes differ")


def malformed_request(ch):
    raw = ch.unary_unary("/grpc.testing.TestService/UnaryCall", request_serializer=None, response_deserializer=None)
    expect_code(lambda: raw(b"\xff\xff\xff\xff"), grpc.StatusCode.INTERNAL)


def handler_exception(ch):
    e = expect_code(lambda: pb_stub(ch).FailCall(pb.Empty()), grpc.StatusCode.UNKNOWN)
    details = e.details() or ""
    check("secret" not in details and "/srv/" not in details and " at " not in details, "leaks %r" % details)


def health_check(ch):
    stub = m["health_pb2_grpc"].HealthStub(ch)
    serving = health_pb.HealthCheckResponse.SERVING
    check(stub.Check(health_pb.HealthCheckRequest(service="")).status == serving, "'' not serving")
    check(stub.Check(health_pb.HealthCheckRequest(service="grpc.testing.TestService")).status == serving, "TestService not serving")
    expect_code(lambda: stub.Check(health_pb.HealthCheckRequest(service="no.such.Service")), grpc.StatusCode.NOT_FOUND)


def health_watch(ch):
    stub = m["health_pb2_grpc"].HealthStub(ch)
    call = stub.Watch(health_pb.HealthCheckRequest(service="grpc.testing.TestService"))
    first = next(call)
    call.cancel()
    check(first.status == health_pb.HealthCheckResponse.SERVING, "status %s" % first.status)
    unknown = stub.Watch(health_pb.HealthCheckRequest(service="no.such.Service"))
    check(next(unknown).status == health_pb.HealthCheckResponse.SERVICE_UNKNOWN, "unknown service not SERVICE_UNKNOWN")
    unknown.cancel()


def _reflection(ch, alpha):
    pb2 = m["reflection_alpha_pb2" if alpha else "reflection_pb2"]
    stub = m["reflection_alpha_pb2_grpc" if alpha else "reflection_pb2_grpc"].ServerReflectionStub(ch)
    requests = [
        pb2.ServerReflectionRequest(list_services=""),
        pb2.ServerReflectionRequest(file_containing_symbol="grpc.testing.TestService"),
        pb2.ServerReflectionRequest(file_containing_symbol="grpc.testing.SimpleRequest"),
        pb2.ServerReflectionRequest(file_by_filename="grpc/health/v1/health.proto"),
        pb2.ServerReflectionRequest(file_containing_symbol="no.such.Symbol"),
    ]
    responses = list(stub.ServerReflectionInfo(iter(requests)))
    check(len(responses) == len(requests), "%d responses" % len(responses))
    names = [s.name for s in responses[0].list_services_response.service]
    for expected in ("grpc.testing.TestService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"):
        check(expected in names, "%s not listed in %s" % (expected, names))
    from google.protobuf import descriptor_pb2
    for index in (1, 2):
        files = responses[index].file_descriptor_response.file_descriptor_proto
        check(len(files) >= 1, "no file for symbol")
        proto = descriptor_pb2.FileDescriptorProto.FromString(files[0])
        check(proto.package == "grpc.testing", "package %s" % proto.package)
        check(any(s.name == "TestService" for s in proto.service), "TestService missing from %s" % proto.name)
    health_files = responses[3].file_descriptor_response.file_descriptor_proto
    check(len(health_files) >= 1 and descriptor_pb2.FileDescriptorProto.FromString(health_files[0]).name == "grpc/health/v1/health.proto", "health file")
    check(responses[4].error_response.error_code == 5, "unknown symbol error %s" % responses[4].error_response.error_code)


def reflection_v1(ch):
    _reflection(ch, alpha=False)


def reflection_v1alpha(ch):
    _reflection(ch, alpha=True)


def pb_stub(ch):
    return m["test_pb2_grpc"].TestServiceStub(ch)


CASES = [
    "empty_unary", "large_unary", "client_streaming", "server_streaming", "ping_pong", "empty_stream",
    "status_code_and_message", "special_status_message", "unimplemented_method", "unimplemented_service",
    "timeout_on_sleeping_server", "server_deadline_exceeded", "cancel_after_begin", "cancel_after_first_response",
    "custom_metadata", "client_compressed_unary", "server_compressed_unary", "client_compressed_streaming",
    "max_size_accepted", "max_size_refused", "concurrent_100", "malformed_request", "handler_exception",
    "health_check", "health_watch", "reflection_v1", "reflection_v1alpha",
]


def main():
    target = sys.argv[1]
    names = sys.argv[2:] or CASES
    channel = grpc.insecure_channel(target)
    grpc.channel_ready_future(channel).result(timeout=10)
    for name in names:
        started = time.monotonic()
        try:
            globals()[name](channel)
            result = {"case": name, "ok": True, "detail": ""}
        except Exception as e:
            result = {"case": name, "ok": False, "detail": "%s: %s" % (type(e).__name__, e) if isinstance(e, CaseFailed) else traceback.format_exc()}
        result["seconds"] = round(time.monotonic() - started, 3)
        print(json.dumps(result), flush=True)
    channel.close()


if __name__ == "__main__":
    main()
