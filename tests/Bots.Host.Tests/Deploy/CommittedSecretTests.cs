using System.Text.RegularExpressions;

namespace Bots.Host.Tests.Deploy;

/// <summary>Deployment files may name secrets and point at them, never hold them.</summary>
public sealed partial class CommittedSecretTests
{
    public static TheoryData<string> DeploymentFiles() => new(DeploymentPaths());

    public static TheoryData<string> YamlFiles() =>
        new(DeploymentPaths().Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void DeploymentFile_ContainsNoTokenOrKeyMaterial(string path)
    {
        var text = RepositoryFiles.ReadAllText(path);

        Assert.DoesNotMatch(TelegramBotToken(), text);
        Assert.DoesNotMatch(DiscordBotToken(), text);
        Assert.DoesNotContain("PRIVATE KEY-----", text);
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void EverySecretSetting_ComesFromTheEnvironmentOrASecretReference(string path)
    {
        var isTemplate = path.Contains(".example.", StringComparison.Ordinal);
        var literals = YamlDocuments.Load(RepositoryFiles.PathOf(path))
            .SelectMany(document => SecretSettings(document))
            .Where(setting => !IsReference(setting.Value, isTemplate))
            .Select(setting => $"{setting.Path} = {setting.Value}")
            .ToList();

        Assert.True(literals.Count == 0, $"{path} holds secret values: {string.Join("; ", literals)}");
    }

    [Theory]
    [InlineData("Telegram__BotToken", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", false)]
    [InlineData("POSTGRES_PASSWORD", "hunter2", false)]
    [InlineData("Bots__Postgres", "Host=db;Password=hunter2", false)]
    [InlineData("Bots__ApiKey", "${BOTS_API_KEY:-abc123}", false)]
    [InlineData("Bots__ApiKey", null, true)]
    [InlineData("Telegram__BotToken", "${TELEGRAM_BOT_TOKEN:-}", true)]
    [InlineData("POSTGRES_PASSWORD", "${POSTGRES_PASSWORD:?set it}", true)]
    [InlineData("POSTGRES_PASSWORD", "${POSTGRES_PASSWORD:-dev-only-password}", true)]
    [InlineData("Bots__Postgres", "Host=db;Password=$(POSTGRES_PASSWORD)", true)]
    [InlineData("Telegram__Mode", "webhook", true)]
    public void SecretScan_FlagsLiteralsAndAcceptsReferences(string key, string? value, bool accepted)
    {
        var flagged = SecretSettings(key, value).Any(s => !IsReference(s.Value, isTemplate: false));

        Assert.Equal(accepted, !flagged);
    }

    private static IEnumerable<string> DeploymentPaths() =>
        new[] { "docker-compose.yml", ".dockerignore" }.Concat(
            Directory.EnumerateFiles(RepositoryFiles.PathOf("deploy"), "*", SearchOption.AllDirectories)
                .Select(RepositoryFiles.Relative)
                .Order());

    // Compose `environment` and ConfigMap `data` entries are key: value; Kubernetes `env` items
    // are {name, value}; connection strings carry their password inside the value.
    private static IEnumerable<(string Path, string? Value)> SecretSettings(YamlDotNet.RepresentationModel.YamlNode document)
    {
        var scalars = document.Scalars().ToList();
        for (var i = 0; i < scalars.Count; i++)
        {
            var (path, key, value) = scalars[i];
            if (key == "value" && i > 0 && scalars[i - 1].Key == "name" && scalars[i - 1].Path[..^"name".Length] == path[..^"value".Length])
            {
                key = scalars[i - 1].Value ?? "";
            }

            foreach (var setting in SecretSettings(key, value))
            {
                yield return (path, setting.Value);
            }
        }
    }

    private static IEnumerable<(string Key, string? Value)> SecretSettings(string key, string? value)
    {
        if (SecretName().IsMatch(key) && !NonSecretName().IsMatch(key))
        {
            yield return (key, value);
        }

        foreach (Match password in ConnectionStringPassword().Matches(value ?? ""))
        {
            yield return (key, password.Groups["value"].Value);
        }
    }

    private static bool IsReference(string? value, bool isTemplate)
    {
        if (string.IsNullOrEmpty(value) || (isTemplate && value == "REPLACE_ME"))
        {
            return true;
        }

        var interpolation = Interpolation().Match(value);
        if (interpolation.Success)
        {
            // ${VAR:?message} has no default; ${VAR:-value} has one, allowed only when marked dev.
            var fallback = interpolation.Groups["operator"].Value == "?" ? "" : interpolation.Groups["default"].Value;
            return fallback.Length == 0 || fallback.Contains("dev", StringComparison.OrdinalIgnoreCase);
        }

        return KubernetesReference().IsMatch(value);
    }

    [GeneratedRegex(@"password|passwd|secret|token|api_?key|apikey|api-key|private", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // Names that mention a secret without holding one: references to it and public keys.
    [GeneratedRegex(@"^(secretKeyRef|secretRef|secretName|key|name|PublicKey|automountServiceAccountToken)$|__PublicKey$", RegexOptions.IgnoreCase)]
    private static partial Regex NonSecretName();

    [GeneratedRegex(@"(?:^|;)\s*(?:Password|Pwd)\s*=\s*(?<value>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"^\$\{\w+(?::?(?<operator>[-?])(?<default>[^}]*))?\}$")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^\$\(\w+\)$")]
    private static partial Regex KubernetesReference();

    [GeneratedRegex(@"\b\d{6,12}:[A-Za-z0-9_-]{30,}\b")]
    private static partial Regex TelegramBotToken();

    [GeneratedRegex(@"\b[MNO][A-Za-z\d_-]{23,27}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}\b")]
    private static partial Regex DiscordBotToken();
}
