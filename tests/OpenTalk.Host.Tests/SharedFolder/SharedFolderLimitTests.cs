using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.SharedFolder;

/// <summary>
/// Uploads over the limit on the wire, through a raw socket so that the client cannot stop early on its own: a body
/// that claims 2 GB is refused before it is read, one sent chunked is stopped as it passes the limit, nothing of either
/// is stored, and the node (in this process) does not grow by anything like what was sent or claimed.
/// </summary>
public sealed class SharedFolderLimitTests : RoomTest
{
    private const int Limit = 8_000_000;
    private const long Claimed = 2L * 1024 * 1024 * 1024;

    protected override string[] NodeArguments => ["--SharedFolder:MaxFileBytes", $"{Limit}"];

    [Fact]
    public async Task A_2_GB_body_is_refused_with_413_before_it_is_read_or_as_it_passes_the_limit_and_nothing_is_stored()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var token = new Uri(olga.JoinSuccess.GetProperty("shared_folder").GetProperty("read_write").GetProperty("url").GetString()!).Query["?token=".Length..];
        var target = $"/v1/rooms/{Room}/shared_folder?token={Uri.EscapeDataString(token)}&filename=big.zip";
        var rssBefore = Rss();

        // Content-Length says 2 GB: the answer comes after a few bytes, the rest is never sent.
        var (claimed, claimedSent) = await SendAsync(target, $"Content-Length: {Claimed}", chunked: false);
        Assert.StartsWith("HTTP/1.1 413", claimed);
        Assert.Contains("\"code\":\"body_too_large\"", claimed);
        Assert.True(claimedSent < 64 * 1024 * 1024, $"sent {claimedSent} bytes before the answer");

        // Chunked, no length: the node reads up to the limit, then stops the upload.
        var (chunked, chunkedSent) = await SendAsync(target, "Transfer-Encoding: chunked", chunked: true);
        Assert.StartsWith("HTTP/1.1 413", chunked);
        Assert.True(chunkedSent < Claimed / 4, $"sent {chunkedSent} bytes before the answer");

        var rssAfter = Rss();
        Assert.True(rssAfter - rssBefore < 100L * 1024 * 1024, $"RSS grew from {rssBefore} to {rssAfter} bytes");
        using var http = new HttpClient { BaseAddress = Node.BaseUri };
        Assert.DoesNotContain("\"id\"", await http.GetStringAsync(target.TrimStart('/').Replace("&filename=big.zip", "", StringComparison.Ordinal)));
        var artifacts = Path.Combine(Node.DataFolder, "artifacts");
        Assert.Empty(Directory.Exists(artifacts) ? Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories) : []);
    }

    private static long Rss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }

    /// <summary>Sends a ZIP's head and then zeros (up to 2 GB) until the node answers; its answer and how much was sent.</summary>
    private async Task<(string Answer, long Sent)> SendAsync(string target, string lengthHeader, bool chunked)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Node.BaseUri.Host, Node.BaseUri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {target} HTTP/1.1\r\nHost: {Node.BaseUri.Authority}\r\nContent-Type: application/zip\r\n{lengthHeader}\r\n\r\n"));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var answer = ReadAnswerAsync(stream, stop.Token);
        var chunk = new byte[64 * 1024];
        "PK\u0003\u0004"u8.CopyTo(chunk);
        var frameStart = Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n");
        long sent = 0;
        var writer = Task.Run(async () =>
        {
            try
            {
                while (!answer.IsCompleted && sent < Claimed)
                {
                    if (chunked)
                        await stream.WriteAsync(frameStart, stop.Token);
                    await stream.WriteAsync(chunk, stop.Token);
                    if (chunked)
                        await stream.WriteAsync("\r\n"u8.ToArray(), stop.Token);
                    Interlocked.Add(ref sent, chunk.Length);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The node closed the connection after answering, or the answer is in.
            }
        });
        var text = await answer;
        // Whatever the writer is blocked on, the answer is what counts: stop it.
        await stop.CancelAsync();
        client.Close();
        await writer;
        return (text, Interlocked.Read(ref sent));
    }

    private static async Task<string> ReadAnswerAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var text = new StringBuilder();
        while (true)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0)
                return text.ToString();
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            var all = text.ToString();
            // Enough once the headers and the problem's body are in.
            if (all.Contains("\r\n\r\n", StringComparison.Ordinal) && all.Contains('}'))
                return all;
        }
    }
}
