"""grpcio side of `bots bench grpc`: small unary calls (grpc.health.v1.Health/Check) on loopback.

  grpc_bench.py server                 serve Health/Check with grpc.aio; prints "PORT n"; stops when stdin closes
  grpc_bench.py client TARGET [--concurrency 32] [--duration 5] [--warmup 1] [--processes 2]
                                       prints one JSON line: calls, seconds, calls_per_second, p50_ms, p99_ms

The client uses grpc.aio with the concurrent calls spread over several processes, because one Python
process (one GIL) cannot keep 32 calls in flight fast enough to measure a fast server.
"""
import argparse
import asyncio
import json
import multiprocessing
import sys
import time

import grpc

METHOD = "/grpc.health.v1.Health/Check"
REQUEST = b""          # HealthCheckRequest{service=""}
SERVING = b"\x08\x01"  # HealthCheckResponse{status=SERVING}


def identity(x):
    return x


async def serve():
    async def check(request, context):
        return SERVING

    handler = grpc.method_handlers_generic_handler("grpc.health.v1.Health", {
        "Check": grpc.unary_unary_rpc_method_handler(check, request_deserializer=identity, response_serializer=identity),
    })
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((handler,))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    print("PORT %d" % port, flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    await server.stop(0)


async def run_client(target, concurrency, warmup, duration):
    async with grpc.aio.insecure_channel(target) as channel:
        call = channel.unary_unary(METHOD, request_serializer=identity, response_deserializer=identity)
        await call(REQUEST)
        latencies = []
        total = [0]
        measure_from = time.perf_counter() + warmup
        stop_at = measure_from + duration

        async def worker():
            while True:
                started = time.perf_counter()
                if started >= stop_at:
                    return
                response = await call(REQUEST)
                finished = time.perf_counter()
                total[0] += 1
                if response != SERVING:
                    raise RuntimeError("unexpected response %r" % response)
                if started >= measure_from:
                    latencies.append(finished - started)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return latencies, total[0]


def client_process(target, concurrency, warmup, duration, connection):
    connection.send(asyncio.run(run_client(target, concurrency, warmup, duration)))
    connection.close()


def client(args):
    processes = max(1, min(args.processes, args.concurrency))
    shares = [args.concurrency // processes + (1 if i < args.concurrency % processes else 0) for i in range(processes)]
    pipes, workers = [], []
    for share in shares:
        parent, child = multiprocessing.Pipe(duplex=False)
        worker = multiprocessing.Process(target=client_process, args=(args.target, share, args.warmup, args.duration, child))
        worker.start()
        child.close()  # so a worker that dies shows up as EOF instead of a hang
        pipes.append(parent)
        workers.append(worker)
    latencies = []
    total = 0
    for pipe in pipes:
        measured, calls = pipe.recv()
        latencies.extend(measured)
        total += calls
    for worker in workers:
        worker.join()
    latencies.sort()

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0

    print(json.dumps({
        "calls": len(latencies),
        "total_calls": total,
        "seconds": args.duration,
        "calls_per_second": len(latencies) / args.duration,
        "p50_ms": percentile(0.50),
        "p99_ms": percentile(0.99),
        "processes": processes,
    }), flush=True)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="mode", required=True)
    sub.add_parser("server")
    c = sub.add_parser("client")
    c.add_argument("target")
    c.add_argument("--concurrency", type=int, default=32)
    c.add_argument("--duration", type=float, default=5)
    c.add_argument("--warmup", type=float, default=1)
    c.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    if args.mode == "server":
        asyncio.run(serve())
    else:
        client(args)


if __name__ == "__main__":
    main()
