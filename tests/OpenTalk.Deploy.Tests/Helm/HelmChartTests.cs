namespace OpenTalk.Deploy.Tests.Helm;

/// <summary>
/// deploy/helm/opentalk rendered with its default values and with the options toggled, each result parsed as YAML and
/// checked as the Kubernetes objects it must be (there is no cluster here to apply them to).
/// </summary>
public sealed class HelmChartTests
{
    private static readonly string Chart = Repository.PathOf("deploy/helm/opentalk");

    private static List<Dictionary<string, object?>> Objects(ChartRenderer chart)
    {
        var objects = new List<Dictionary<string, object?>>();
        foreach (var (file, text) in chart.RenderAll())
        {
            if (!file.EndsWith(".yaml", StringComparison.Ordinal))
                continue;
            foreach (var document in Yaml.LoadAll(text))
            {
                var manifest = Assert.IsType<Dictionary<string, object?>>(document);
                Assert.False(string.IsNullOrEmpty(manifest.Text("apiVersion")), file);
                Assert.False(string.IsNullOrEmpty(manifest.Text("metadata.name")), file);
                objects.Add(manifest);
            }
        }
        return objects;
    }

    private static Dictionary<string, object?> Single(List<Dictionary<string, object?>> objects, string kind, string? nameEnd = null) =>
        Assert.Single(objects, o => o.Text("kind") == kind && (nameEnd is null || o.Text("metadata.name").EndsWith(nameEnd, StringComparison.Ordinal)));

    private static void AssertSelects(Dictionary<string, object?> selector, Dictionary<string, object?> labels, string what)
    {
        Assert.NotEmpty(selector);
        foreach (var (key, value) in selector)
            Assert.True(labels.TryGetValue(key, out var label) && Equals(label, value), $"{what}: selector {key}={value} does not match the pods");
    }

    private static Dictionary<string, object?> Env(Dictionary<string, object?> container) =>
        container.List("env").Cast<Dictionary<string, object?>>().ToDictionary(e => e.Text("name"), e => (object?)e);

    [Fact]
    public void Default_values_render_a_cluster_of_nodes_behind_a_service_and_an_ingress()
    {
        var objects = Objects(new ChartRenderer(Chart));
        Assert.Equal(
            ["ConfigMap", "Ingress", "PodDisruptionBudget", "Secret", "Service", "Service", "StatefulSet"],
            objects.Select(o => o.Text("kind")).Order(StringComparer.Ordinal));
        var nodes = Single(objects, "StatefulSet");
        var pod = nodes.Map("spec.template");
        var podLabels = pod.Map("metadata.labels");
        AssertSelects(nodes.Map("spec.selector.matchLabels"), podLabels, "StatefulSet");
        Assert.Equal(3L, nodes.At("spec.replicas"));

        var headless = Single(objects, "Service", "-headless");
        Assert.Equal("None", headless.Text("spec.clusterIP"));
        // A node becomes ready only after it joined the cluster, for which the seeds' names must already resolve.
        Assert.Equal(true, headless.At("spec.publishNotReadyAddresses"));
        Assert.Equal(headless.Text("metadata.name"), nodes.Text("spec.serviceName"));
        AssertSelects(headless.Map("spec.selector"), podLabels, "headless Service");
        var service = Assert.Single(objects, o => o.Text("kind") == "Service" && o != headless);
        AssertSelects(service.Map("spec.selector"), podLabels, "Service");
        AssertSelects(Single(objects, "PodDisruptionBudget").Map("spec.selector.matchLabels"), podLabels, "PodDisruptionBudget");

        var ingress = Single(objects, "Ingress");
        var backend = ingress.Map("spec.rules.0.http.paths.0.backend.service");
        Assert.Equal(service.Text("metadata.name"), backend.Text("name"));
        Assert.Contains(service.List("spec.ports").Cast<Dictionary<string, object?>>(), p => p.Text("name") == backend.Text("port.name"));
        // Sockets stay open through the ingress controller (its default read timeout is 60 s).
        var annotations = ingress.Map("metadata.annotations");
        Assert.Equal("3600", annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]);
        Assert.Equal("3600", annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"]);
    }

