using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tunas.Web.Data;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Account;

public static class AuthSetup
{
    private const string SmartScheme = "Tunas";

    /// <summary>Identity with cookies for pages, bearer tokens for the API, and every policy of the app.</summary>
    public static IServiceCollection AddTunasAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<TokenKeys>();
        services.AddScoped<TokenIssuer>();
        services.AddSingleton<AccountStates>();
        services.AddSingleton<DecoyPassword>();
        services.AddScoped<SignInCheck>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<TunasDb>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<TunasClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Replace(ServiceDescriptor.Scoped<IUserValidator<AppUser>, AppUserValidator>());

        // A changed role, binding or lock reaches a signed-in browser within a minute (one query per user a minute).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "tunas.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure over HTTPS, also behind a TLS proxy once ForwardedHeaders names it; plain HTTP on localhost still signs in.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers with status codes, never with a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiStatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiStatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                // AddIdentity sets the cookie as the default for authenticate and challenge; both go through the selector instead.
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();

        services.AddAuthorizationBuilder()
            // Private by default: a new page or endpoint needs a signed-in user unless it says AllowAnonymous.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ManageAgency, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.CheckNik, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer, Roles.VillageOperator))
            // Leadership, provider staff, facilitators and participants see no registry at all.
            .AddPolicy(Policies.Registry, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer, Roles.VillageOperator))
            .AddPolicy(Policies.RegistryReview, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer))
            .AddPolicy(Policies.ViewAudit, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ManagePrograms, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer))
            .AddPolicy(Policies.Applications, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer, Roles.VillageOperator))
            .AddPolicy(Policies.Selection, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer))
            .AddPolicy(Policies.Messages, p => p.RequireRole(Roles.Administrator, Roles.ProgramOfficer, Roles.VillageOperator));

        return services;
    }

    private static Task ApiStatusOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private sealed class ConfigureJwtBearer(TokenKeys keys, AccountStates states) : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(string? name, JwtBearerOptions options)
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = TokenIssuer.Issuer,
                ValidAudience = TokenIssuer.Audience,
                NameClaimType = ClaimTypes.Name,
                RoleClaimType = ClaimTypes.Role,
                IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            // A signature proves who was issued the token, not that the account still has what it had then.
            options.Events = new JwtBearerEvents { OnTokenValidated = states.CheckTokenAsync };
        }

        public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
    }
}

/// <summary>Holds the API token signing key: from configuration, or generated once and kept in the database.</summary>
public sealed class TokenKeys(IOptions<AuthOptions> options)
{
    private const string SecretName = "api-token-key";
    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("The token key is loaded at start-up.");

    public async Task InitializeAsync(TunasDb db, CancellationToken ct)
    {
        var configured = options.Value.TokenKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (configured.Length < 32)
            {
                throw new InvalidOperationException("Auth:TokenKey must be at least 32 characters long.");
            }
            _key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
            return;
        }
        var stored = await db.AppSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == SecretName, ct);
        if (stored is null)
        {
            stored = new AppSecret { Name = SecretName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            db.AppSecrets.Add(stored);
            await db.SaveChangesAsync(ct);
        }
        _key = new SymmetricSecurityKey(Convert.FromBase64String(stored.Value));
    }
}

/// <summary>Issues bearer tokens for the API from a signed-in principal.</summary>
public sealed class TokenIssuer(TokenKeys keys, IOptions<AuthOptions> options, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private readonly string _stampClaimType = identity.Value.ClaimsIdentity.SecurityStampClaimType;

    public const string Issuer = "tunas";
    public const string Audience = "tunas-api";

    public (string Token, DateTime ExpiresAt) Issue(ClaimsPrincipal principal)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddHours(options.Value.TokenLifetimeHours);
        var claims = principal.Claims
            .Where(c => c.Type is ClaimTypes.NameIdentifier or ClaimTypes.Name or ClaimTypes.Email or ClaimTypes.Role
                or TunasClaims.VillageCode or TunasClaims.ProviderId or TunasClaims.AgencyId or TunasClaims.FullName)
            .ToList();
        claims.Add(new Claim(AccountStates.StampClaim, AccountStates.StampOf(principal.FindFirstValue(_stampClaimType))));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}

/// <summary>Adds the row-level bindings (kelurahan, provider, agency) to the signed-in principal.</summary>
public sealed class TunasClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TunasClaims.AgencyId, user.AgencyId.ToString(CultureInfo.InvariantCulture)));
        if (!string.IsNullOrEmpty(user.FullName))
        {
            identity.AddClaim(new Claim(TunasClaims.FullName, user.FullName));
        }
        if (!string.IsNullOrEmpty(user.VillageCode))
        {
            identity.AddClaim(new Claim(TunasClaims.VillageCode, user.VillageCode));
        }
        if (user.ProviderId is { } providerId)
        {
            identity.AddClaim(new Claim(TunasClaims.ProviderId, providerId.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
