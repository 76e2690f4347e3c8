"""grpcio server for the interop TestService; prints the port it listens on, then serves until stdin closes.

usage: interop_server.py
"""
import sys
import time
from concurrent import futures

import grpc

import stubs

m = stubs.load()
pb = m["test_pb2"]
ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"


def payload(size):
    return pb.Payload(body=b"\0" * size)


def echo_metadata(context):
    metadata = dict(context.invocation_metadata())
    if ECHO_INITIAL in metadata:
        context.send_initial_metadata(((ECHO_INITIAL, metadata[ECHO_INITIAL]),))
    if ECHO_TRAILING in metadata:
        context.set_trailing_metadata(((ECHO_TRAILING, metadata[ECHO_TRAILING]),))


def abort_if_requested(status, context):
    if status.code != 0:
        context.abort(grpc.StatusCode(next(c for c in grpc.StatusCode if c.value[0] == status.code)), status.message)


class TestService(m["test_pb2_grpc"].TestServiceServicer):
    def EmptyCall(self, request, context):
        return pb.Empty()

    def UnaryCall(self, request, context):
        echo_metadata(context)
        if request.response_compressed.value:
            context.set_compression(grpc.Compression.Gzip)
        abort_if_requested(request.response_status, context)
        return pb.SimpleResponse(payload=payload(request.response_size))

    def StreamingOutputCall(self, request, context):
        abort_if_requested(request.response_status, context)
        for parameters in request.response_parameters:
            if parameters.interval_us:
                time.sleep(parameters.interval_us / 1e6)
            yield pb.StreamingOutputCallResponse(payload=payload(parameters.size))

    def StreamingInputCall(self, request_iterator, context):
        return pb.StreamingInputCallResponse(aggregated_payload_size=sum(len(r.payload.body) for r in request_iterator))

    def FullDuplexCall(self, request_iterator, context):
        echo_metadata(context)
        for request in request_iterator:
            abort_if_requested(request.response_status, context)
            for parameters in request.response_parameters:
                if parameters.interval_us:
                    time.sleep(parameters.interval_us / 1e6)
                yield pb.StreamingOutputCallResponse(payload=payload(parameters.size))

    def FailCall(self, request, context):
        raise RuntimeError("secret internal detail")


def main():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=32), maximum_concurrent_rpcs=None)
    m["test_pb2_grpc"].add_TestServiceServicer_to_server(TestService(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print("PORT %d" % port, flush=True)
    sys.stdin.read()
    server.stop(0)


if __name__ == "__main__":
    main()