    [Fact]
    public void Nodes_probe_their_health_and_get_time_for_a_graceful_stop()
    {
        var nodes = Single(Objects(new ChartRenderer(Chart)), "StatefulSet");
        var pod = nodes.Map("spec.template.spec");
        Assert.True((long)pod.At("terminationGracePeriodSeconds")! >= 45, "the node needs its 30 s of graceful stop plus margin");
        var container = (Dictionary<string, object?>)Assert.Single(pod.List("containers"))!;
        Assert.Equal("/health/ready", container.Text("readinessProbe.httpGet.path"));
        Assert.Equal("/health/live", container.Text("livenessProbe.httpGet.path"));
        var ports = container.List("ports").Cast<Dictionary<string, object?>>().ToDictionary(p => p.Text("name"), p => p.Text("containerPort"));
        Assert.Equal("8080", ports[container.Text("readinessProbe.httpGet.port")]);
        Assert.Equal("4053", ports["cluster"]);
        Assert.Equal(true, pod.At("securityContext.runAsNonRoot"));
    }

    [Fact]
    public void Every_node_has_the_database_the_seeds_and_its_own_stable_cluster_address()
    {
        var objects = Objects(new ChartRenderer(Chart));
        var nodes = Single(objects, "StatefulSet");
        var container = (Dictionary<string, object?>)nodes.List("spec.template.spec.containers")[0]!;
        var env = Env(container);
        var names = container.List("env").Cast<Dictionary<string, object?>>().Select(e => e.Text("name")).ToList();

        var secret = Single(objects, "Secret");
        Assert.Equal(secret.Text("metadata.name"), env["OpenTalk__Postgres"].Text("valueFrom.secretKeyRef.name"));
        Assert.True(secret.Map("stringData").ContainsKey(env["OpenTalk__Postgres"].Text("valueFrom.secretKeyRef.key")));
        Assert.Equal(Single(objects, "ConfigMap").Text("metadata.name"), container.Text("envFrom.0.configMapRef.name"));

        // Kubernetes expands $(POD_NAME) only when POD_NAME is defined before.
        var hostname = env["OpenTalk__ClusterHostname"].Text("value");
        Assert.StartsWith("$(POD_NAME).meet-opentalk-headless.video.svc.cluster.local", hostname, StringComparison.Ordinal);
        Assert.True(names.IndexOf("POD_NAME") < names.IndexOf("OpenTalk__ClusterHostname"));
        Assert.Equal("metadata.name", env["POD_NAME"].Text("valueFrom.fieldRef.fieldPath"));

        // Seed 0 is pod 0 of this StatefulSet at the address it gives itself, on the cluster port.
        var pod0 = hostname.Replace("$(POD_NAME)", nodes.Text("metadata.name") + "-0", StringComparison.Ordinal);
        Assert.Equal($"akka.tcp://opentalk@{pod0}:4053", env["OpenTalk__ClusterSeeds__0"].Text("value"));
        Assert.Equal(3, names.Count(n => n.StartsWith("OpenTalk__ClusterSeeds__", StringComparison.Ordinal)));
        Assert.Equal("4053", Single(objects, "ConfigMap").Text("data.OpenTalk__ClusterPort"));
    }

    [Fact]
    public void Explicit_seeds_replace_the_pods_names()
    {
        var chart = new ChartRenderer(Chart).With("cluster.seeds", new List<object?> { "akka.tcp://opentalk@10.1.0.5:4053" });
        var env = Env((Dictionary<string, object?>)Single(Objects(chart), "StatefulSet").List("spec.template.spec.containers")[0]!);
        Assert.Equal("akka.tcp://opentalk@10.1.0.5:4053", env["OpenTalk__ClusterSeeds__0"].Text("value"));
        Assert.False(env.ContainsKey("OpenTalk__ClusterSeeds__1"));
    }

