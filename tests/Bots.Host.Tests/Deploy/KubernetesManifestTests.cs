using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Bots.Host.Tests.Deploy;

public sealed partial class KubernetesManifestTests
{
    private const string ManifestFolder = "deploy/k8s";
    private const int GrpcPort = 50051;

    private static readonly Lazy<IReadOnlyList<Manifest>> LazyManifests = new(LoadManifests);

    private static IReadOnlyList<Manifest> Manifests => LazyManifests.Value;

    /// <summary>The Deployments of the Bots processes (not of PostgreSQL or Redis).</summary>
    private static IEnumerable<Manifest> BotsDeployments =>
        Manifests.Where(m => m.Kind == "Deployment" && Containers(m).Any(c => c.Get("image").Text()!.StartsWith("bots/", StringComparison.Ordinal)));

    private static IEnumerable<Manifest> Workloads => Manifests.Where(m => m.Kind is "Deployment" or "StatefulSet");

    [Fact]
    public void EveryManifest_ParsesWithApiVersionKindAndName()
    {
        Assert.NotEmpty(Manifests);
        Assert.All(Manifests, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.Document.Get("apiVersion").Text()), $"{m}: no apiVersion");
            Assert.False(string.IsNullOrEmpty(m.Kind), $"{m}: no kind");
            Assert.False(string.IsNullOrEmpty(m.Name), $"{m}: no metadata.name");
        });
    }

    [Theory]
    [InlineData("articlestore")]
    [InlineData("questionanswering")]
    [InlineData("summarizer")]
    [InlineData("chat")]
    public void EveryService_HasADeploymentAndAService(string name)
    {
        Assert.Contains(BotsDeployments, m => m.Name == name);
        Assert.Contains(Manifests, m => m.Kind == "Service" && m.Name == name);
    }

    [Fact]
    public void EveryBotsDeployment_ProbesReadinessLivenessAndStartupOverGrpcOnTheGrpcPort()
    {
        Assert.All(BotsDeployments, deployment => Assert.All(Containers(deployment), container =>
        {
            var grpcPort = container.Get("ports").Items().Single(p => p.Get("name").Text() == "grpc");
            Assert.Equal(GrpcPort.ToString(), grpcPort.Get("containerPort").Text());
            foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            {
                var port = container.At(probe, "grpc", "port").Text();
                Assert.True(port == GrpcPort.ToString(), $"{deployment}: {probe} is not a grpc probe on port {GrpcPort}");
            }
        }));
    }

    [Fact]
    public void ReadinessProbes_AskForServicesTheProtosDefine()
    {
        var defined = DefinedGrpcServices();

        Assert.All(BotsDeployments, deployment => Assert.All(Containers(deployment), container =>
        {
            var service = container.At("readinessProbe", "grpc", "service").Text();
            Assert.True(service is null || defined.Contains(service), $"{deployment}: readiness asks for unknown gRPC service '{service}'");
        }));
    }

    [Fact]
    public void EveryWorkload_RunsAsNonRootWithoutPrivilegesOrCapabilities()
    {
        Assert.NotEmpty(Workloads);
        Assert.All(Workloads, workload =>
        {
            var pod = PodSpec(workload);
            Assert.Equal("RuntimeDefault", pod.At("securityContext", "seccompProfile", "type").Text());
            Assert.All(Containers(workload), container =>
            {
                var runAsNonRoot = container.At("securityContext", "runAsNonRoot").Text() ?? pod.At("securityContext", "runAsNonRoot").Text();
                Assert.True(runAsNonRoot == "true", $"{workload}: runAsNonRoot is not true");
                Assert.Equal("false", container.At("securityContext", "allowPrivilegeEscalation").Text());
                Assert.Contains("ALL", container.At("securityContext", "capabilities", "drop").Items().Select(c => c.Text()));
            });
        });
    }

    [Fact]
    public void EveryBotsContainer_HasAReadOnlyRootFilesystemAndResourceRequestsAndLimits()
    {
        Assert.All(BotsDeployments, deployment => Assert.All(Containers(deployment), container =>
        {
            Assert.Equal("true", container.At("securityContext", "readOnlyRootFilesystem").Text());
            Assert.NotNull(container.At("resources", "requests", "cpu").Text());
            Assert.NotNull(container.At("resources", "requests", "memory").Text());
            Assert.NotNull(container.At("resources", "limits", "memory").Text());
        }));
    }

    [Fact]
    public void EveryMountedVolume_IsDeclaredByThePodOrItsClaimTemplates()
    {
        Assert.All(Workloads, workload =>
        {
            var declared = PodSpec(workload).Get("volumes").Items().Select(v => v.Get("name").Text())
                .Concat(workload.Document.At("spec", "volumeClaimTemplates").Items().Select(v => v.At("metadata", "name").Text()))
                .ToHashSet();
            Assert.All(Containers(workload), container => Assert.All(container.Get("volumeMounts").Items(), mount =>
                Assert.True(declared.Contains(mount.Get("name").Text()), $"{workload}: mounts undeclared volume {mount.Get("name").Text()}")));
        });
    }

    [Theory]
    [InlineData("questionanswering")]
    [InlineData("summarizer")]
    [InlineData("chat")]
    public void Autoscaler_ScalesTheDeploymentOnCpu(string name)
    {
        var hpa = Assert.Single(Manifests, m => m.Kind == "HorizontalPodAutoscaler" && m.Name == name);
        var target = hpa.Document.At("spec", "scaleTargetRef");

        Assert.Equal("autoscaling/v2", hpa.Document.Get("apiVersion").Text());
        Assert.Equal("Deployment", target.Get("kind").Text());
        Assert.Contains(BotsDeployments, d => d.Name == target.Get("name").Text());
        Assert.Contains(hpa.Document.At("spec", "metrics").Items(), m => m.At("resource", "name").Text() == "cpu");
        Assert.True(int.Parse(hpa.Document.At("spec", "minReplicas").Text()!) >= 2, $"{hpa}: fewer than two replicas is no redundancy");
    }

    [Fact]
    public void AutoscaledDeployments_LeaveTheReplicaCountToTheirAutoscaler()
    {
        var scaled = Manifests.Where(m => m.Kind == "HorizontalPodAutoscaler").Select(m => m.Document.At("spec", "scaleTargetRef", "name").Text()).ToHashSet();

        Assert.All(BotsDeployments.Where(d => scaled.Contains(d.Name)), deployment =>
            Assert.True(deployment.Document.At("spec", "replicas") is null, $"{deployment}: a fixed replicas field fights the autoscaler on every apply"));
    }

    [Fact]
    public void EveryService_SelectsAWorkloadAndTargetsItsNamedPorts()
    {
        Assert.All(Manifests.Where(m => m.Kind == "Service"), service =>
        {
            var selector = service.Document.At("spec", "selector").Entries().ToDictionary(e => e.Key, e => e.Value.Text());
            var workload = Workloads.SingleOrDefault(w => selector.All(s => w.Document.At("spec", "template", "metadata", "labels", s.Key).Text() == s.Value));
            Assert.True(workload is not null, $"{service}: selects no workload");
            var portNames = Containers(workload).SelectMany(c => c.Get("ports").Items()).Select(p => p.Get("name").Text()).ToHashSet();
            Assert.All(service.Document.At("spec", "ports").Items(), port =>
            {
                var targetPort = port.Get("targetPort").Text();
                Assert.True(targetPort is null || targetPort.All(char.IsAsciiDigit) || portNames.Contains(targetPort), $"{service}: targetPort {targetPort} is not a port of {workload}");
            });
        });
    }

    [Fact]
    public void ConfiguredServiceAddresses_NameKubernetesServicesOnTheirGrpcPort()
    {
        var configMap = Assert.Single(Manifests, m => m.Kind == "ConfigMap");
        var addresses = configMap.Document.Get("data").Entries().Where(e => e.Key.StartsWith("Services__", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, addresses.Count);
        Assert.All(addresses, address =>
        {
            var uri = new Uri(address.Value.Text()!);
            var service = Assert.Single(Manifests, m => m.Kind == "Service" && m.Name == uri.Host);
            Assert.Contains(service.Document.At("spec", "ports").Items(), p => p.Get("port").Text() == uri.Port.ToString());
        });
    }

    [Fact]
    public void SecretAndConfigMapReferences_UseKeysTheTemplatesDefine()
    {
        var secretTemplate = Assert.Single(YamlDocuments.Load(RepositoryFiles.PathOf($"{ManifestFolder}/secret.example.yaml")));
        var secretName = secretTemplate.At("metadata", "name").Text();
        var secretKeys = secretTemplate.Get("stringData").Keys().ToHashSet();
        var configMaps = Manifests.Where(m => m.Kind == "ConfigMap").Select(m => m.Name).ToHashSet();

        Assert.All(Workloads.SelectMany(Containers), container =>
        {
            foreach (var variable in container.Get("env").Items())
            {
                var reference = variable.At("valueFrom", "secretKeyRef");
                if (reference is not null)
                {
                    Assert.Equal(secretName, reference.Get("name").Text());
                    Assert.Contains(reference.Get("key").Text() ?? "", secretKeys);
                }
            }

            Assert.All(container.Get("envFrom").Items(), source =>
                Assert.Contains(source.At("configMapRef", "name").Text(), configMaps));
        });
    }

    [Fact]
    public void Images_AreDockerfileTargetsAndPinnedInTheKustomization()
    {
        var targets = DockerfileModel.Load(RepositoryFiles.PathOf("deploy/Dockerfile")).Targets.Select(t => t.Name).ToHashSet();
        var pinned = Kustomization().Get("images").Items().Select(i => i.Get("name").Text()).ToHashSet();

        Assert.All(BotsDeployments.SelectMany(Containers), container =>
        {
            var image = container.Get("image").Text()!;
            Assert.Contains(image["bots/".Length..], targets);
            Assert.Contains(image, pinned);
        });
    }

    [Fact]
    public void Kustomization_ListsOnlyExistingManifestsAndEveryOneButTheSecretTemplate()
    {
        var listed = Kustomization().Get("resources").Items().Select(r => r.Text()!).ToList();
        var files = ManifestFiles().Select(Path.GetFileName).ToHashSet();

        Assert.All(listed, file => Assert.True(File.Exists(RepositoryFiles.PathOf($"{ManifestFolder}/{file}")), $"kustomization lists missing {file}"));
        Assert.Equal(files.Where(f => !IsTemplate(f!)).Order(), listed.Order());
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public void Namespace_EnforcesTheRestrictedPodSecurityStandard()
    {
        var ns = Assert.Single(Manifests, m => m.Kind == "Namespace");

        Assert.Equal(ns.Name, Kustomization().Get("namespace").Text());
        Assert.Equal("restricted", ns.Document.At("metadata", "labels", "pod-security.kubernetes.io/enforce").Text());
    }

    private static YamlMappingNode Kustomization() =>
        Assert.Single(YamlDocuments.Load(RepositoryFiles.PathOf($"{ManifestFolder}/kustomization.yaml")));

    private static HashSet<string> DefinedGrpcServices()
    {
        var services = new HashSet<string>(StringComparer.Ordinal);
        foreach (var proto in Directory.EnumerateFiles(RepositoryFiles.PathOf("protos"), "*.proto", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(proto);
            var package = ProtoPackage().Match(text).Groups[1].Value;
            foreach (Match service in ProtoService().Matches(text))
            {
                services.Add($"{package}.{service.Groups[1].Value}");
            }
        }

        return services;
    }

    private static bool IsTemplate(string file) => file.Contains(".example.", StringComparison.Ordinal);

    private static IEnumerable<string> ManifestFiles() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf(ManifestFolder), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml");

    private static IReadOnlyList<Manifest> LoadManifests() =>
        ManifestFiles()
            .Where(f => !IsTemplate(Path.GetFileName(f)))
            .SelectMany(file => YamlDocuments.Load(file).Select(d => new Manifest(RepositoryFiles.Relative(file), d)))
            .ToList();

    private static YamlNode? PodSpec(Manifest workload) => workload.Document.At("spec", "template", "spec");

    private static IEnumerable<YamlNode> Containers(Manifest workload) => PodSpec(workload).Get("containers").Items();

    [GeneratedRegex(@"^\s*package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex ProtoPackage();

    [GeneratedRegex(@"^\s*service\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex ProtoService();

    private sealed record Manifest(string File, YamlMappingNode Document)
    {
        public string? Kind => Document.Get("kind").Text();

        public string? Name => Document.At("metadata", "name").Text();

        public override string ToString() => $"{File}: {Kind}/{Name}";
    }
}
