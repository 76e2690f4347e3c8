using System.Diagnostics;
using Bots.Testing;

namespace Bots.Grpc.Tests;

/// <summary>python3 with grpcio and grpc_tools (Debian's python3-grpcio, python3-grpc-tools), for interop tests.</summary>
public static class PythonGrpc
{
    private static readonly Lazy<string?> Interpreter = new(FindInterpreter);

    public static string? Python => Interpreter.Value;

    public static string ScriptsDirectory => Path.Combine(AppContext.BaseDirectory, "interop");

    /// <summary>True when python3 with grpcio is there; false outside CI when missing; throws in CI when missing.</summary>
    public static bool Require() => ExternalTool.Require(
        Python is not null,
        "python3 with grpcio and grpc_tools",
        "apt-get install python3-grpcio python3-grpc-tools");

    public static Process Start(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python ?? throw new InvalidOperationException("python3 with grpcio is not available."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = ScriptsDirectory,
        };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add(Path.Combine(ScriptsDirectory, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The C-core's fork support and proxies would only get in the way of loopback tests.
        start.Environment["GRPC_ENABLE_FORK_SUPPORT"] = "0";
        start.Environment.Remove("http_proxy");
        start.Environment.Remove("https_proxy");
        start.Environment.Remove("grpc_proxy");
        return Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
    }

    private static string? FindInterpreter()
    {
        // Debian's packages live in the system interpreter; a pyenv or venv python3 first on PATH may lack them.
        foreach (var candidate in new[] { "/usr/bin/python3", ExternalTool.Find("python3") })
        {
            if (candidate is null || !File.Exists(candidate))
            {
                continue;
            }

            try
            {
                using var process = Process.Start(new ProcessStartInfo(candidate, ["-c", "import grpc, grpc_tools"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                });
                if (process is not null && process.WaitForExit(20_000) && process.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        return null;
    }
}
