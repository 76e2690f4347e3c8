"""Generates Python stubs for the test, health and reflection protos into a temporary folder and imports them."""
import importlib
import os
import sys
import tempfile

from grpc_tools import protoc

HERE = os.path.dirname(os.path.abspath(__file__))


def _find_protos_root():
    """The repository's protos/ folder (health, reflection), found by walking up from here."""
    directory = HERE
    while directory != os.path.dirname(directory):
        candidate = os.path.join(directory, "protos", "grpc", "health", "v1", "health.proto")
        if os.path.exists(candidate):
            return os.path.join(directory, "protos")
        directory = os.path.dirname(directory)
    raise RuntimeError("protos/grpc/health/v1/health.proto not found above " + HERE)


def load():
    out = tempfile.mkdtemp(prefix="bots-grpc-stubs-")
    test_protos = os.path.join(HERE, "..", "Protos")
    repo_protos = _find_protos_root()
    jobs = [
        (test_protos, ["test.proto"]),
        (repo_protos, ["grpc/health/v1/health.proto", "grpc/reflection/v1/reflection.proto", "grpc/reflection/v1alpha/reflection.proto"]),
    ]
    for include, files in jobs:
        code = protoc.main(["protoc", "-I" + include, "--python_out=" + out, "--grpc_python_out=" + out] + files)
        if code != 0:
            raise RuntimeError("protoc failed for %s" % files)
    for package in ["grpc", "grpc/health", "grpc/health/v1", "grpc/reflection", "grpc/reflection/v1", "grpc/reflection/v1alpha"]:
        open(os.path.join(out, package, "__init__.py"), "a").close()
    # The generated packages are named grpc.*, which the grpc library owns: import them under another root.
    os.rename(os.path.join(out, "grpc"), os.path.join(out, "grpcstubs"))
    for root, _, names in os.walk(os.path.join(out, "grpcstubs")):
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(root, name)
                with open(path) as f:
                    text = f.read()
                text = text.replace("from grpc.health", "from grpcstubs.health").replace("from grpc.reflection", "from grpcstubs.reflection")
                with open(path, "w") as f:
                    f.write(text)
    sys.path.insert(0, out)
    modules = {
        "test_pb2": importlib.import_module("test_pb2"),
        "test_pb2_grpc": importlib.import_module("test_pb2_grpc"),
        "health_pb2": importlib.import_module("grpcstubs.health.v1.health_pb2"),
        "health_pb2_grpc": importlib.import_module("grpcstubs.health.v1.health_pb2_grpc"),
        "reflection_pb2": importlib.import_module("grpcstubs.reflection.v1.reflection_pb2"),
        "reflection_pb2_grpc": importlib.import_module("grpcstubs.reflection.v1.reflection_pb2_grpc"),
        "reflection_alpha_pb2": importlib.import_module("grpcstubs.reflection.v1alpha.reflection_pb2"),
        "reflection_alpha_pb2_grpc": importlib.import_module("grpcstubs.reflection.v1alpha.reflection_pb2_grpc"),
    }
    return modules
