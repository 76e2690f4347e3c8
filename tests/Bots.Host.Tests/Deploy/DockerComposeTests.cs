using YamlDotNet.RepresentationModel;

namespace Bots.Host.Tests.Deploy;

public sealed class DockerComposeTests
{
    private const string ComposeFile = "docker-compose.yml";

    private static readonly Lazy<YamlMappingNode> LazyCompose =
        new(() => Assert.Single(YamlDocuments.Load(RepositoryFiles.PathOf(ComposeFile))));

    private static YamlMappingNode Compose => LazyCompose.Value;

    private static IEnumerable<KeyValuePair<string, YamlNode>> Services => Compose.Get("services").Entries();

    private static IEnumerable<KeyValuePair<string, YamlNode>> BuiltServices =>
        Services.Where(s => s.Value.Get("build") is not null);

    [Fact]
    public void ComposeFile_DefinesTheStoresTheThreeServicesAndTheChatFrontEnd()
    {
        var names = Compose.Get("services").Keys().ToList();

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "redis", "postgres", "articlestore", "questionanswering", "summarizer", "chat" });
    }

    [Fact]
    public void EveryServiceBuiltFromTheRepository_HasAHealthCheck()
    {
        Assert.NotEmpty(BuiltServices);
        Assert.All(BuiltServices, service =>
        {
            var check = service.Value.Get("healthcheck");
            Assert.True(check is not null, $"{service.Key} has no healthcheck");
            Assert.NotEqual("true", check.Get("disable").Text());
            Assert.NotEqual("NONE", check.Get("test").Items().FirstOrDefault().Text());
            Assert.NotEmpty(check.Get("test").Items());
        });
    }

    [Fact]
    public void EveryBuiltService_BuildsAnExistingDockerfileTargetAndTagsItAfterTheTarget()
    {
        Assert.All(BuiltServices, service =>
        {
            var build = service.Value.Get("build");
            var context = build.Get("context").Text() ?? ".";
            var dockerfilePath = Path.Combine(context, build.Get("dockerfile").Text() ?? "Dockerfile");
            Assert.True(File.Exists(RepositoryFiles.PathOf(dockerfilePath)), $"{service.Key}: {dockerfilePath} does not exist");
            var target = build.Get("target").Text();
            var dockerfile = DockerfileModel.Load(RepositoryFiles.PathOf(dockerfilePath));
            var stage = Assert.Single(dockerfile.Targets, t => t.Name == target);
            Assert.StartsWith($"bots/{stage.Name}:", service.Value.Get("image").Text());
        });
    }

    [Fact]
    public void EveryService_UsesOnlyDefinedNamedVolumes()
    {
        var defined = Compose.Get("volumes").Keys().ToHashSet();

        Assert.All(Services, service => Assert.All(service.Value.Get("volumes").Items(), volume =>
        {
            var source = volume.Text()?.Split(':')[0] ?? volume.Get("source").Text() ?? "";
            var isBindMount = source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('~');
            Assert.True(isBindMount || defined.Contains(source), $"{service.Key} mounts volume '{source}', which is not defined");
        }));
    }

    [Fact]
    public void EveryService_UsesOnlyDefinedNetworks()
    {
        var defined = Compose.Get("networks").Keys().ToHashSet();

        Assert.All(Services, service =>
        {
            var networks = service.Value.Get("networks") is YamlSequenceNode list
                ? list.Children.Select(n => n.Text() ?? "")
                : service.Value.Get("networks").Keys();
            Assert.All(networks, network => Assert.True(defined.Contains(network), $"{service.Key} joins network '{network}', which is not defined"));
        });
    }

    [Fact]
    public void EveryDependency_IsADefinedServiceThatIsWaitedForUntilHealthy()
    {
        var services = Services.ToDictionary(s => s.Key, s => s.Value);

        Assert.All(Services, service => Assert.All(service.Value.Get("depends_on").Entries(), dependency =>
        {
            Assert.True(services.ContainsKey(dependency.Key), $"{service.Key} depends on undefined '{dependency.Key}'");
            Assert.Equal("service_healthy", dependency.Value.Get("condition").Text());
            Assert.NotNull(services[dependency.Key].Get("healthcheck"));
        }));
    }

    [Fact]
    public void EveryLongRunningService_RestartsAfterAFailure()
    {
        Assert.All(Services, service => Assert.Contains(
            service.Value.Get("restart").Text(),
            new[] { "always", "unless-stopped", "on-failure" }));
    }

    [Fact]
    public void ArticleStore_KeepsArticlesInThePostgresService()
    {
        var store = Compose.At("services", "articlestore");

        Assert.Contains("Host=postgres;", store.At("environment", "Bots__Postgres").Text());
        Assert.NotNull(Compose.At("services", "postgres", "volumes"));
        Assert.Equal("service_healthy", store.At("depends_on", "postgres", "condition").Text());
    }

    [Theory]
    [InlineData("questionanswering")]
    [InlineData("summarizer")]
    public void AnsweringServices_ShareRedisAndFindTheStore(string name)
    {
        var environment = Compose.At("services", name, "environment");

        Assert.Equal("redis:6379", environment.Get("Bots__Redis").Text());
        Assert.Equal("http://articlestore:50051", environment.Get("Services__ArticleStore").Text());
    }

    [Fact]
    public void Chat_FindsAllThreeServices()
    {
        var environment = Compose.At("services", "chat", "environment");

        Assert.Equal("http://articlestore:50051", environment.Get("Services__ArticleStore").Text());
        Assert.Equal("http://questionanswering:50051", environment.Get("Services__QuestionAnswering").Text());
        Assert.Equal("http://summarizer:50051", environment.Get("Services__Summarizer").Text());
    }

    [Fact]
    public void EveryServiceAddress_NamesADefinedServiceOnTheGrpcPort()
    {
        var names = Compose.Get("services").Keys().ToHashSet();

        Assert.All(Services, service => Assert.All(
            service.Value.Get("environment").Entries().Where(e => e.Key.StartsWith("Services__", StringComparison.Ordinal)),
            address =>
            {
                var uri = new Uri(address.Value.Text()!);
                Assert.Contains(uri.Host, names);
                Assert.Equal(50051, uri.Port);
            }));
    }

    [Theory]
    [InlineData("chat", "Telegram__BotToken")]
    [InlineData("chat", "Telegram__WebhookSecret")]
    [InlineData("chat", "Discord__BotToken")]
    [InlineData("chat", "Bots__ApiKey")]
    [InlineData("articlestore", "Bots__ApiKey")]
    public void Secrets_ArePassedThroughFromTheEnvironment(string service, string key)
    {
        var environment = Compose.At("services", service, "environment");

        Assert.True(environment.Get(key) is not null, $"{service} does not take {key}");
        var value = environment.Get(key).Text();
        Assert.True(value is null || value.StartsWith("${", StringComparison.Ordinal), $"{service}: {key} is '{value}', not from the environment");
    }

    [Fact]
    public void AllInOneHost_StartsOnlyWithItsProfile()
    {
        var host = Compose.At("services", "bots-host");

        Assert.Contains("bots-host", host.Get("profiles").Items().Select(p => p.Text()));
        Assert.All(Services.Where(s => s.Key != "bots-host"), s => Assert.Null(s.Value.Get("profiles")));
    }
}
