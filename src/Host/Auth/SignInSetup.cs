using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Validation.AspNetCore;
using OpenTalk.Host.Hosting;

namespace OpenTalk.Host.Auth;

/// <summary>
/// Sign-in: the embedded OpenID provider (OpenIddict, local accounts) on a single node, or JWT
/// bearer tokens from any external OpenID Connect provider when <c>SignIn:Authority</c> is set.
/// </summary>
public static class SignInSetup
{
    public const string ApiScheme = "api";
    public const string LoginCookie = "opentalk.login";

    public static IServiceCollection AddOpenTalkSignIn(this IServiceCollection services, SignInSettings signIn, string dataFolder, string postgres)
    {
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = ApiScheme;
            options.DefaultChallengeScheme = ApiScheme;
        });

        if (signIn.IsEmbedded)
        {
            AddEmbeddedProvider(services, signIn, dataFolder, postgres);
            services.AddAntiforgery(o => o.Cookie.Name = "opentalk.antiforgery");
            services.AddOptions<SignInThrottleSettings>().BindConfiguration(SignInThrottleSettings.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<SignInThrottle>();
            authentication
                .AddCookie(LoginCookie, o =>
                {
                    o.LoginPath = "/account/login";
                    o.Cookie.Name = LoginCookie;
                    o.Cookie.SameSite = SameSiteMode.Lax;
                    o.ExpireTimeSpan = TimeSpan.FromHours(8);
                })
                .AddPolicyScheme(ApiScheme, ApiScheme, o =>
                    o.ForwardDefault = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        }
        else
        {
            authentication
                .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
                {
                    o.Authority = signIn.Authority;
                    o.Audience = signIn.Audience;
                    o.RequireHttpsMetadata = !signIn.AllowHttpAuthority;
                    o.MapInboundClaims = false;
                    o.TokenValidationParameters.NameClaimType = "name";
                    o.TokenValidationParameters.RoleClaimType = "role";
                })
                .AddPolicyScheme(ApiScheme, ApiScheme, o => o.ForwardDefault = JwtBearerDefaults.AuthenticationScheme);
        }

        services.AddAuthorization();
        services.AddSingleton<IdTokenValidator>();
        return services;
    }

    private static void AddEmbeddedProvider(IServiceCollection services, SignInSettings signIn, string dataFolder, string postgres)
    {
        Directory.CreateDirectory(dataFolder);
        services.AddDbContext<IdentityStore>(o => IdentityStore.Configure(o, postgres));

        var signing = SigningKeys.LoadOrCreate(Path.Combine(dataFolder, "signing-key.pem"));
        var encryption = SigningKeys.LoadOrCreate(Path.Combine(dataFolder, "encryption-key.pem"));
        services.AddSingleton(new EmbeddedSigningKey(signing));

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityStore>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                o.RegisterScopes("openid", "profile", "email", "offline_access");
                o.AddSigningKey(signing).AddEncryptionKey(encryption);
                // Plain signed JWTs, so other nodes and services can validate them from the JWKS.
                o.DisableAccessTokenEncryption();
                o.AddEventHandler(SignedRefreshTokens.Descriptor);
                o.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(signIn.Audience);
                o.UseAspNetCore();
            });

        services.AddHostedService<IdentitySeeder>();
    }
}
