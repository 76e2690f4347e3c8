using System.Text.RegularExpressions;

namespace Bots.Host.Tests.Deploy;

public sealed partial class DockerfileTests
{
    private const string SdkImage = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string RuntimeImage = "mcr.microsoft.com/dotnet/aspnet:10.0";

    public static TheoryData<string> Dockerfiles() =>
        new(Directory.EnumerateFiles(RepositoryFiles.PathOf("deploy"), "Dockerfile*", SearchOption.AllDirectories)
            .Select(RepositoryFiles.Relative)
            .Order());

    [Fact]
    public void DeployFolder_HasADockerfile()
    {
        Assert.NotEmpty(Dockerfiles());
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_BuildsOnTheSdkAndEveryTargetRunsOnTheAspNetRuntime(string path)
    {
        var dockerfile = Load(path);

        Assert.Equal(SdkImage, dockerfile.Stages[0].BaseImage);
        Assert.NotEmpty(dockerfile.Targets);
        Assert.All(dockerfile.Targets, target => Assert.Equal(RuntimeImage, dockerfile.RootImage(target)));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void EveryTarget_RunsAsANonRootUser(string path)
    {
        var dockerfile = Load(path);

        Assert.All(dockerfile.Targets, target =>
        {
            var user = dockerfile.Effective(target, "USER");
            Assert.True(user is not null, $"{path}: target {target.Name} has no USER, so it runs as root");
            Assert.True(IsNonRootUser(user.Arguments), $"{path}:{user.Line}: USER {user.Arguments} is not a non-root user");
        });
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void EveryTarget_ChecksItsHealthWithTheBotsCliOverGrpc(string path)
    {
        var dockerfile = Load(path);

        Assert.All(dockerfile.Targets, target =>
        {
            var check = dockerfile.Effective(target, "HEALTHCHECK");
            Assert.True(check is not null, $"{path}: target {target.Name} has no HEALTHCHECK");
            Assert.Matches(@"\bCMD\b.*dotnet\s+/app/cli/bots\.dll\s+health\s+--address\s+""?http://127\.0\.0\.1:", check.Arguments);
        });
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void HealthCheckCli_IsPublishedFromBotsCliIntoTheImage(string path)
    {
        var dockerfile = Load(path);
        var cliProject = RepositoryFiles.ReadAllText("src/Bots.Cli/Bots.Cli.csproj");

        Assert.Contains("<AssemblyName>bots</AssemblyName>", cliProject);
        Assert.Contains(dockerfile.Instructions, i => i.Keyword == "RUN" && Regex.IsMatch(i.Arguments, @"dotnet publish src/Bots\.Cli\b.*-o /out/cli\b"));
        Assert.All(dockerfile.Targets, target => Assert.Contains(
            dockerfile.Lineage(target).SelectMany(s => s.All("COPY")),
            copy => copy.Arguments.Contains("/out/cli/ /app/cli/", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void EveryTarget_RunsAProjectFromSrcThatTheBuildStagePublishes(string path)
    {
        var dockerfile = Load(path);
        var publish = string.Join('\n', dockerfile.Stages[0].All("RUN").Select(r => r.Arguments));

        Assert.All(dockerfile.Targets, target =>
        {
            var entrypoint = dockerfile.Effective(target, "ENTRYPOINT")!;
            var project = EntrypointAssembly().Match(entrypoint.Arguments) is { Success: true } match
                ? match.Groups["project"].Value
                : throw new Xunit.Sdk.XunitException($"{path}:{entrypoint.Line}: ENTRYPOINT {entrypoint.Arguments} runs no /app/<Project>.dll");
            Assert.True(RepositoryFiles.ProjectExists(project), $"{path}: target {target.Name} runs {project}, which is not in src/");
            Assert.Contains(project, publish);
            Assert.Contains(target.All("COPY"), copy => copy.Arguments.Contains($"/out/{project}/ /app/", StringComparison.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Restore_RunsOnProjectFilesCopiedAloneSoPackagesStayCached(string path)
    {
        var dockerfile = Load(path);
        var build = dockerfile.Stages[0].Instructions;
        var restoreIndex = build.ToList().FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var copiedFirst = build.Take(restoreIndex).Where(i => i.Keyword == "COPY").Select(i => i.Arguments).ToList();
        var needed = Directory.EnumerateFiles(RepositoryFiles.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(RepositoryFiles.Relative)
            .Concat(["global.json", "Directory.Build.props", "Directory.Packages.props"]);

        Assert.True(restoreIndex > 0, $"{path}: the build stage runs no dotnet restore");
        Assert.DoesNotContain(copiedFirst, c => c.StartsWith("src/ ", StringComparison.Ordinal) || c.StartsWith(". ", StringComparison.Ordinal));
        Assert.All(needed, file => Assert.Contains(copiedFirst, copy => copy.Split(' ').Contains(file)));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void EveryTarget_ExposesTheGrpcAndHttpPortsAndADataVolumeTheUserOwns(string path)
    {
        var dockerfile = Load(path);

        Assert.All(dockerfile.Targets, target =>
        {
            var instructions = dockerfile.Lineage(target).SelectMany(s => s.Instructions).ToList();
            var exposed = instructions.Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Arguments.Split(' ')).ToList();
            Assert.Contains("50051", exposed);
            Assert.Contains("8080", exposed);
            Assert.Contains(instructions, i => i.Keyword == "VOLUME" && i.Arguments.Contains("/data", StringComparison.Ordinal));
            var uid = dockerfile.Effective(target, "USER")!.Arguments.Split(':')[0];
            Assert.Contains(instructions, i => i.Keyword == "RUN" && Regex.IsMatch(i.Arguments, $@"chown {uid}(:\d+)? /data\b"));
        });
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputLocalDataAndGitOutOfTheContext()
    {
        var patterns = RepositoryFiles.ReadAllText(".dockerignore")
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.TrimEnd('/'))
            .ToHashSet();

        Assert.Contains("**/bin", patterns);
        Assert.Contains("**/obj", patterns);
        Assert.Contains("data", patterns);
        Assert.Contains(".git", patterns);
    }

    [Theory]
    [InlineData("1654", true)]
    [InlineData("1654:1654", true)]
    [InlineData("app", true)]
    [InlineData("0", false)]
    [InlineData("0:0", false)]
    [InlineData("root", false)]
    [InlineData("root:app", false)]
    [InlineData("$APP_UID", false)]
    public void IsNonRootUser_AcceptsOnlyUsersThatAreVisiblyNotRoot(string user, bool expected)
    {
        Assert.Equal(expected, IsNonRootUser(user));
    }

    internal static DockerfileModel Load(string path) => DockerfileModel.Load(RepositoryFiles.PathOf(path));

    // A variable cannot be checked here, and a name must at least not be root.
    private static bool IsNonRootUser(string user)
    {
        var name = user.Split(':')[0];
        return name.Length > 0 && !name.Contains('$') && name != "root" && (!name.All(char.IsAsciiDigit) || int.Parse(name) != 0);
    }

    [GeneratedRegex(@"/app/(?<project>[A-Za-z0-9.]+)\.dll")]
    private static partial Regex EntrypointAssembly();
}
