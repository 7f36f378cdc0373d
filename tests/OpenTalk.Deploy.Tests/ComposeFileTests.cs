namespace OpenTalk.Deploy.Tests;

/// <summary>
/// deploy/compose/compose.yaml read as docker compose would (YAML with merge keys; no Docker engine here to run it):
/// three nodes forming one cluster on one Postgres, with the services they need and the same secrets on both sides.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, object?> Compose = Yaml.LoadMapping(Repository.Read("deploy/compose/compose.yaml"));

    private static Dictionary<string, object?> Services => Compose.Map("services");

    private static List<string> Nodes => Services.Keys.Where(k => k.StartsWith("node", StringComparison.Ordinal)).ToList();

    private static Dictionary<string, object?> Environment(string service) => Services.Map(service + ".environment");

    [Fact]
    public void Three_nodes_with_postgres_rabbitmq_janus_coturn_and_nginx()
    {
        Assert.Equal(3, Nodes.Count);
        foreach (var service in new[] { "postgres", "rabbitmq", "janus", "coturn", "nginx", "recorder" })
            Assert.True(Services.ContainsKey(service), service);
        Assert.All(Nodes, n => Assert.Equal("opentalk:local", Services.Text(n + ".image")));
        Assert.Equal("deploy/container/Dockerfile", Services.Text("node1.build.dockerfile"));
        Assert.True(File.Exists(Repository.PathOf("deploy/container/Dockerfile")));
        Assert.True(File.Exists(Repository.PathOf(Services.Text("janus.build.dockerfile"))));
        Assert.True(File.Exists(Repository.PathOf(Services.Text("coturn.build.dockerfile"))));
    }

    [Fact]
    public void Every_node_uses_the_same_postgres_and_seeds_that_are_nodes()
    {
        var postgres = Nodes.Select(n => Environment(n).Text("OpenTalk__Postgres")).Distinct().ToList();
        var connection = Assert.Single(postgres);
        Assert.Contains("Host=postgres;", connection, StringComparison.Ordinal);
        Assert.Contains("Password=${OPENTALK_POSTGRES_PASSWORD", connection, StringComparison.Ordinal);
        Assert.Contains("${OPENTALK_POSTGRES_PASSWORD", Services.Text("postgres.environment.POSTGRES_PASSWORD"), StringComparison.Ordinal);

        var hostnames = Nodes.Select(n => Environment(n).Text("OpenTalk__ClusterHostname")).ToList();
        Assert.Equal(Nodes, hostnames);
        foreach (var node in Nodes)
        {
            var environment = Environment(node);
            var port = environment.Text("OpenTalk__ClusterPort");
            var seeds = environment.Where(p => p.Key.StartsWith("OpenTalk__ClusterSeeds__", StringComparison.Ordinal)).Select(p => p.Value?.ToString()).ToList();
            // Every node lists the same seeds, and each seed is one of the nodes at its cluster address.
            Assert.Equal(hostnames.Select(h => $"akka.tcp://opentalk@{h}:{port}"), seeds);
            Assert.Equal("true", environment.Text("ASPNETCORE_FORWARDEDHEADERS_ENABLED"));
            Assert.Equal("ws://janus:8188", environment.Text("Media__Janus__0__Url"));
            Assert.StartsWith("amqp://", environment.Text("Services__RabbitMq"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_turn_secret_is_the_same_for_coturn_and_the_nodes()
    {
        var secrets = Nodes.Select(n => Environment(n).Text("Turn__TurnSecret")).Distinct().ToList();
        var secret = Assert.Single(secrets);
        Assert.StartsWith("${", secret, StringComparison.Ordinal);
        var arguments = Services.List("coturn.command").Select(a => a?.ToString()).ToList();
        Assert.Contains("--use-auth-secret", arguments);
        Assert.Contains("--static-auth-secret=" + secret, arguments);
        Assert.Equal(Environment("node1").Text("Media__Janus__0__ApiSecret"), Environment("janus").Text("JANUS_API_SECRET"));
        Assert.Equal(Environment("node1").Text("SignIn__ServiceAccounts__0__ClientSecret"), Environment("recorder").Text("Recorder__ClientSecret"));
    }

    [Fact]
    public void Nodes_have_a_readiness_healthcheck_and_a_graceful_stop()
    {
        foreach (var node in Nodes)
        {
            var test = Services.List(node + ".healthcheck.test").Select(a => a?.ToString()).ToList();
            Assert.Contains("http://127.0.0.1:8080/health/ready", test);
            Assert.Equal("SIGTERM", Services.Text(node + ".stop_signal"));
            Assert.Equal("60s", Services.Text(node + ".stop_grace_period"));
            Assert.Equal("service_healthy", Services.Text(node + ".depends_on.postgres.condition"));
        }
        foreach (var service in new[] { "postgres", "rabbitmq", "janus", "coturn", "nginx" })
            Assert.NotEmpty(Services.List(service + ".healthcheck.test"));
    }

    [Fact]
    public void Nginx_in_the_compose_file_balances_over_the_nodes_addresses()
    {
        var nginx = Repository.Read("deploy/compose/nginx.conf");
        foreach (var node in Nodes)
        {
            var address = Services.Text(node + ".networks.opentalk.ipv4_address");
            Assert.Contains($"server {address}:8080 ", nginx, StringComparison.Ordinal);
        }
        Assert.Contains("./nginx.conf:/etc/nginx/conf.d/default.conf:ro", Services.List("nginx.volumes").Select(v => v?.ToString()));
    }

    [Fact]
    public void Every_variable_the_compose_file_needs_is_in_the_example_env()
    {
        var example = Repository.Read("deploy/compose/env.example");
        var used = System.Text.RegularExpressions.Regex.Matches(Repository.Read("deploy/compose/compose.yaml"), @"\$\{(\w+)").Select(m => m.Groups[1].Value).Distinct();
        Assert.All(used, variable => Assert.Contains("\n" + variable + "=", "\n" + example, StringComparison.Ordinal));
    }
}
