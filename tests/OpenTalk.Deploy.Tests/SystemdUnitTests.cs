namespace OpenTalk.Deploy.Tests;

/// <summary>The units in deploy/systemd: systemd itself reads them, and they stop gracefully and are hardened.</summary>
public sealed class SystemdUnitTests
{
    public static TheoryData<string> Units() =>
        new(Directory.GetFiles(Repository.PathOf("deploy/systemd"), "*.service").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    /// <summary>Sections and their keys; a key given twice keeps every value.</summary>
    private static Dictionary<string, Dictionary<string, List<string>>> ReadUnit(string path)
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>();
        Dictionary<string, List<string>>? section = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
                continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = sections[line[1..^1]] = [];
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(section is not null && equals > 0, $"{path}: cannot read '{line}'");
            var key = line[..equals].Trim();
            if (!section.TryGetValue(key, out var values))
                section[key] = values = [];
            values.Add(line[(equals + 1)..].Trim());
        }
        return sections;
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Systemd_reads_the_unit_without_complaint(string unit)
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
            return; // Checked by the other tests as INI only.
        var (_, output) = Processes.Run("/usr/bin/systemd-analyze", "verify", Repository.PathOf("deploy/systemd/" + unit));
        // The published app is not installed where the units expect it on this machine; everything else counts.
        var complaints = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !(l.Contains("Command /opt/opentalk/", StringComparison.Ordinal) && l.EndsWith("is not executable: No such file or directory", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(complaints);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void The_service_stops_gracefully_restarts_and_is_hardened(string unit)
    {
        var service = ReadUnit(Repository.PathOf("deploy/systemd/" + unit))["Service"];
        string One(string key) => Assert.Single(service.TryGetValue(key, out var v) ? v : []);
        Assert.Equal("SIGTERM", One("KillSignal"));
        Assert.True(int.Parse(One("TimeoutStopSec"), System.Globalization.CultureInfo.InvariantCulture) >= 15);
        Assert.Equal("on-failure", One("Restart"));
        Assert.Equal("yes", One("NoNewPrivileges"));
        Assert.Equal("strict", One("ProtectSystem"));
        Assert.StartsWith("/etc/opentalk/", One("EnvironmentFile"), StringComparison.Ordinal);
        // Under ProtectSystem=strict only these stay writable: the service's own state folder.
        var state = "/var/lib/" + One("StateDirectory");
        Assert.Equal(state, One("ReadWritePaths"));
        Assert.False(service.ContainsKey("MemoryDenyWriteExecute"), ".NET's JIT and Janus need writable code pages");
    }

    [Fact]
    public void The_node_gets_more_time_to_stop_than_the_host_gives_its_graceful_stop()
    {
        var service = ReadUnit(Repository.PathOf("deploy/systemd/opentalk.service"))["Service"];
        Assert.True(int.Parse(service["TimeoutStopSec"][0], System.Globalization.CultureInfo.InvariantCulture) > 30);
        Assert.Equal("/opt/opentalk/opentalk", service["ExecStart"][0]);
        Assert.Equal("/opt/opentalk/opentalk recorder", ReadUnit(Repository.PathOf("deploy/systemd/opentalk-recorder.service"))["Service"]["ExecStart"][0]);
        Assert.Equal("/opt/opentalk/opentalk call-in", ReadUnit(Repository.PathOf("deploy/systemd/opentalk-call-in.service"))["Service"]["ExecStart"][0]);
    }

    [Fact]
    public void The_sample_settings_share_the_turn_secret_with_coturn()
    {
        var env = File.ReadAllLines(Repository.PathOf("deploy/systemd/opentalk.env"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var coturn = File.ReadAllLines(Repository.PathOf("deploy/coturn/turnserver.conf")).Select(l => l.Trim()).ToList();
        Assert.Contains("use-auth-secret", coturn);
        Assert.Contains("static-auth-secret=" + env["Turn__TurnSecret"], coturn);
        // The seeds name nodes the sample's own address belongs to.
        Assert.Contains($"akka.tcp://opentalk@{env["OpenTalk__ClusterHostname"]}:{env["OpenTalk__ClusterPort"]}",
            env.Where(p => p.Key.StartsWith("OpenTalk__ClusterSeeds__", StringComparison.Ordinal)).Select(p => p.Value));
        Assert.Equal("true", env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
    }

    [Fact]
    public void Janus_unit_starts_janus_with_the_run_folder_the_script_writes()
    {
        var service = ReadUnit(Repository.PathOf("deploy/systemd/opentalk-janus.service"))["Service"];
        Assert.StartsWith("/opt/opentalk/deploy/scripts/janus.sh configure /var/lib/opentalk-janus ", service["ExecStartPre"][0], StringComparison.Ordinal);
        Assert.Equal("/usr/bin/janus -F /var/lib/opentalk-janus -C /var/lib/opentalk-janus/janus.jcfg", service["ExecStart"][0]);
        var env = File.ReadAllText(Repository.PathOf("deploy/systemd/janus.env"));
        foreach (var variable in new[] { "JANUS_WS_IP", "JANUS_WS_PORT", "JANUS_ICE_INTERFACE", "JANUS_API_SECRET" })
        {
            Assert.Contains("${" + variable + "}", service["ExecStartPre"][0], StringComparison.Ordinal);
            Assert.Contains("\n" + variable + "=", env, StringComparison.Ordinal);
        }
    }
}