    [Fact]
    public void Coturn_shares_the_nodes_turn_secret()
    {
        var chart = new ChartRenderer(Chart).With("coturn.enabled", true).With("ingress.enabled", false)
            .With("coturn.externalIp", "198.51.100.20");
        var objects = Objects(chart);
        Assert.DoesNotContain(objects, o => o.Text("kind") == "Ingress");
        var coturn = Single(objects, "Deployment");
        var container = (Dictionary<string, object?>)coturn.List("spec.template.spec.containers")[0]!;
        var args = container.List("args").Select(a => a!.ToString()).ToList();
        Assert.Contains("--use-auth-secret", args);
        Assert.Contains("--static-auth-secret=$(TURN_SECRET)", args);
        Assert.Contains("--external-ip=198.51.100.20", args);
        var coturnSecret = Env(container)["TURN_SECRET"].Map("valueFrom.secretKeyRef");
        var nodes = (Dictionary<string, object?>)Single(objects, "StatefulSet").List("spec.template.spec.containers")[0]!;
        var nodeSecret = Env(nodes)["Turn__TurnSecret"].Map("valueFrom.secretKeyRef");
        Assert.Equal(nodeSecret.Text("name"), coturnSecret.Text("name"));
        Assert.Equal(nodeSecret.Text("key"), coturnSecret.Text("key"));
        AssertSelects(coturn.Map("spec.selector.matchLabels"), coturn.Map("spec.template.metadata.labels"), "coturn");
    }

    [Fact]
    public void An_external_provider_needs_no_shared_keys_and_persistence_makes_claims()
    {
        var chart = new ChartRenderer(Chart).With("signIn.authority", "https://id.example.org/realms/x").With("persistence.enabled", true)
            .With("secret.create", false);
        var objects = Objects(chart);
        Assert.DoesNotContain(objects, o => o.Text("kind") == "Secret");
        var nodes = Single(objects, "StatefulSet");
        var container = (Dictionary<string, object?>)nodes.List("spec.template.spec.containers")[0]!;
        Assert.False(Env(container).ContainsKey("OPENTALK_KEYS_DIR"));
        Assert.Equal("data", nodes.Text("spec.volumeClaimTemplates.0.metadata.name"));
        Assert.Equal("https://id.example.org/realms/x", Single(objects, "ConfigMap").Text("data.SignIn__Authority"));
    }

    [Fact]
    public void The_embedded_provider_gets_the_shared_keys_from_a_secret()
    {
        var nodes = Single(Objects(new ChartRenderer(Chart)), "StatefulSet");
        var container = (Dictionary<string, object?>)nodes.List("spec.template.spec.containers")[0]!;
        var mount = container.List("volumeMounts").Cast<Dictionary<string, object?>>().Single(m => m.Text("name") == "keys");
        Assert.Equal(Env(container)["OPENTALK_KEYS_DIR"].Text("value"), mount.Text("mountPath"));
        var volume = nodes.List("spec.template.spec.volumes").Cast<Dictionary<string, object?>>().Single(v => v.Text("name") == "keys");
        Assert.Equal("opentalk-keys", volume.Text("secret.secretName"));
    }

    [Fact]
    public void Every_value_is_documented_by_a_comment()
    {
        var lines = File.ReadAllLines(Path.Combine(Chart, "values.yaml"));
        var undocumented = new List<string>();
        var itemIndent = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                continue;
            var indent = line.Length - trimmed.Length;
            // Keys inside a list's items are documented with the list.
            if (itemIndent >= 0 && indent > itemIndent)
                continue;
            itemIndent = trimmed.StartsWith("- ", StringComparison.Ordinal) ? indent : -1;
            if (itemIndent >= 0)
                continue;
            var previous = i > 0 ? lines[i - 1].TrimStart() : "";
            if (!previous.StartsWith('#') && !line.Contains(" # ", StringComparison.Ordinal))
                undocumented.Add(line.Trim());
        }
        Assert.Empty(undocumented);
    }
}
