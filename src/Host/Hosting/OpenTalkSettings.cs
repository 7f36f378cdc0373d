using System.ComponentModel.DataAnnotations;

namespace OpenTalk.Host.Hosting;

/// <summary>The node's settings (section <c>OpenTalk</c>); see <c>deploy/opentalk.sample.json</c>.</summary>
public sealed class OpenTalkSettings
{
    public const string Section = "OpenTalk";

    /// <summary>Folder for the sign-in keys, the initial admin password and mails written to files.</summary>
    [Required]
    public string DataFolder { get; set; } = ".data";

    /// <summary>
    /// Npgsql connection string of the Postgres that holds everything the nodes keep: the journal, the read models and
    /// the embedded provider's accounts. Required (<c>./run</c> starts a private one).
    /// </summary>
    [Required]
    public string? Postgres { get; set; }

    /// <summary>Address this node is reached at by other nodes.</summary>
    [Required]
    public string ClusterHostname { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int ClusterPort { get; set; }

    /// <summary>Seed nodes (<c>akka.tcp://opentalk@host:port</c>); empty forms a one-node cluster.</summary>
    public string[] ClusterSeeds { get; set; } = [];

    /// <summary>
    /// Seconds a node may send no heartbeat before the others call it unreachable (Akka's failure detector;
    /// its default is 3). Raise it where the network between nodes has longer hiccups.
    /// </summary>
    [Range(1, 60)]
    public int HeartbeatPauseSeconds { get; set; } = 2;

    /// <summary>
    /// Seconds an unreachable node may stay so before the keep-majority resolver downs it (a node whose port
    /// refuses connections is downed sooner, see <see cref="DownNodesThatRefuseConnections"/>). Short, so
    /// that a silent node's meetings are back in about 9-13 seconds (measured, bench/run-faults.sh); raise it where the
    /// network between nodes has longer hiccups than that (a downed node's people resume on the others).
    /// </summary>
    [Range(1, 600)]
    public int DownUnreachableAfterSeconds { get; set; } = 3;

    /// <summary>
    /// Down a node at once when its cluster port refuses connections (the process is gone), instead of
    /// after the heartbeat pause and <see cref="DownUnreachableAfterSeconds"/>; only a node that reaches most of
    /// the cluster does so. A network that times out still waits for those.
    /// </summary>
    public bool DownNodesThatRefuseConnections { get; set; } = true;

    /// <summary>Seconds a removed node's meetings wait before they start on another node.</summary>
    [Range(0, 600)]
    public int DownRemovalMarginSeconds { get; set; } = 1;

    [Range(0, 100_000)]
    public int SnapshotEvery { get; set; } = 100;

    [Range(1, 3600)]
    public int ResumeWindowSeconds { get; set; } = 30;

    [Range(1, 600)]
    public int TicketLifetimeSeconds { get; set; } = 30;

    /// <summary>
    /// The largest request body the node reads, in bytes. Every API takes small JSON or form bodies;
    /// a larger limit only costs memory that anyone (sign-in and invite links are anonymous) can fill.
    /// </summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The built web app (src/Web/dist) served at the root; empty serves none (API only).</summary>
    public string? WebRoot { get; set; }

    /// <summary>
    /// Origins (<c>https://host[:port]</c>) of web apps served elsewhere that may call this node's APIs, discovery
    /// document and token endpoint from the browser (CORS). None by default: the node's own web app needs none.
    /// <see cref="SignInSettings.OpenTalkWebApp"/> is allowed as well.
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>
    /// A Libravatar or Gravatar service (e.g. <c>https://seccdn.libravatar.org/avatar/</c>) whose pictures of people's
    /// e-mail addresses profiles point to, as OpenTalk's do. Empty (the default): no pictures, since every browser
    /// showing one would tell that service who takes part in which meeting.
    /// </summary>
    public string? AvatarBaseUrl { get; set; }
}

/// <summary>Sign-in settings (section <c>SignIn</c>).</summary>
public sealed class SignInSettings
{
    public const string Section = "SignIn";

    /// <summary>An external OpenID Connect issuer (e.g. Keycloak). Empty: the embedded provider signs people in.</summary>
    public string? Authority { get; set; }

    /// <summary>The web app's client id at the provider (the embedded provider registers <c>opentalk-web</c>).</summary>
    [Required]
    public string WebClientId { get; set; } = "opentalk-web";

    /// <summary>Scopes the web app asks for.</summary>
    [Required]
    public string WebScope { get; set; } = "openid profile";

    /// <summary>The audience access tokens must carry.</summary>
    [Required]
    public string Audience { get; set; } = "opentalk";

    /// <summary>Allow an http:// authority (loopback tests, development).</summary>
    public bool AllowHttpAuthority { get; set; }

    /// <summary>Name of the first administrator the embedded provider creates.</summary>
    [Required]
    public string InitialAdmin { get; set; } = "admin";

    /// <summary>Its password; when empty a random one is written to <c>admin-password.txt</c> in the data folder.</summary>
    public string? InitialAdminPassword { get; set; }

    /// <summary>Service accounts for the client-credentials flow (embedded provider only).</summary>
    public ServiceAccount[] ServiceAccounts { get; set; } = [];

    /// <summary>Extra redirect URIs for the web client (the embedded provider always allows loopback callbacks).</summary>
    public string[] RedirectUris { get; set; } = [];

    /// <summary>
    /// Where OpenTalk's own web app is served (e.g. <c>https://meet.example.org</c>), when an organisation keeps
    /// using it with this node: its origin may call the APIs (CORS), and the embedded provider registers its client
    /// (<see cref="OpenTalkWebAppClientId"/>, callbacks <c>/auth/callback</c> and <c>/auth/popup_callback</c>,
    /// back to <c>/dashboard</c> after signing out). Empty: none.
    /// </summary>
    [Url]
    public string? OpenTalkWebApp { get; set; }

    /// <summary>The client id OpenTalk's web app signs in with (its <c>oidcConfig.clientId</c>; OpenTalk's default).</summary>
    [Required]
    public string OpenTalkWebAppClientId { get; set; } = "Frontend";

    public bool IsEmbedded => string.IsNullOrWhiteSpace(Authority);
}

public sealed class ServiceAccount
{
    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string ClientSecret { get; set; } = "";

    public string[] Roles { get; set; } = [];
}
