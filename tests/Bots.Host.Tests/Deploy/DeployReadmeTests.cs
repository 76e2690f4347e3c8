using System.Text.RegularExpressions;

namespace Bots.Host.Tests.Deploy;

public sealed partial class DeployReadmeTests
{
    [Fact]
    public void ConfigurationTable_DocumentsEveryKeyTheDeploymentFilesSet()
    {
        var readme = RepositoryFiles.ReadAllText("deploy/README.md");
        var files = new[] { "docker-compose.yml" }.Concat(
            Directory.EnumerateFiles(RepositoryFiles.PathOf("deploy/k8s"), "*.yaml").Select(RepositoryFiles.Relative));
        var keys = files
            .SelectMany(file => SettingKey().Matches(RepositoryFiles.ReadAllText(file)).Select(m => m.Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.True(readme.Contains($"| `{key}` |", StringComparison.Ordinal), $"deploy/README.md does not document {key}"));
    }

    [GeneratedRegex(@"\b(?:Bots|Services|Telegram|Discord|Logging)__[A-Za-z_]+\b|\bOTEL_[A-Z_]+\b")]
    private static partial Regex SettingKey();
}
