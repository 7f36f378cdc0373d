using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace OpenTalk.Deploy.Tests;

/// <summary>
/// The nginx configurations (deploy/nginx for machines, deploy/compose for the compose file): nginx -t accepts them
/// inside a full configuration whose paths are in a temporary folder, and they carry what OpenTalk needs.
/// </summary>
public sealed partial class NginxConfigTests
{
    private const string Nginx = "/usr/sbin/nginx";

    public static TheoryData<string> Configurations() => new("deploy/nginx/opentalk.conf", "deploy/compose/nginx.conf");

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Nginx_accepts_the_configuration(string file)
    {
        if (!File.Exists(Nginx))
            return;
        var folder = Directory.CreateTempSubdirectory("opentalk-nginx-").FullName;
        try
        {
            WriteCertificate(folder);
            var site = Repository.Read(file).Replace("/etc/letsencrypt/live/meet.example.org", folder, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "site.conf"), site);
            File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
                pid {{folder}}/nginx.pid;
                error_log {{folder}}/error.log;
                events {}
                http {
                    client_body_temp_path {{folder}}/body;
                    proxy_temp_path {{folder}}/proxy;
                    fastcgi_temp_path {{folder}}/fastcgi;
                    uwsgi_temp_path {{folder}}/uwsgi;
                    scgi_temp_path {{folder}}/scgi;
                    access_log off;
                    include {{folder}}/site.conf;
                }
                """);
            var (exitCode, output) = Processes.Run(Nginx, "-t", "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf"));
            Assert.True(exitCode == 0, output);
            Assert.Contains("test is successful", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_broken_configuration_fails_the_same_check()
    {
        if (!File.Exists(Nginx))
            return;
        var folder = Directory.CreateTempSubdirectory("opentalk-nginx-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "nginx.conf"), $"pid {folder}/nginx.pid; events {{}} http {{ server {{ proxy_read_timout 1h; }} }}");
            var (exitCode, _) = Processes.Run(Nginx, "-t", "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf"));
            Assert.NotEqual(0, exitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Several_nodes_are_balanced_with_passive_checks(string file)
    {
        var upstream = Block(Repository.Read(file), "upstream opentalk_nodes");
        var servers = ServerLine().Matches(upstream);
        Assert.True(servers.Count >= 3, "three nodes or more");
        Assert.All(servers, s => Assert.Matches(@"max_fails=\d+ fail_timeout=\d+s", s.Value));
        Assert.Matches(@"(?m)^\s*(ip_hash|least_conn);", upstream);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void WebSockets_are_upgraded_and_kept_open(string file)
    {
        var text = Repository.Read(file);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", text, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Connection $opentalk_connection;", text, StringComparison.Ordinal);
        Assert.Contains("proxy_http_version 1.1;", text, StringComparison.Ordinal);
        // The node's sockets: signaling and the notes' and whiteboard's documents (src/Host: Subprotocol.Path, MapCollab).
        foreach (var location in new[] { "location = /signaling", "location /v1/collab/" })
            Assert.Contains("proxy_read_timeout 1h;", Block(text, location), StringComparison.Ordinal);
        Assert.Contains("proxy_pass http://opentalk_nodes;", Block(text, "location /health/"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Uploads_pass_up_to_the_nodes_limits(string file)
    {
        var text = Repository.Read(file);
        // SharedFolder:MaxFileBytes 200,000,000 and Artifacts:MaxUploadBytes 20,000,000,000 (deploy/opentalk.sample.json).
        var sample = Repository.Read("deploy/opentalk.sample.json");
        Assert.Contains("\"MaxFileBytes\": 200000000", sample, StringComparison.Ordinal);
        Assert.Contains("\"MaxUploadBytes\": 20000000000", sample, StringComparison.Ordinal);
        Assert.True(Size(Block(text, "location ~ ^/v1/rooms/[^/]+/shared_folder/?$")) >= 200_000_000);
        Assert.True(Size(Block(text, "location = /v1/services/recording/upload")) >= 20_000_000_000);
        Assert.Contains("X-Forwarded-Proto $scheme", text, StringComparison.Ordinal);
        Assert.Contains("X-Forwarded-For $proxy_add_x_forwarded_for", text, StringComparison.Ordinal);
    }

    private static long Size(string block)
    {
        var match = BodySize().Match(block);
        Assert.True(match.Success, "client_max_body_size");
        var unit = match.Groups[2].Value.ToLowerInvariant();
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            * (unit == "g" ? 1L << 30 : unit == "m" ? 1L << 20 : unit == "k" ? 1L << 10 : 1);
    }

    /// <summary>The text between the opening line's brace and its closing brace.</summary>
    private static string Block(string text, string opening)
    {
        var start = text.IndexOf(opening + " {", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{opening}' block");
        var depth = 0;
        for (var i = text.IndexOf('{', start); i < text.Length; i++)
        {
            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
            if (depth == 0)
                return text[start..i];
        }
        throw new InvalidOperationException($"'{opening}' is not closed");
    }

    private static void WriteCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=meet.example.org", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "fullchain.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "privkey.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    [GeneratedRegex(@"(?m)^\s*server\s+\S+:\d+[^;]*;")]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"client_max_body_size\s+(\d+)([kKmMgG]?);")]
    private static partial Regex BodySize();
}
