using System.Diagnostics;
using System.Text;

namespace Bots.Testing;

/// <summary>
/// Ed25519 signing by an implementation independent of the code under test: python3-cryptography (OpenSSL),
/// in one long-lived python3 process. Signs the way Discord does: timestamp + raw body.
/// </summary>
public sealed class PythonEd25519Signer : IDisposable
{
    private const string Script = """
        import sys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives import serialization
        key = Ed25519PrivateKey.generate()
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        print(raw.hex(), flush=True)
        for line in sys.stdin:
            print(key.sign(bytes.fromhex(line.strip())).hex(), flush=True)
        """;

    private readonly Process _process;
    private readonly object _gate = new();

    private PythonEd25519Signer(Process process, string publicKeyHex)
    {
        _process = process;
        PublicKeyHex = publicKeyHex;
    }

    private static bool HasCryptography(string python)
    {
        using var check = Process.Start(new ProcessStartInfo(python, ["-c", "import cryptography.hazmat.primitives.asymmetric.ed25519"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    }

    /// <summary>The public key as Discord shows it: 64 hex digits.</summary>
    public string PublicKeyHex { get; }

    /// <summary>A signer, or null when python3-cryptography is missing outside CI (throws in CI).</summary>
    public static PythonEd25519Signer? TryStart()
    {
        // Debian's interpreter is the one apt gives python3-cryptography; a pyenv python3 first on PATH may lack it.
        var python = new[] { "/usr/bin/python3", "python3" }
            .Select(ExternalTool.Find)
            .OfType<string>()
            .FirstOrDefault(HasCryptography);
        if (!ExternalTool.Require(python is not null, "python3 with python3-cryptography", "apt-get install python3-cryptography (or pip install cryptography)"))
        {
            return null;
        }

        var process = Process.Start(new ProcessStartInfo(python!, ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var publicKey = process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException("python3 Ed25519 signer did not start: " + process.StandardError.ReadToEnd());
        return new PythonEd25519Signer(process, publicKey.Trim());
    }

    public string SignHex(byte[] message)
    {
        lock (_gate)
        {
            _process.StandardInput.WriteLine(Convert.ToHexString(message));
            _process.StandardInput.Flush();
            return _process.StandardOutput.ReadLine()?.Trim()
                ?? throw new InvalidOperationException("python3 Ed25519 signer stopped: " + _process.StandardError.ReadToEnd());
        }
    }

    /// <summary>The X-Signature-Ed25519 value for this timestamp and body.</summary>
    public string SignRequest(string timestamp, string body) =>
        SignHex([.. Encoding.UTF8.GetBytes(timestamp), .. Encoding.UTF8.GetBytes(body)]);

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(2000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
